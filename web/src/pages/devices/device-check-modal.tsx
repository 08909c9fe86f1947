import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCheckDevice, type DeviceCatalog, type DeviceCheckResponse, type DeviceSummary } from '../../api/devices';
import { errorMessageOf, fieldErrorsOf } from '../../api/http';
import { Citations } from '../../components/citations';
import { clockOffsetSeconds, gbToMb, toCheckRequest, type DeviceCheckValues } from '../../features/devices/device-form';
import { formatClockOffset, holderText, previewCheck } from '../../features/devices/device-view';
import { splitFieldErrors } from '../../features/forms/field-errors';
import { chinaNow, formatChinaDateTime } from '../../features/time/china-time';

type Props = { device: DeviceSummary; catalog: DeviceCatalog; onClose: () => void };

const PreviewIcon = ({ isPassed }: { isPassed: boolean | null }) =>
  isPassed === null ? (
    <MinusCircleOutlined aria-label="未填写" style={{ color: '#bfbfbf' }} />
  ) : isPassed ? (
    <CheckCircleFilled aria-label="符合" style={{ color: '#389e0d' }} />
  ) : (
    <CloseCircleFilled aria-label="不符合" style={{ color: '#cf1322' }} />
  );

const Result = ({ result }: { result: DeviceCheckResponse }) =>
  result.isReady ? (
    <Alert
      type="success"
      showIcon
      data-testid="device-check-result"
      title="检查通过：电量、存储空间和日期时间均符合要求，设备可以出勤"
      description={`已于 ${formatChinaDateTime(result.checkedAt, 'YYYY-MM-DD HH:mm:ss')} 记录并写入账本。`}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      data-testid="device-check-result"
      title="检查未通过：请处理以下问题后重新检查，或更换设备"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {result.failed.map((f) => (
            <li key={f.id}>{f.message}</li>
          ))}
          <li>本次检查结果已记录并写入账本。</li>
        </ul>
      }
    />
  );

/**
 * AV-5: the check before field work (S2 第十四条, S3 附件2 第十三条): battery, free storage and the clock. The offset can
 * be typed, or computed from the time the device's screen shows against this computer's clock.
 */
export const DeviceCheckModal = ({ device, catalog, onClose }: Props) => {
  const [form] = Form.useForm<DeviceCheckValues>();
  const check = useCheckDevice(device.id);
  const [deviceTime, setDeviceTime] = useState<{ value: Dayjs; readAt: Date } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<DeviceCheckResponse | null>(null);
  const battery = Form.useWatch('batteryPercent', form);
  const storageGb = Form.useWatch('freeStorageGb', form);
  const offset = Form.useWatch('clockOffsetSeconds', form);
  const preview = previewCheck(catalog.checkRules, {
    batteryPercent: typeof battery === 'number' ? battery : null,
    freeStorageMb: typeof storageGb === 'number' ? gbToMb(storageGb) : null,
    clockOffsetSeconds: typeof offset === 'number' ? offset : null,
  });

  const fillOffset = () => {
    if (!deviceTime) return;
    form.setFieldValue('clockOffsetSeconds', clockOffsetSeconds(deviceTime.value, deviceTime.readAt));
    void form.validateFields(['clockOffsetSeconds']);
  };

  const onFinish = (values: DeviceCheckValues) => {
    setError(null);
    check.mutate(toCheckRequest(values), {
      onSuccess: setResult,
      onError: (e) => {
        const fields = fieldErrorsOf(e).map((f) =>
          f.field === 'freeStorageMb' ? { ...f, field: 'freeStorageGb' } : f,
        );
        const { formErrors, otherMessages } = splitFieldErrors(fields, [
          'batteryPercent',
          'freeStorageGb',
          'clockOffsetSeconds',
          'note',
        ]);
        form.setFields(formErrors as Parameters<typeof form.setFields>[0]);
        if (formErrors.length === 0 || otherMessages.length > 0) {
          setError([errorMessageOf(e), ...otherMessages].join('：'));
        }
      },
    });
  };

  return (
    <Modal
      open
      title={`使用前检查：${device.name}`}
      onCancel={onClose}
      destroyOnHidden
      width={620}
      footer={
        result
          ? [
              <Button key="close" type="primary" onClick={onClose}>
                关闭
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                取消
              </Button>,
              <Button key="submit" type="primary" loading={check.isPending} onClick={() => form.submit()}>
                记录检查结果
              </Button>,
            ]
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          序列号 <span className="mono">{device.serialNumber}</span> · {device.kindName}
          {device.holder ? ` · 使用人 ${holderText(device.holder)}` : ''}
        </Typography.Text>
        {result ? <Result result={result} /> : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
        <Form<DeviceCheckValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={check.isPending || result !== null}
          requiredMark
        >
          <Flex gap={16} wrap>
            <Form.Item
              label="电量"
              name="batteryPercent"
              rules={[{ required: true, message: '请填写电量' }]}
              style={{ flex: '1 1 160px' }}
            >
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              label="剩余存储空间"
              name="freeStorageGb"
              rules={[{ required: true, message: '请填写剩余存储空间' }]}
              style={{ flex: '1 1 160px' }}
            >
              <InputNumber min={0} max={100 * 1024} step={0.5} precision={1} suffix="GB" style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item
            label="设备时间与标准时间之差"
            name="clockOffsetSeconds"
            rules={[{ required: true, message: '请填写时间差，或按设备显示时间计算' }]}
            extra={
              typeof offset === 'number'
                ? `设备时间${formatClockOffset(offset)}（快为正数，慢为负数）`
                : '设备快填正数，慢填负数；也可在下方填入设备屏幕上显示的时间自动计算。'
            }
          >
            <InputNumber min={-86_400} max={86_400} precision={0} suffix="秒" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label="设备屏幕显示的时间"
            extra={
              deviceTime
                ? `按本机时钟，于 ${deviceTime.readAt.toLocaleTimeString('zh-CN', { hour12: false })} 读取；请确认本机时间准确。`
                : '看到设备时间后立即填入，再点“计算时间差”，以本机时钟为标准时间。'
            }
          >
            <Space.Compact style={{ width: '100%' }}>
              <DatePicker
                showTime
                aria-label="设备屏幕显示的时间"
                format="YYYY-MM-DD HH:mm:ss"
                defaultPickerValue={chinaNow()}
                value={deviceTime?.value ?? null}
                onChange={(value) => setDeviceTime(value ? { value, readAt: new Date() } : null)}
                style={{ flex: 1 }}
              />
              <Button onClick={fillOffset} disabled={!deviceTime}>
                计算时间差
              </Button>
            </Space.Compact>
          </Form.Item>
          <Form.Item label="备注" name="note">
            <Input.TextArea
              maxLength={500}
              showCount
              autoSize={{ minRows: 1, maxRows: 4 }}
              placeholder="如：已充电、已清理存储卡"
            />
          </Form.Item>
        </Form>
        <section aria-label="出勤要求" style={{ border: '1px solid #e5e8ef', borderRadius: 8, padding: '8px 12px' }}>
          <Typography.Text strong>出勤要求</Typography.Text>
          <Flex vertical gap={4} style={{ marginTop: 4 }} data-testid="device-check-preview">
            {preview.map((item) => (
              <Space key={item.id}>
                <PreviewIcon isPassed={item.isPassed} />
                <Typography.Text>{item.name}</Typography.Text>
                <Typography.Text type="secondary">{item.requirement}</Typography.Text>
              </Space>
            ))}
          </Flex>
        </section>
        <Citations citations={catalog.checkRules[0]?.citations} />
      </Flex>
    </Modal>
  );
};
