import { DeleteOutlined, DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { CatalogEntry, EvidenceItem } from '../../api/evidence';
import {
  KIND_COLORS,
  PROVIDER_FALLBACK,
  disposalTag,
  findingTag,
  formatBytes,
  groupedHash,
  isAvKind,
  kindName,
  recordedRangeText,
  retentionText,
  shortHash,
  uploadDeadlineView,
} from '../../features/evidence/evidence-view';
import {
  disposalBlockedText,
  itemRetentionActions,
  type RetentionAccess,
} from '../../features/evidence/retention-actions';
import { formatChinaDateTime } from '../../features/time/china-time';

/** A SHA-256 shortened to compare by eye, expandable to all 64 digits in groups of eight, copyable whole. */
export const HashText = ({ sha256 }: { sha256: string }) => {
  const [isFull, setIsFull] = useState(false);

  return (
    <div>
      <Flex gap={6} align="center">
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          SHA-256
        </Typography.Text>
        {isFull ? null : (
          <Typography.Text className="mono" style={{ fontSize: 12, whiteSpace: 'nowrap' }} title={sha256}>
            {shortHash(sha256)}
          </Typography.Text>
        )}
        <Typography.Text copyable={{ text: sha256, tooltips: ['复制完整哈希值', '已复制'] }} />
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', fontSize: 12 }}
          aria-expanded={isFull}
          onClick={() => setIsFull(!isFull)}
        >
          {isFull ? '收起' : '展开'}
        </Button>
      </Flex>
      {isFull ? (
        <Typography.Text
          className="mono"
          style={{ fontSize: 12, display: 'block', maxWidth: 320 }}
          data-testid="evidence-sha256"
          data-sha256={sha256}
        >
          {groupedHash(sha256)}
        </Typography.Text>
      ) : null}
    </div>
  );
};

type Props = {
  items: readonly EvidenceItem[];
  kinds: readonly CatalogEntry[] | undefined;
  stageNameOf: (stageId: string) => string;
  canDownload: boolean;
  onOpen: (item: EvidenceItem) => void;
  access?: RetentionAccess;
  onRequestDisposal?: (item: EvidenceItem) => void;
};

const NO_ACCESS: RetentionAccess = { canManageRetention: false, canManageHolds: false };

const small = { fontSize: 12 } as const;

/** AV-3, AV-4, AV-6, RET-1: each original with what was stated about it and what the server checked. */
export const EvidenceTable = ({
  items,
  kinds,
  stageNameOf,
  canDownload,
  onOpen,
  access = NO_ACCESS,
  onRequestDisposal,
}: Props) => {
  const canDispose = (item: EvidenceItem) =>
    onRequestDisposal !== undefined && itemRetentionActions(item, access).canRequestDisposal;
  const anyDisposable = items.some(canDispose);
  const columns: TableColumnsType<EvidenceItem> = [
    {
      title: '证据',
      key: 'file',
      minWidth: 230,
      render: (_, item) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Flex gap={6} align="center" wrap>
            <Tag color={KIND_COLORS[item.kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
              {kindName(kinds, item.kind)}
            </Tag>
            <Typography.Link
              onClick={() => onOpen(item)}
              style={{ wordBreak: 'break-all' }}
              data-testid="evidence-open"
            >
              {item.filename}
            </Typography.Link>
          </Flex>
          <Typography.Text type="secondary" style={small}>
            {formatBytes(item.size)} · {stageNameOf(item.stage)}
            {item.providedBy !== 'agency'
              ? ` · ${PROVIDER_FALLBACK[item.providedBy] ?? item.providedBy}${item.providerName ? `（${item.providerName}）` : ''}`
              : ''}
          </Typography.Text>
          <HashText sha256={item.sha256} />
        </Flex>
      ),
    },
    {
      title: '摄录时间与地点',
      key: 'recorded',
      width: 185,
      render: (_, item) => (
        <Flex vertical gap={2}>
          <span>{recordedRangeText(item.recordedStartedAt, item.recordedEndedAt)}</span>
          <Typography.Text type="secondary" style={small}>
            {item.place ?? '未填写地点'}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '执法人员与设备',
      key: 'people',
      width: 150,
      render: (_, item) => (
        <Flex vertical gap={2}>
          <span data-testid="evidence-officers">{item.officers.map((o) => o.name).join('、') || '—'}</span>
          <Typography.Text type="secondary" style={small} data-testid="evidence-device">
            {item.device ? `${item.device.name}（${item.device.serialNumber}）` : '未关联设备'}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '上传',
      key: 'upload',
      width: 160,
      render: (_, item) => {
        const deadline = uploadDeadlineView(item);

        return (
          <Flex vertical gap={2} align="flex-start">
            <span>{formatChinaDateTime(item.uploadedAt)}</span>
            <Typography.Text type="secondary" style={small}>
              {item.uploadedBy.displayName} 上传
            </Typography.Text>
            <Tooltip title={deadline.tip}>
              <Tag color={deadline.color} data-testid="evidence-deadline" style={{ marginInlineEnd: 0 }}>
                {deadline.label}
              </Tag>
            </Tooltip>
          </Flex>
        );
      },
    },
    {
      title: '连续性',
      key: 'continuity',
      width: 130,
      render: (_, item) => {
        if (!isAvKind(item.kind)) return <Typography.Text type="secondary">不适用</Typography.Text>;
        if (item.continuity.length === 0) {
          return (
            <Tag color="success" data-testid="continuity-tag" style={{ marginInlineEnd: 0 }}>
              未发现问题
            </Tag>
          );
        }

        return (
          <Flex vertical gap={4} align="flex-start">
            {item.continuity.map((finding) => {
              const tag = findingTag(finding);

              return (
                <Tooltip key={`${finding.code}:${finding.clipIds.join(',')}`} title={tag.tip}>
                  <Tag color={tag.color} data-testid="continuity-tag" style={{ marginInlineEnd: 0 }}>
                    {tag.label}
                  </Tag>
                </Tooltip>
              );
            })}
          </Flex>
        );
      },
    },
    {
      title: '保存期限',
      key: 'retention',
      width: 110,
      render: (_, item) => (
        <Flex vertical gap={2} align="flex-start">
          <Tooltip
            title={[retentionText(item.retention), access.canManageRetention ? disposalBlockedText(item) : null]
              .filter(Boolean)
              .join('。')}
          >
            <span>{item.retention ? `至 ${item.retention.retainUntil}` : '未设定'}</span>
          </Tooltip>
          {item.isHeld ? <Tag color="red">已冻结</Tag> : null}
          {disposalTag(item) ? (
            <Tooltip title={disposalTag(item)!.tip}>
              <Tag color={disposalTag(item)!.color} data-testid="evidence-disposal">
                {disposalTag(item)!.label}
              </Tag>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: (canDownload ? 140 : 76) + (anyDisposable ? 40 : 0),
      render: (_, item) => (
        <Flex gap={4} wrap>
          <Button size="small" icon={<PlayCircleOutlined aria-hidden />} onClick={() => onOpen(item)}>
            查看
          </Button>
          {item.downloadUrl && canDownload ? (
            <Button size="small" icon={<DownloadOutlined aria-hidden />} href={item.downloadUrl} download>
              下载
            </Button>
          ) : null}
          {canDispose(item) ? (
            <Button
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={`申请销毁 ${item.filename}`}
              data-testid="evidence-request-disposal"
              onClick={() => onRequestDisposal?.(item)}
            >
              申请销毁
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <Table<EvidenceItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...items]}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      onRow={(item) => ({ 'data-testid': 'evidence-row', 'data-id': item.id }) as HTMLAttributes<HTMLElement>}
      scroll={{ x: 1040 }}
    />
  );
};
