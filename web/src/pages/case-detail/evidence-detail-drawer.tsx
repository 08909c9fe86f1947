import { DeleteOutlined, DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Flex, Tag, Typography, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import type { EvidenceCatalog, EvidenceItem } from '../../api/evidence';
import { formatDuration } from '../../features/devices/device-view';
import {
  PROVIDER_FALLBACK,
  disposalTag,
  findingTag,
  formatBytes,
  kindName,
  mediaElementOf,
  recordedRangeText,
  retentionText,
  uploadDeadlineView,
} from '../../features/evidence/evidence-view';
import {
  disposalBlockedText,
  itemRetentionActions,
  type RetentionAccess,
} from '../../features/evidence/retention-actions';
import { formatChinaDateTime } from '../../features/time/china-time';
import { HashText } from './evidence-table';

/** Plays or shows the original from the server, which answers range requests; each opening is in the ledger. */
const Player = ({ item, canDownload }: { item: EvidenceItem; canDownload: boolean }) => {
  const [failed, setFailed] = useState(false);
  const [hasNoPicture, setHasNoPicture] = useState(false);
  const element = mediaElementOf(item.mediaType);
  const remedy = canDownload ? '可下载原件后使用专业播放器查看。' : '如需查看画面，请联系有下载权限的人员。';
  if (!item.contentUrl) {
    return (
      <Alert
        type="info"
        showIcon
        title="原件已按规定销毁"
        description={disposalTag(item)?.tip ?? '原件已不在存储中，描述信息与全过程记录保留。'}
      />
    );
  }
  if (failed) {
    return <Alert type="info" showIcon title="浏览器无法直接播放此文件的编码格式" description={remedy} />;
  }
  const style = { width: '100%', maxHeight: 420, background: '#000', borderRadius: 6 } as const;

  switch (element) {
    case 'video':
      return (
        <Flex vertical gap={8}>
          {/* Some cameras record video codecs browsers do not decode; the sound may still play. */}
          {hasNoPicture ? (
            <Alert
              type="info"
              showIcon
              data-testid="player-no-picture"
              title="浏览器无法解码此文件的画面编码，仅能播放声音"
              description={remedy}
            />
          ) : null}
          <video
            key={item.id}
            src={item.contentUrl}
            controls
            preload="metadata"
            style={hasNoPicture ? { width: '100%', height: 54 } : style}
            data-testid="evidence-player"
            onLoadedMetadata={(event) => setHasNoPicture(event.currentTarget.videoWidth === 0)}
            onError={() => setFailed(true)}
          />
        </Flex>
      );
    case 'audio':
      return (
        <audio
          key={item.id}
          src={item.contentUrl}
          controls
          preload="metadata"
          style={{ width: '100%' }}
          data-testid="evidence-player"
          onError={() => setFailed(true)}
        />
      );
    case 'image':
      return (
        <img
          key={item.id}
          src={item.contentUrl}
          alt={item.filename}
          style={{ maxWidth: '100%', maxHeight: 480, display: 'block', margin: '0 auto' }}
          data-testid="evidence-player"
          onError={() => setFailed(true)}
        />
      );
    default:
      return (
        <Button icon={<ExportOutlined aria-hidden />} href={item.contentUrl} target="_blank" rel="noopener">
          在新窗口中查看
        </Button>
      );
  }
};

const itemsOf = (
  item: EvidenceItem,
  catalog: EvidenceCatalog | undefined,
  stageNameOf: (stageId: string) => string,
  recordNameOf: (recordId: string) => string | null,
): DescriptionsProps['items'] => {
  const deadline = uploadDeadlineView(item);
  const focus = item.focusItems.map((id) => catalog?.focusItems.find((f) => f.id === id)?.name ?? id);
  const provider = catalog?.providers.find((p) => p.id === item.providedBy)?.name ?? PROVIDER_FALLBACK[item.providedBy];
  const timing = item.mediaTiming;

  return [
    { key: 'kind', label: '证据类型', children: kindName(catalog?.kinds, item.kind) },
    { key: 'stage', label: '执法环节', children: stageNameOf(item.stage) },
    {
      key: 'record',
      label: '关联记录',
      children: item.recordId ? (recordNameOf(item.recordId) ?? item.recordId) : '未关联',
    },
    {
      key: 'recorded',
      label: '摄录时间（填报）',
      children: recordedRangeText(item.recordedStartedAt, item.recordedEndedAt),
    },
    {
      key: 'timing',
      label: '文件记载的时间',
      children: timing?.creationTime
        ? `${formatChinaDateTime(timing.creationTime, 'YYYY-MM-DD HH:mm:ss')} 起${
            typeof timing.durationMs === 'number' ? `，时长 ${formatDuration(timing.durationMs / 1000)}` : ''
          }`
        : '文件未记载',
    },
    {
      key: 'place',
      label: '地点',
      children: (
        <>
          {item.place ?? '—'}
          {item.latitude !== null && item.longitude !== null ? (
            <Typography.Text type="secondary" className="mono">
              {' '}
              （{item.latitude}, {item.longitude}）
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { key: 'officers', label: '执法人员', children: item.officers.map((o) => o.name).join('、') || '—' },
    {
      key: 'device',
      label: '记录设备',
      children: item.device ? `${item.device.name}（${item.device.serialNumber}）` : '—',
    },
    { key: 'party', label: '当事人', children: item.partyName ?? '—' },
    {
      key: 'provider',
      label: '来源',
      children: `${provider ?? item.providedBy}${item.providerName ? `：${item.providerName}` : ''}`,
    },
    { key: 'focus', label: '摄录重点事项', span: 'filled', children: focus.length ? focus.join('、') : '—' },
    { key: 'note', label: '备注', span: 'filled', children: item.note ?? '—' },
    {
      key: 'size',
      label: '文件',
      children: `${formatBytes(item.size)}（${item.size.toLocaleString('zh-CN')} 字节）· ${item.mediaType}`,
    },
    { key: 'sha256', label: '哈希值', span: 'filled', children: <HashText sha256={item.sha256} /> },
    {
      key: 'uploaded',
      label: '上传',
      children: `${item.uploadedBy.displayName} · ${formatChinaDateTime(item.uploadedAt, 'YYYY-MM-DD HH:mm:ss')}`,
    },
    {
      key: 'deadline',
      label: '上传时限',
      children: (
        <Flex gap={6} align="center" wrap>
          <Tag color={deadline.color}>{deadline.label}</Tag>
          {deadline.tip ? <Typography.Text type="secondary">{deadline.tip}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      key: 'retention',
      label: '保存期限',
      span: 'filled',
      children: (
        <>
          {retentionText(item.retention)}
          {item.isHeld ? (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              已冻结，不得销毁
            </Tag>
          ) : null}
          {disposalTag(item) ? (
            <Tag color={disposalTag(item)!.color} style={{ marginInlineStart: 8 }} data-testid="detail-disposal">
              {disposalTag(item)!.label}
            </Tag>
          ) : null}
          {disposalBlockedText(item) && item.disposal?.status === 'kept' ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {disposalBlockedText(item)}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'continuity',
      label: '连续性',
      span: 'filled',
      children: item.continuity.length ? (
        <Flex gap={4} wrap>
          {item.continuity.map((f) => (
            <Tag key={`${f.code}:${f.clipIds.join(',')}`} color={findingTag(f).color}>
              {findingTag(f).label}
            </Tag>
          ))}
        </Flex>
      ) : (
        '未发现问题'
      ),
    },
  ];
};

type Props = {
  item: EvidenceItem | null;
  catalog: EvidenceCatalog | undefined;
  canDownload: boolean;
  stageNameOf: (stageId: string) => string;
  recordNameOf: (recordId: string) => string | null;
  onClose: () => void;
  access?: RetentionAccess;
  onRequestDisposal?: (item: EvidenceItem) => void;
};

/** ACCESS-4: one original, played from the server, with all that was stated and checked about it. */
export const EvidenceDetailDrawer = ({
  item,
  catalog,
  canDownload,
  stageNameOf,
  recordNameOf,
  onClose,
  access,
  onRequestDisposal,
}: Props) => (
  <Drawer
    title={item ? item.filename : ''}
    open={item !== null}
    onClose={onClose}
    size="min(880px, 100vw)"
    destroyOnHidden
    extra={
      <Flex gap={8}>
        {item && access && onRequestDisposal && itemRetentionActions(item, access).canRequestDisposal ? (
          <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => onRequestDisposal(item)}>
            申请销毁
          </Button>
        ) : null}
        {item?.downloadUrl && canDownload ? (
          <Button icon={<DownloadOutlined aria-hidden />} href={item.downloadUrl} download>
            下载原件
          </Button>
        ) : null}
      </Flex>
    }
  >
    {item ? (
      <Flex vertical gap={16} data-testid="evidence-detail" data-id={item.id}>
        <Player item={item} canDownload={canDownload && item.downloadUrl !== null} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          播放与下载均写入防篡改账本。原件只读保存，不能删除、替换或修改；需更正时请补充上传并在备注中说明。
        </Typography.Text>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={itemsOf(item, catalog, stageNameOf, recordNameOf)}
        />
      </Flex>
    ) : null}
  </Drawer>
);
