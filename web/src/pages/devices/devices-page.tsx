import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  Input,
  Segmented,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  useDeviceCatalog,
  useDevices,
  type DeviceChangeType,
  type DeviceHolderFilter,
  type DeviceState,
  type DeviceSummary,
} from '../../api/devices';
import { useCurrentUser } from '../../app/current-user';
import { ForbiddenResult } from '../../components/forbidden-result';
import { QueryErrorResult } from '../../components/query-error-result';
import { deviceAccessOf } from '../../features/devices/device-access';
import { DEVICE_STATE_COLORS, holderText } from '../../features/devices/device-view';
import { formatChinaDateTime } from '../../features/time/china-time';
import { DeviceChangeModal } from './device-change-modal';
import { DeviceCheckModal } from './device-check-modal';
import { DeviceDetailDrawer } from './device-detail-drawer';
import { RegisterDeviceModal } from './register-device-modal';

const LastCheck = ({ check }: { check: DeviceSummary['lastCheck'] }) => {
  if (!check) return <Typography.Text type="secondary">未检查</Typography.Text>;
  const when = `${formatChinaDateTime(check.checkedAt)} · ${check.checkedBy.displayName}`;

  return (
    <Flex vertical>
      {check.isReady ? (
        <Tag color="success" style={{ width: 'fit-content' }}>
          通过
        </Tag>
      ) : (
        <Tooltip title={check.failed.map((f) => f.message).join('；')}>
          <Tag color="error" style={{ width: 'fit-content' }}>
            未通过：{check.failed.map((f) => f.name).join('、')}
          </Tag>
        </Tooltip>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {when}
      </Typography.Text>
    </Flex>
  );
};

type Dialog =
  | { kind: 'register' }
  | { kind: 'change'; device: DeviceSummary; type: DeviceChangeType }
  | { kind: 'check'; device: DeviceSummary };

/**
 * DEV-1, DEV-2, AV-5: the 设备管理 page: the register with each device's state, holder and last pre-use check; keepers
 * register, issue, take back, maintain and retire devices; officers check the devices they hold before going out.
 */
export const DevicesPage = () => {
  const me = useCurrentUser();
  const access = deviceAccessOf(me);
  const [params, setParams] = useSearchParams();
  const [holder, setHolder] = useState<DeviceHolderFilter>(access.canManage || !access.canCheck ? 'all' : 'me');
  const [state, setState] = useState<DeviceState | 'active' | 'any'>('active');
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const catalog = useDeviceCatalog();
  // Those who may not read the register are not sent to ask: a refusal is a security event on the server.
  const register = useDevices(holder, access.canView);
  const openId = params.get('device');

  if (!access.canView) return <ForbiddenResult subTitle="您的角色不能查看设备台账。" />;
  if (catalog.isPending || register.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (catalog.error) return <QueryErrorResult error={catalog.error} onRetry={() => void catalog.refetch()} />;
  if (register.error) return <QueryErrorResult error={register.error} onRetry={() => void register.refetch()} />;

  const { devices, counts, permissions } = register.data;
  const open = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('device', id);
        else next.delete('device');

        return next;
      },
      { replace: false },
    );
  const needle = q.trim().toUpperCase();
  const shown = devices.filter(
    (d) =>
      (state === 'any' || (state === 'active' ? d.state !== 'retired' : d.state === state)) &&
      (!needle || d.serialNumber.includes(needle) || d.name.toUpperCase().includes(needle)),
  );

  const columns: TableColumnsType<DeviceSummary> = [
    {
      title: '设备',
      key: 'device',
      render: (_, d) => (
        <Flex vertical>
          <Typography.Link onClick={() => open(d.id)}>{d.name}</Typography.Link>
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
            {d.serialNumber}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '类别', dataIndex: 'kindName', width: 120 },
    {
      title: '状态',
      dataIndex: 'state',
      width: 100,
      render: (s: DeviceState, d) => <Tag color={DEVICE_STATE_COLORS[s]}>{d.stateName}</Tag>,
    },
    {
      title: '使用人',
      dataIndex: 'holder',
      width: 150,
      render: (h: DeviceSummary['holder']) => holderText(h),
    },
    {
      title: '最近使用前检查',
      dataIndex: 'lastCheck',
      width: 210,
      render: (c: DeviceSummary['lastCheck']) => <LastCheck check={c} />,
    },
    {
      title: '检查 / 文件',
      key: 'counts',
      width: 100,
      render: (_, d) => `${d.checkCount} / ${d.evidenceCount}`,
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, d) => (
        <Space size={4}>
          <Button size="small" onClick={() => open(d.id)} aria-label={`查看 ${d.name} 详情`}>
            详情
          </Button>
          {d.canCheck ? (
            <Button
              size="small"
              type="primary"
              ghost
              onClick={() => setDialog({ kind: 'check', device: d })}
              aria-label={`${d.name} 使用前检查`}
            >
              使用前检查
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  const stateOptions = [
    { value: 'active', label: '在用设备（不含报废）' },
    ...catalog.data.states.map((s) => ({ value: s.id, label: s.name })),
    { value: 'any', label: '全部状态' },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          设备管理
        </Typography.Title>
        {permissions.canManage ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'register' })}>
            登记设备
          </Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        执法记录仪等音像记录设备按“谁使用谁负责”管理：设备管理人员登记、发放、收回、送修和报废，每一步写入账本；
        出勤前，领用人检查电量、存储空间和日期时间设定并记录（依据：S1 第二十七条、第二十八条，S2 第十四条，S3 附件2
        第十三条）。
      </Typography.Paragraph>
      <Flex gap={8} wrap data-testid="device-counts">
        {catalog.data.states.map((s) => (
          <Tag key={s.id} color={DEVICE_STATE_COLORS[s.id]} style={{ fontSize: 14, padding: '2px 10px' }}>
            {s.name} {counts[s.id]}
          </Tag>
        ))}
        <Typography.Text type="secondary">共 {counts.total} 台</Typography.Text>
      </Flex>
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          {access.canCheck ? (
            <Segmented<DeviceHolderFilter>
              aria-label="设备范围"
              value={holder}
              onChange={setHolder}
              options={[
                { value: 'all', label: '本机关全部设备' },
                { value: 'me', label: '我领用的设备' },
              ]}
            />
          ) : null}
          <Select aria-label="状态" value={state} onChange={setState} options={stateOptions} style={{ width: 200 }} />
          <Input.Search
            aria-label="按名称或序列号查找"
            placeholder="名称或序列号"
            allowClear
            onSearch={setQ}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 240 }}
          />
        </Flex>
        <Table<DeviceSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={shown}
          scroll={{ x: 980 }}
          locale={{
            emptyText: holder === 'me' ? '您或您所在科室暂无领用的设备，请向设备管理人员领用。' : '暂无符合条件的设备',
          }}
          pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        />
      </Card>
      <DeviceDetailDrawer
        deviceId={openId}
        catalog={catalog.data}
        onClose={() => open(null)}
        onChange={(device, type) => setDialog({ kind: 'change', device, type })}
        onCheck={(device) => setDialog({ kind: 'check', device })}
      />
      {dialog?.kind === 'register' ? (
        <RegisterDeviceModal
          catalog={catalog.data}
          onClose={() => setDialog(null)}
          onRegistered={(device) => {
            setDialog(null);
            open(device.id);
          }}
        />
      ) : null}
      {dialog?.kind === 'change' ? (
        <DeviceChangeModal
          device={dialog.device}
          type={dialog.type}
          catalog={catalog.data}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'check' ? (
        <DeviceCheckModal device={dialog.device} catalog={catalog.data} onClose={() => setDialog(null)} />
      ) : null}
    </Flex>
  );
};
