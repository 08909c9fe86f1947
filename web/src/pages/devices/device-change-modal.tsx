import { Alert, App, Flex, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import {
  useChangeDevice,
  useDeviceAssignees,
  type DeviceCatalog,
  type DeviceChangeType,
  type DeviceSummary,
} from '../../api/devices';
import { errorMessageOf, fieldErrorsOf, isApiError } from '../../api/http';
import { Citations } from '../../components/citations';
import { holderText } from '../../features/devices/device-view';
import { splitFieldErrors } from '../../features/forms/field-errors';

type ChangeValues = { to?: 'user' | 'section'; assigneeUserId?: string; assigneeSectionId?: string; note?: string };

// What the keeper confirms, change by change; every change is a ledger entry and cannot be taken back.
const CONFIRMATIONS: Record<DeviceChangeType, string> = {
  assigned: '发放后，设备由领用人（或科室）负责使用和日常管理，直至归还（谁使用谁负责）。',
  returned: '确认设备已交回设备管理人员。归还后，使用人对此后的使用不再负责。',
  maintenance_started: '送修期间设备不能发放、不能用于执法；如设备在使用中，送修即收回。',
  maintenance_ended: '维修完成后设备回到在库状态，可重新发放。',
  retired: '报废后设备不能再发放、送修或恢复使用；已摄录文件的追溯记录保留。',
};

const NOTE_LABELS: Record<DeviceChangeType, string> = {
  assigned: '备注',
  returned: '归还情况',
  maintenance_started: '故障情况',
  maintenance_ended: '维修结果',
  retired: '报废原因',
};

type Props = {
  device: DeviceSummary;
  type: DeviceChangeType;
  catalog: DeviceCatalog;
  onClose: () => void;
};

/** DEV-1: one step of a device's life, confirmed by the keeper: issue, return, maintenance, retirement. */
export const DeviceChangeModal = ({ device, type, catalog, onClose }: Props) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeValues>();
  const change = useChangeDevice(device.id);
  const definition = catalog.events.find((e) => e.type === type);
  const name = definition?.name ?? type;
  const isAssign = type === 'assigned';
  const assignees = useDeviceAssignees(isAssign);
  const to = Form.useWatch('to', form) ?? 'user';
  const [error, setError] = useState<string | null>(null);
  const sectionName = new Map((assignees.data?.sections ?? []).map((s) => [s.id, s.name]));

  const onFinish = (values: ChangeValues) => {
    setError(null);
    change.mutate(
      {
        type,
        assigneeUserId: isAssign && to === 'user' ? (values.assigneeUserId ?? null) : null,
        assigneeSectionId: isAssign && to === 'section' ? (values.assigneeSectionId ?? null) : null,
        note: values.note?.trim() || null,
      },
      {
        onSuccess: (detail) => {
          void message.success(
            isAssign ? `已将 ${detail.name} 发放给 ${holderText(detail.holder)}` : `${detail.name}：${name}已登记`,
          );
          onClose();
        },
        onError: (e) => {
          const { formErrors, otherMessages } = splitFieldErrors(fieldErrorsOf(e), [
            'assigneeUserId',
            'assigneeSectionId',
            'note',
          ]);
          form.setFields(formErrors as Parameters<typeof form.setFields>[0]);
          // DEVICE_CHANGE_NOT_ALLOWED says why (someone else changed the device meanwhile, for instance).
          const reason =
            isApiError(e) && typeof (e.details as { reason?: unknown } | null)?.reason === 'string'
              ? (e.details as { reason: string }).reason
              : null;
          if (formErrors.length === 0 || otherMessages.length > 0) {
            setError([errorMessageOf(e), reason, ...otherMessages].filter(Boolean).join('：'));
          }
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`${name}：${device.name}`}
      okText={`确认${name}`}
      cancelText="取消"
      okButtonProps={{ danger: type === 'retired' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={change.isPending}
      destroyOnHidden
      width={520}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          序列号 <span className="mono">{device.serialNumber}</span> · 当前{device.stateName}
          {device.holder ? ` · 使用人 ${holderText(device.holder)}` : ''}
        </Typography.Text>
        <Alert type={type === 'retired' ? 'warning' : 'info'} showIcon title={CONFIRMATIONS[type]} />
        {error ? <Alert type="error" showIcon title={error} /> : null}
        <Form<ChangeValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={change.isPending}
          initialValues={{ to: 'user' }}
        >
          {isAssign ? (
            <>
              <Form.Item label="发放给" name="to">
                <Radio.Group
                  options={[
                    { value: 'user', label: '个人' },
                    { value: 'section', label: '科室（科室成员均可使用）' },
                  ]}
                />
              </Form.Item>
              {to === 'user' ? (
                <Form.Item label="领用人" name="assigneeUserId" rules={[{ required: true, message: '请选择领用人' }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={assignees.isPending}
                    placeholder="选择本机关执法人员"
                    options={(assignees.data?.users ?? []).map((u) => ({
                      value: u.id,
                      label: u.sectionId ? `${u.displayName}（${sectionName.get(u.sectionId) ?? ''}）` : u.displayName,
                    }))}
                  />
                </Form.Item>
              ) : (
                <Form.Item
                  label="领用科室"
                  name="assigneeSectionId"
                  rules={[{ required: true, message: '请选择领用科室' }]}
                >
                  <Select
                    loading={assignees.isPending}
                    placeholder="选择本机关科室"
                    options={(assignees.data?.sections ?? []).map((s) => ({ value: s.id, label: s.name }))}
                  />
                </Form.Item>
              )}
            </>
          ) : null}
          <Form.Item
            label={NOTE_LABELS[type]}
            name="note"
            rules={
              definition?.note === 'required'
                ? [{ required: true, whitespace: true, message: `请填写${NOTE_LABELS[type]}` }]
                : []
            }
          >
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
        <Citations citations={definition?.citations} />
      </Flex>
    </Modal>
  );
};
