import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { Link } from 'react-router';
import { useDevice, type DeviceCatalog, type DeviceChangeType, type DeviceDetail } from '../../api/devices';
import { errorMessageOf } from '../../api/http';
import {
  DEVICE_EVENT_COLORS,
  DEVICE_STATE_COLORS,
  formatClockOffset,
  formatDuration,
  formatStorage,
  holderText,
} from '../../features/devices/device-view';
import { formatChinaDateTime } from '../../features/time/china-time';

type Props = {
  deviceId: string | null;
  catalog: DeviceCatalog;
  onClose: () => void;
  onChange: (device: DeviceDetail, type: DeviceChangeType) => void;
  onCheck: (device: DeviceDetail) => void;
};

const EVIDENCE_KIND_LABELS: Record<string, string> = {
  video: '视频',
  audio: '录音',
  photo: '照片',
  scan: '扫描件',
  electronic_data: '电子数据',
  system_operation_data: '系统操作数据',
};

type Check = DeviceDetail['checks'][number];
type File = DeviceDetail['files'][number];

const checkColumns: TableColumnsType<Check> = [
  {
    title: '检查时间',
    dataIndex: 'checkedAt',
    width: 150,
    render: (at: string) => formatChinaDateTime(at),
  },
  { title: '检查人', dataIndex: ['checkedBy', 'displayName'], width: 90 },
  {
    title: '结果',
    dataIndex: 'isReady',
    width: 90,
    render: (isReady: boolean, check) =>
      isReady ? (
        <Tag color="success">通过</Tag>
      ) : (
        <Tooltip
          title={check.items
            .filter((i) => !i.isPassed)
            .map((i) => i.message)
            .join('；')}
        >
          <Tag color="error">未通过</Tag>
        </Tooltip>
      ),
  },
  { title: '电量', dataIndex: 'batteryPercent', width: 70, render: (v: number) => `${v}%` },
  { title: '剩余存储', dataIndex: 'freeStorageMb', width: 90, render: (v: number) => formatStorage(v) },
  { title: '时钟', dataIndex: 'clockOffsetSeconds', width: 110, render: (v: number) => formatClockOffset(v) },
  {
    title: '案件 / 备注',
    key: 'context',
    render: (_, check) => (
      <Flex vertical>
        {check.case ? <Link to={`/cases/${check.case.id}`}>{check.case.number}</Link> : null}
        {check.note ? <Typography.Text type="secondary">{check.note}</Typography.Text> : null}
        {!check.case && !check.note ? '—' : null}
      </Flex>
    ),
  },
];

const fileColumns = (canSeeCases: boolean): TableColumnsType<File> => [
  {
    title: '摄录时间',
    dataIndex: 'recordedStartedAt',
    width: 160,
    render: (at: string, file) => (
      <Flex vertical>
        <span>{formatChinaDateTime(at)}</span>
        {file.recordedEndedAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            至 {formatChinaDateTime(file.recordedEndedAt, 'HH:mm')}
          </Typography.Text>
        ) : null}
      </Flex>
    ),
  },
  {
    title: '当时使用人',
    dataIndex: 'holderAtRecording',
    width: 160,
    render: (holder: File['holderAtRecording']) =>
      holder ? holderText(holder) : <Typography.Text type="warning">未发放</Typography.Text>,
  },
  {
    title: '执法人员',
    dataIndex: 'officers',
    width: 120,
    render: (officers: File['officers']) => officers.map((o) => o.displayName).join('、') || '—',
  },
  ...(canSeeCases
    ? ([
        {
          title: '案件 / 文件',
          key: 'case',
          render: (_: unknown, file: File) => (
            <Flex vertical>
              {file.case ? <Link to={`/cases/${file.case.id}`}>{file.case.number}</Link> : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {EVIDENCE_KIND_LABELS[file.kind] ?? file.kind} · {file.filename}
              </Typography.Text>
            </Flex>
          ),
        },
      ] satisfies TableColumnsType<File>)
    : ([
        {
          title: '类型',
          dataIndex: 'kind',
          width: 90,
          render: (kind: string) => EVIDENCE_KIND_LABELS[kind] ?? kind,
        },
      ] satisfies TableColumnsType<File>)),
  {
    title: '上传',
    key: 'upload',
    width: 200,
    render: (_, file) => (
      <Flex vertical>
        <span>
          {formatChinaDateTime(file.uploadedAt)} · {file.uploadedBy.displayName}
        </span>
        <Space size={4}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            摄录后 {formatDuration(file.uploadDelaySeconds)}
          </Typography.Text>
          {file.lateBySeconds !== null ? (
            <Tag color="error">超时 {formatDuration(file.lateBySeconds)}</Tag>
          ) : file.uploadDueAt ? (
            <Tag color="success">按时</Tag>
          ) : null}
        </Space>
      </Flex>
    ),
  },
];

const ACTION_ORDER: DeviceChangeType[] = [
  'assigned',
  'returned',
  'maintenance_started',
  'maintenance_ended',
  'retired',
];

