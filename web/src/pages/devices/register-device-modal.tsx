import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useRegisterDevice, type DeviceCatalog, type DeviceDetail } from '../../api/devices';
import { errorMessageOf, fieldErrorsOf, isApiError } from '../../api/http';
import { Citations } from '../../components/citations';
import { toRegisterRequest, type RegisterDeviceValues } from '../../features/devices/device-form';
import { splitFieldErrors } from '../../features/forms/field-errors';

const FIELDS = ['kind', 'serialNumber', 'model', 'name', 'procuredOn'];

type Props = { catalog: DeviceCatalog; onClose: () => void; onRegistered: (device: DeviceDetail) => void };

/** DEV-1: 登记设备 (S1 第二十八条 采购、登记); the serial number is unique within the agency. */
export const RegisterDeviceModal = ({ catalog, onClose, onRegistered }: Props) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterDeviceValues>();
  const register = useRegisterDevice();
  const [error, setError] = useState<{ title: string; details: string[] } | null>(null);
  const kind = Form.useWatch('kind', form);
  const kindCitations = catalog.kinds.find((k) => k.id === kind)?.citations;

  const onFinish = (values: RegisterDeviceValues) => {
    setError(null);
    register.mutate(toRegisterRequest(values), {
      onSuccess: (device) => {
        void message.success(`已登记 ${device.name}（${device.serialNumber}），设备在库`);
        onRegistered(device);
      },
      onError: (e) => {
        // A taken serial belongs beside its field; other refusals above the form.
        if (isApiError(e) && e.code === 'DEVICE_SERIAL_TAKEN') {
          form.setFields([{ name: 'serialNumber', errors: [errorMessageOf(e)] }]);

          return;
        }
        const { formErrors, otherMessages } = splitFieldErrors(fieldErrorsOf(e), FIELDS);
        form.setFields(formErrors as Parameters<typeof form.setFields>[0]);
        if (formErrors.length === 0 || otherMessages.length > 0) {
          setError({ title: errorMessageOf(e), details: otherMessages });
        }
      },
    });
  };

  return (
    <Modal
      open
      title="登记设备"
      okText="登记"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={register.isPending}
      destroyOnHidden
      width={560}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={error.title}
          description={error.details.length ? error.details.join('；') : undefined}
        />
      ) : null}
      <Form<RegisterDeviceValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={register.isPending}
        initialValues={{ kind: 'body_camera' }}
        requiredMark
      >
        <Form.Item
          label="设备类别"
          name="kind"
          rules={[{ required: true, message: '请选择设备类别' }]}
          extra={<Citations citations={kindCitations} />}
        >
          <Select options={catalog.kinds.map((k) => ({ value: k.id, label: k.name }))} />
        </Form.Item>
        <Form.Item
          label="序列号"
          name="serialNumber"
          rules={[
            { required: true, whitespace: true, message: '请填写设备序列号' },
            { pattern: /^\s*[A-Za-z0-9][A-Za-z0-9._\-/]*\s*$/, message: '序列号只能包含字母、数字和 . _ - /' },
            { max: 64, message: '序列号不超过 64 个字符' },
          ]}
          extra="以设备铭牌为准，字母不区分大小写；同一序列号在本机关只能登记一次。"
        >
          <Input maxLength={64} className="mono" autoComplete="off" />
        </Form.Item>
        <Form.Item label="型号" name="model" rules={[{ required: true, whitespace: true, message: '请填写型号' }]}>
          <Input maxLength={100} placeholder="如：DSJ-V9" />
        </Form.Item>
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请填写设备名称' }]}
          extra="台账和选择设备时显示的名称，如：执法记录仪 03 号。"
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="采购日期" name="procuredOn">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
