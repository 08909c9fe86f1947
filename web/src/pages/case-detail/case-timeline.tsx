import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Switch, Tag, Timeline, Tooltip, Typography, type TimelineProps } from 'antd';
import { useId, useState } from 'react';
import type { TimelineEntry } from '../../api/types';
import { TIMELINE_TYPE_LABELS, VIA_LABELS, labelFor } from '../../features/cases/case-labels';
import { sortTimeline } from '../../features/cases/timeline-order';
import { formatDateTime } from '../../features/time/date-format';
import { VerifyEntryModal, type VerifyTarget } from './verify-entry-modal';

const VIEWED = 'case.viewed';

const colorOf = (type: string): string => {
  if (type === 'case.created') return 'green';
  if (type === VIEWED) return 'gray';

  return 'blue';
};

const HashTip = ({ entry, lead }: { entry: TimelineEntry; lead: string }) => (
  <>
    <div>{lead}</div>
    <div className="mono" style={{ wordBreak: 'break-all', marginTop: 4 }}>
      {entry.leafHash}
    </div>
  </>
);

const LedgerRef = ({ entry, seq }: { entry: TimelineEntry; seq: number }) => (
  <Tooltip title={<HashTip entry={entry} lead="每条记录写入防篡改账本，哈希值用于核验记录未被篡改。" />}>
    <Typography.Text type="secondary" tabIndex={0} data-testid="ledger-ref" style={{ fontSize: 12 }}>
      账本 #{seq} · <span className="mono">{entry.leafHash.slice(0, 16)}</span>
    </Typography.Text>
  </Tooltip>
);

const PendingRef = ({ entry }: { entry: TimelineEntry }) => (
  <Tooltip
    title={<HashTip entry={entry} lead="记录已保存，正在排队写入账本（通常不到一秒），刷新页面后即可看到账本序号。" />}
  >
    <Tag tabIndex={0} data-testid="ledger-pending" style={{ fontSize: 12, marginInlineEnd: 0 }}>
      待入账
    </Tag>
  </Tooltip>
);

const LedgerLine = ({ entry, onVerify }: { entry: TimelineEntry; onVerify: ((seq: number) => void) | null }) => {
  const { seq } = entry;
  if (seq === null) {
    return (
      <div>
        <PendingRef entry={entry} />
      </div>
    );
  }

  return (
    <Flex gap={4} align="center" wrap>
      <LedgerRef entry={entry} seq={seq} />
      {onVerify ? (
        <Button
          type="link"
          size="small"
          icon={<SafetyCertificateOutlined aria-hidden />}
          data-testid="verify-entry"
          onClick={() => onVerify(seq)}
          style={{ fontSize: 12, paddingInline: 4 }}
        >
          核验
        </Button>
      ) : null}
    </Flex>
  );
};

type Props = {
  entries: readonly TimelineEntry[];
  /** The case's agency: its ledger holds these entries. Without it the entries cannot be verified. */
  agencyCode: string | undefined;
  caseId: string;
};

export const CaseTimeline = ({ entries, agencyCode, caseId }: Props) => {
  const [isShowingViews, setIsShowingViews] = useState(false);
  const [target, setTarget] = useState<VerifyTarget | null>(null);
  const [isVerifying, setIsVerifying] = useState(false);
  const switchId = useId();
  const sorted = sortTimeline(entries);
  const viewCount = sorted.filter((e) => e.type === VIEWED).length;
  const visible = isShowingViews ? sorted : sorted.filter((e) => e.type !== VIEWED);

  const openVerify = (entry: TimelineEntry, seq: number) => {
    setTarget({ seq, type: entry.type, leafHash: entry.leafHash });
    setIsVerifying(true);
  };

  const items: TimelineProps['items'] = visible.map((entry) => ({
    key: entry.leafHash,
    color: colorOf(entry.type),
    content: (
      <Flex vertical gap={2} data-testid="timeline-entry">
        <Flex gap={12} wrap align="baseline">
          <Typography.Text strong>{labelFor(TIMELINE_TYPE_LABELS, entry.type)}</Typography.Text>
          <Typography.Text type="secondary">{formatDateTime(entry.occurredAt)}</Typography.Text>
        </Flex>
        <Typography.Text>
          {entry.actor?.displayName ?? '系统'}
          <Typography.Text type="secondary"> · 经{labelFor(VIA_LABELS, entry.via)}</Typography.Text>
        </Typography.Text>
        <LedgerLine entry={entry} onVerify={agencyCode ? (seq) => openVerify(entry, seq) : null} />
      </Flex>
    ),
  }));

  return (
    <>
      <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
        <Switch id={switchId} size="small" checked={isShowingViews} onChange={setIsShowingViews} />
        <label htmlFor={switchId} style={{ cursor: 'pointer' }}>
          显示查阅记录
        </label>
        {viewCount > 0 ? <Typography.Text type="secondary">（共 {viewCount} 条查阅记录）</Typography.Text> : null}
      </Flex>
      {items.length ? <Timeline items={items} /> : <Empty description="暂无记录" />}
      {agencyCode ? (
        <VerifyEntryModal
          code={agencyCode}
          caseId={caseId}
          target={target}
          isOpen={isVerifying}
          onClose={() => setIsVerifying(false)}
          afterClose={() => setTarget(null)}
        />
      ) : null}
    </>
  );
};