const DeviceBody = ({
  device,
  catalog,
  onChange,
  onCheck,
}: {
  device: DeviceDetail;
  catalog: DeviceCatalog;
  onChange: Props['onChange'];
  onCheck: Props['onCheck'];
}) => {
  const eventName = (type: string) => catalog.events.find((e) => e.type === type)?.name ?? type;
  const actions = ACTION_ORDER.filter((t) => device.allowedChanges.includes(t));

  return (
    <Flex vertical gap={16}>
      {actions.length > 0 || device.canCheck ? (
        <Flex gap={8} wrap aria-label="设备操作" role="group">
          {device.canCheck ? (
            <Button type="primary" onClick={() => onCheck(device)}>
              使用前检查
            </Button>
          ) : null}
          {actions.map((type) => (
            <Button
              key={type}
              type={type === 'assigned' && !device.canCheck ? 'primary' : 'default'}
              danger={type === 'retired'}
              onClick={() => onChange(device, type)}
            >
              {eventName(type)}
            </Button>
          ))}
        </Flex>
      ) : null}
      {device.lastCheck && !device.lastCheck.isReady && device.state !== 'retired' ? (
        <Alert
          type="warning"
          showIcon
          title={`最近一次使用前检查未通过（${formatChinaDateTime(device.lastCheck.checkedAt)}，${device.lastCheck.checkedBy.displayName}）`}
          description={device.lastCheck.failed.map((f) => f.message).join('；')}
        />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'kind', label: '类别', children: device.kindName },
          { key: 'serial', label: '序列号', children: <span className="mono">{device.serialNumber}</span> },
          { key: 'model', label: '型号', children: device.model },
          { key: 'procuredOn', label: '采购日期', children: device.procuredOn ?? '—' },
          {
            key: 'state',
            label: '状态',
            children: (
              <Space size={4}>
                <Tag color={DEVICE_STATE_COLORS[device.state]}>{device.stateName}</Tag>
                {device.since ? (
                  <Typography.Text type="secondary">自 {formatChinaDateTime(device.since)}</Typography.Text>
                ) : null}
              </Space>
            ),
          },
          { key: 'holder', label: '使用人', children: holderText(device.holder) },
          { key: 'createdAt', label: '登记时间', children: formatChinaDateTime(device.createdAt) },
          {
            key: 'counts',
            label: '记录',
            children: `检查 ${device.checkCount} 次 · 摄录文件 ${device.evidenceCount} 个`,
          },
        ]}
      />
      <Tabs
        items={[
          {
            key: 'history',
            label: `履历（${device.events.length}）`,
            children: (
              <Timeline
                items={device.events.map((e) => ({
                  key: e.id,
                  color: DEVICE_EVENT_COLORS[e.type] ?? 'gray',
                  content: (
                    <Flex vertical gap={2}>
                      <Typography.Text strong>
                        {e.name}
                        {e.assignee ? ` · ${holderText(e.assignee)}` : ''}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatChinaDateTime(e.at, 'YYYY-MM-DD HH:mm:ss')} · 经办 {e.actor.displayName}
                      </Typography.Text>
                      {e.note ? <Typography.Text>{e.note}</Typography.Text> : null}
                    </Flex>
                  ),
                }))}
              />
            ),
          },
          {
            key: 'checks',
            label: `使用前检查（${device.checks.length}）`,
            children: (
              <Table<Check>
                rowKey="id"
                size="small"
                columns={checkColumns}
                dataSource={device.checks}
                scroll={{ x: 760 }}
                locale={{ emptyText: <Empty description="尚无使用前检查记录" /> }}
                pagination={device.checks.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              />
            ),
          },
          {
            key: 'files',
            label: `摄录文件（${device.files.length}）`,
            children: (
              <Flex vertical gap={8}>
                {!device.canSeeCases ? (
                  <Typography.Text type="secondary">
                    仅显示谁在何时使用本设备摄录；案件和文件名仅对可查阅案件的人员显示。
                  </Typography.Text>
                ) : null}
                <Table<File>
                  rowKey="id"
                  size="small"
                  columns={fileColumns(device.canSeeCases)}
                  dataSource={device.files}
                  scroll={{ x: 760 }}
                  locale={{ emptyText: <Empty description="尚无用本设备摄录的文件" /> }}
                  pagination={device.files.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                />
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
};

/** DEV-1, DEV-2: one device: what it is, who holds it, its history, checks and what it recorded. */
export const DeviceDetailDrawer = ({ deviceId, catalog, onClose, onChange, onCheck }: Props) => {
  const { data, error, isPending } = useDevice(deviceId);

  return (
    <Drawer
      title={data ? `${data.name}` : '设备详情'}
      open={deviceId !== null}
      onClose={onClose}
      size="min(920px, 100vw)"
      destroyOnHidden
    >
      {deviceId === null ? null : isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : error ? (
        <Alert type="error" showIcon title={errorMessageOf(error)} />
      ) : (
        <DeviceBody device={data} catalog={catalog} onChange={onChange} onCheck={onCheck} />
      )}
    </Drawer>
  );
};
