import { Alert, App, Button, Card, Flex, Form, InputNumber, Radio, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useChangeEvidenceSettings, useEvidenceSettings, type EvidenceSettings } from '../../api/evidence-oversight';
import { errorMessageOf, fieldErrorsOf } from '../../api/http';
import { QueryErrorResult } from '../../components/query-error-result';
import { isValidMaxGap } from '../../features/evidence-oversight/oversight-view';
import { formatChinaDateTime } from '../../features/time/china-time';

type Values = { avUpload: string; maxGapSeconds: number | null };

const SettingsForm = ({ settings, canConfigure }: { settings: EvidenceSettings; canConfigure: boolean }) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangeEvidenceSettings();
  const [error, setError] = useState<string | null>(null);
  const limit = settings.maxGapLimitSeconds;

  const onFinish = (values: Values) => {
    setError(null);
    change.mutate(
      { avUpload: values.avUpload, maxGapSeconds: values.maxGapSeconds ?? 0 },
      {
        onSuccess: () => void message.success('证据设置已保存，对此后归档的证据生效'),
        onError: (e) => {
          const fields = fieldErrorsOf(e);
          const messages = fields.map((f) => f.message).filter(Boolean);
          setError([errorMessageOf(e), ...messages].join('：'));
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={canConfigure}
      initialValues={{ avUpload: settings.avUpload, maxGapSeconds: settings.maxGapSeconds }}
      onFinish={onFinish}
      disabled={!canConfigure || change.isPending}
      style={{ maxWidth: 760 }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        label="音像记录上传时限（AV-6）"
        name="avUpload"
        rules={[{ required: true, message: '请选择上传时限' }]}
        extra="从摄录结束时起算；逾期上传的文件在「逾期上传」中列出。修改只对此后归档的证据生效。"
      >
        <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="settings-av-upload">
          {settings.presets.map((preset) => (
            <Radio key={preset.id} value={preset.id}>
              <Flex vertical>
                <Typography.Text>{preset.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  依据：{preset.citations.map((c) => c.text).join('；')}
                </Typography.Text>
              </Flex>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        label="连续性检查：同一次执法活动相邻两段录像的最大允许间隔（AV-4）"
        name="maxGapSeconds"
        rules={[
          { required: true, message: '请填写最大允许间隔' },
          {
            validator: (_, value) =>
              value === null || value === undefined || isValidMaxGap(value, limit)
                ? Promise.resolve()
                : Promise.reject(new Error(`应为 0 至 ${limit} 之间的整数秒`)),
          },
        ]}
        extra={`超过该间隔的中断须作出说明（S2 第十六条，S1 第二十一条，S3 附件2 第十二条）；0 至 ${limit} 秒。`}
      >
        <InputNumber min={0} max={limit} precision={0} step={10} suffix="秒" style={{ width: 180 }} />
      </Form.Item>
      {canConfigure ? (
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          保存设置
        </Button>
      ) : null}
    </Form>
  );
};

/** AV-4, AV-6: the agency's upload deadline (one of three with their basis) and the continuity gap threshold. */
export const EvidenceSettingsTab = ({ canConfigure }: { canConfigure: boolean }) => {
  const settings = useEvidenceSettings();

  if (settings.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (settings.error) return <QueryErrorResult error={settings.error} onRetry={() => void settings.refetch()} />;

  return (
    <Card>
      <Flex vertical gap={16}>
        {canConfigure ? null : (
          <Alert
            type="info"
            showIcon
            data-testid="settings-read-only"
            title="证据设置由机关负责人或系统管理员修改，您可以查看当前设置。"
          />
        )}
        {settings.data.updatedAt ? (
          <Typography.Text type="secondary">
            最近修改：{formatChinaDateTime(settings.data.updatedAt, 'YYYY-MM-DD HH:mm')}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">本机关尚未修改过，以下为默认设置。</Typography.Text>
        )}
        <SettingsForm settings={settings.data} canConfigure={canConfigure} />
      </Flex>
    </Card>
  );
};
