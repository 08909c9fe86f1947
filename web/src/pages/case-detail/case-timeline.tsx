import { Empty, Flex, Switch, Timeline, Tooltip, Typography, type TimelineProps } from 'antd';
import { useId, useState } from 'react';
import type { TimelineEntry } from '../../api/types';
import { TIMELINE_TYPE_LABELS, VIA_LABELS, labelFor } from '../../features/cases/case-labels';
import { formatDateTime } from '../../features/time/date-format';

const VIEWED = 'case.viewed';

const colorOf = (type: string): string => {
  if (type === 'case.created') return 'green';
  if (type === VIEWED) return 'gray';

  return 'blue';
};

const LedgerRef = ({ entry }: { entry: TimelineEntry }) => (
  <Tooltip
    title={
      <>
        <div>每条记录写入防篡改账本，哈希值用于核验记录未被篡改。</div>
        <div className="mono" style={{ wordBreak: 'break-all', marginTop: 4 }}>
          {entry.leafHash}
        </div>
      </>
    }
  >
    <Typography.Text type="secondary" tabIndex={0} data-testid="ledger-ref" style={{ fontSize: 12 }}>
      账本 #{entry.seq} · <span className="mono">{entry.leafHash.slice(0, 16)}</span>
    </Typography.Text>
  </Tooltip>
);

export const CaseTimeline = ({ entries }: { entries: readonly TimelineEntry[] }) => {
  const [isShowingViews, setIsShowingViews] = useState(false);
  const switchId = useId();
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const viewCount = sorted.filter((e) => e.type === VIEWED).length;
  const visible = isShowingViews ? sorted : sorted.filter((e) => e.type !== VIEWED);

  const items: TimelineProps['items'] = visible.map((entry) => ({
    key: entry.seq,
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
        <LedgerRef entry={entry} />
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
    </>
  );
};
