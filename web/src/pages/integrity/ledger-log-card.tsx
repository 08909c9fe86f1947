import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, Descriptions, Flex, Tag, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { errorMessageOf } from '../../api/http';
import { useRunAudit } from '../../api/ledger';
import type { LedgerAudit, LedgerLogStatus } from '../../api/types';
import { unsignedCount, witnessSummary } from '../../features/ledger/integrity-view';
import {
  HASH_ALGORITHM_LABELS,
  auditVerdict,
  findingPlace,
  groupFindings,
  ledgerLabel,
} from '../../features/ledger/ledger-labels';
import { AGENCY_LEVEL_LABELS, labelOf } from '../../features/org/role-labels';
import { formatDateTime } from '../../features/time/date-format';

const Mono = ({ children }: { children: ReactNode }) => (
  <span className="mono" style={{ wordBreak: 'break-all' }}>
    {children}
  </span>
);

const Secondary = ({ children }: { children: ReactNode }) => (
  <Typography.Text type="secondary">{children}</Typography.Text>
);

const CheckpointCell = ({ log }: { log: LedgerLogStatus }) => {
  const { checkpoint } = log;
  if (!checkpoint) return <Secondary>尚未签名（账本有条目后自动生成）</Secondary>;
  const unsigned = unsignedCount(log);

  return (
    <Flex vertical gap={4} style={{ minWidth: 0 }}>
      <span>
        覆盖 {checkpoint.size} 条 · {formatDateTime(checkpoint.createdAt)}
        {unsigned > 0 ? <Secondary>（其后 {unsigned} 条将由下一个检查点签名）</Secondary> : null}
      </span>
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'note',
            label: '查看签名检查点全文',
            children: (
              <pre
                className="mono"
                data-testid="checkpoint-note"
                style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}
              >
                {checkpoint.note}
              </pre>
            ),
          },
        ]}
      />
    </Flex>
  );
};

const WitnessCell = ({ log }: { log: LedgerLogStatus }) => {
  const summary = witnessSummary(log);
  if (summary.state === 'top-level') return <Secondary>最高层级机关，无上级见证</Secondary>;
  if (summary.state === 'never') {
    return (
      <Flex gap={8} wrap align="center">
        <span>{summary.witnessName}</span>
        <Tag color="warning">尚未见证</Tag>
      </Flex>
    );
  }

  return (
    <Flex gap={8} wrap align="center">
      <span>
        {summary.witnessName} 已见证前 {summary.size} 条
        {summary.at ? <Secondary> · {formatDateTime(summary.at)}</Secondary> : null}
      </span>
      {summary.isLatestCosigned ? (
        <Tag color="success">最新检查点已见证</Tag>
      ) : (
        <Tag color="warning">最新检查点待见证</Tag>
      )}
    </Flex>
  );
};

const AuditCell = ({ audit }: { audit: LedgerAudit | null }) => {
  if (!audit) return <Secondary>尚未核验，可点击“立即核验”</Secondary>;
  const groups = groupFindings(audit.findings);

  return (
    <Flex vertical gap={6} data-testid="audit-result" data-status={audit.isOk ? 'ok' : 'problems'}>
      <Flex gap={8} wrap align="center">
        <Tag color={audit.isOk ? 'success' : 'error'}>{auditVerdict(audit)}</Tag>
        <span>{formatDateTime(audit.finishedAt)}</span>
        <Secondary>
          核对 {audit.entries} 条条目、{audit.checkpoints} 个检查点
        </Secondary>
      </Flex>
      {groups.map((group) => (
        <div key={group.kind}>
          <Typography.Text strong type="danger">
            {group.label}（{group.findings.length} 处）
          </Typography.Text>
          <ul style={{ margin: '2px 0 0', paddingInlineStart: 20 }}>
            {group.findings.map((finding, i) => {
              const place = findingPlace(finding);

              return (
                <li key={`${place ?? ''}-${i}`}>
                  {place ? <Typography.Text strong>{place}：</Typography.Text> : null}
                  <span style={{ wordBreak: 'break-all' }}>{finding.detail}</span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </Flex>
  );
};

const logItems = (log: LedgerLogStatus): DescriptionsProps['items'] => [
  { key: 'origin', label: '日志标识', span: 'filled', children: <Mono>{log.origin}</Mono> },
  { key: 'algorithm', label: '哈希算法', children: ledgerLabel(HASH_ALGORITHM_LABELS, log.hashAlgorithm) },
  {
    key: 'size',
    label: '条目',
    children: (
      <span>
        已入账 {log.size} 条
        {log.pending > 0 ? <Secondary> · 待入账 {log.pending} 条</Secondary> : <Secondary> · 无待入账</Secondary>}
      </span>
    ),
  },
  {
    key: 'root',
    label: '当前根哈希',
    span: 'filled',
    children: log.rootHex ? <Mono>{log.rootHex}</Mono> : <Secondary>—</Secondary>,
  },
  { key: 'checkpoint', label: '最新检查点', span: 'filled', children: <CheckpointCell log={log} /> },
  { key: 'witness', label: '上级见证', span: 'filled', children: <WitnessCell log={log} /> },
  { key: 'audit', label: '最近核验', span: 'filled', children: <AuditCell audit={log.audit} /> },
  {
    key: 'vkeys',
    label: '验证公钥',
    span: 'filled',
    children: log.vkeys.length ? (
      <Flex vertical gap={2}>
        {log.vkeys.map((vkey) => (
          <Typography.Text key={vkey} copyable={{ text: vkey, tooltips: ['复制公钥', '已复制'] }}>
            <Mono>{vkey}</Mono>
          </Typography.Text>
        ))}
      </Flex>
    ) : (
      <Secondary>—</Secondary>
    ),
  },
];

export const LedgerLogCard = ({ log }: { log: LedgerLogStatus }) => {
  const audit = useRunAudit();
  const { message } = App.useApp();

  const runAudit = async () => {
    try {
      const result = await audit.mutateAsync(log.agency.code);
      if (result.findings.length === 0) void message.success(`${log.agency.name}：核验完成，未发现问题`);
      else void message.error(`${log.agency.name}：核验发现 ${result.findings.length} 处问题`);
    } catch (error) {
      void message.error(errorMessageOf(error));
    }
  };

  return (
    <Card
      data-testid={`integrity-log-${log.agency.code}`}
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {log.agency.name}
          </Typography.Title>
          <Tag color="blue">{labelOf(AGENCY_LEVEL_LABELS, log.agency.level)}</Tag>
        </Flex>
      }
      extra={
        <Button
          icon={<SafetyCertificateOutlined aria-hidden />}
          loading={audit.isPending}
          onClick={() => void runAudit()}
        >
          立即核验
        </Button>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        items={logItems(log)}
        styles={{ label: { width: 120 } }}
      />
    </Card>
  );
};
