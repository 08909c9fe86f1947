import { Alert, Flex, Typography } from 'antd';
import type { WitnessAlert } from '../../api/types';
import { ALERT_KIND_LABELS, ledgerLabel } from '../../features/ledger/ledger-labels';
import { formatDateTime } from '../../features/time/date-format';

type Props = { alerts: readonly WitnessAlert[]; agencyNames: ReadonlyMap<string, string> };

export const WitnessAlerts = ({ alerts, agencyNames }: Props) => {
  const nameOf = (id: string | null): string => (id ? (agencyNames.get(id) ?? '未知机关') : '系统');

  return (
    <section aria-labelledby="witness-alerts-title" data-testid="integrity-alerts">
      <Typography.Title id="witness-alerts-title" level={2} style={{ fontSize: 16, marginTop: 0 }}>
        见证告警
      </Typography.Title>
      {alerts.length === 0 ? (
        <Alert
          type="success"
          showIcon
          title="未发现告警"
          description="上级机关见证时，各账本的检查点均能由此前见证的检查点延续，签名有效，没有回退。"
        />
      ) : (
        <Flex vertical gap={8}>
          {alerts.map((alert) => (
            <Alert
              key={alert.id}
              type="error"
              showIcon
              data-testid="witness-alert"
              title={`${nameOf(alert.logAgencyId)}的账本：${ledgerLabel(ALERT_KIND_LABELS, alert.kind)}`}
              description={
                <Flex vertical gap={2}>
                  <span style={{ wordBreak: 'break-all' }}>{alert.detail}</span>
                  <Typography.Text type="secondary">
                    {formatDateTime(alert.createdAt)} · 由{nameOf(alert.witnessAgencyId)}发现
                  </Typography.Text>
                </Flex>
              }
            />
          ))}
        </Flex>
      )}
    </section>
  );
};
