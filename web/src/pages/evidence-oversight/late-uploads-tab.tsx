import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useDevices } from '../../api/devices';
import { useLateEvidence, type LateEvidenceItem, type LateEvidenceQuery } from '../../api/evidence-oversight';
import { errorMessageOf } from '../../api/http';
import { useOfficers } from '../../api/procedures';
import {
  DEFAULT_LATE_QUERY,
  hasLateFilters,
  LATE_PAGE_SIZES,
  lateQueryToParams,
  parseLateQuery,
  withLateFilter,
} from '../../features/evidence-oversight/late-filters';
import { delayColor, formatDelay } from '../../features/evidence-oversight/oversight-view';
import { formatChinaDateTime } from '../../features/time/china-time';
import { DATE_FORMAT } from '../../features/time/date-format';

const when = (iso: string) => formatChinaDateTime(iso, 'YYYY-MM-DD HH:mm');

const columns: TableColumnsType<LateEvidenceItem> = [
  {
    title: '案件编号 / 文件',
    key: 'case',
    width: 200,
    render: (_, item) => (
      <Flex vertical>
        <Link to={`/cases/${encodeURIComponent(item.case.id)}`} className="mono">
          {item.case.number}
        </Link>
        <Typography.Text type="secondary" ellipsis={{ tooltip: item.filename }} style={{ fontSize: 12, maxWidth: 190 }}>
          {item.filename}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: '摄录时间',
    key: 'recorded',
    width: 140,
    render: (_, item) => (
      <Flex vertical>
        <Typography.Text>{when(item.recordedStartedAt)}</Typography.Text>
        {item.recordedEndedAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            至 {formatChinaDateTime(item.recordedEndedAt, 'MM-DD HH:mm')}
          </Typography.Text>
        ) : null}
      </Flex>
    ),
  },
  { title: '上传时限', dataIndex: 'uploadDueAt', width: 140, render: when },
  { title: '上传时间', dataIndex: 'uploadedAt', width: 140, render: when },
  {
    title: '迟延',
    dataIndex: 'delayHours',
    width: 100,
    render: (hours: number) => (
      <Tooltip title={`超过上传时限 ${hours} 小时`}>
        <Tag color={delayColor(hours)} data-testid="late-delay">
          {formatDelay(hours)}
        </Tag>
      </Tooltip>
    ),
  },
  { title: '上传人', dataIndex: ['uploadedBy', 'displayName'], width: 80 },
  {
    title: '执法人员',
    dataIndex: 'officers',
    width: 110,
    render: (officers: LateEvidenceItem['officers']) => officers.map((o) => o.displayName).join('、') || '—',
  },
  {
    title: '记录设备',
    dataIndex: 'device',
    width: 140,
    render: (device: LateEvidenceItem['device']) =>
      device ? (
        <Flex vertical>
          <Typography.Text className="mono">{device.serialNumber}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: device.name }}>
            {device.model}
          </Typography.Text>
        </Flex>
      ) : (
        <Typography.Text type="secondary">未登记设备</Typography.Text>
      ),
  },
];

/** AV-6: the agency's files that reached central storage after their deadline, with who and which device. */
export const LateUploadsTab = () => {
  const [params, setParams] = useSearchParams();
  const query = parseLateQuery(params);
  const late = useLateEvidence(query);
  const officers = useOfficers();
  const devices = useDevices('all');
  const onChange = (next: LateEvidenceQuery) => setParams(lateQueryToParams(next, params));

  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] = [
    query.from ? dayjs(query.from) : null,
    query.to ? dayjs(query.to) : null,
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        音像记录应在本机关设置的时限内存储至专用存储器（AV-6；S2 第十八条、S4 第三十三条、S1 第二十九条、S3 附件2
        第十六条）。下表列出迟于时限上传的文件，按摄录时间由近及远排列。
      </Typography.Paragraph>
      <Card>
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
          <DatePicker.RangePicker
            aria-label="摄录日期"
            placeholder={['摄录日期起', '摄录日期止']}
            format={DATE_FORMAT}
            value={range}
            allowEmpty={[true, true]}
            onChange={(dates) =>
              onChange(
                withLateFilter(query, {
                  from: dates?.[0]?.format(DATE_FORMAT) ?? null,
                  to: dates?.[1]?.format(DATE_FORMAT) ?? null,
                }),
              )
            }
            data-testid="late-filter-dates"
          />
          <Select
            aria-label="执法人员"
            placeholder="执法人员或上传人"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={officers.isPending}
            options={(officers.data ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
            value={query.officerId ?? undefined}
            onChange={(value) => onChange(withLateFilter(query, { officerId: value ?? null }))}
            style={{ width: 180 }}
            data-testid="late-filter-officer"
          />
          <Select
            aria-label="记录设备"
            placeholder="记录设备"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={devices.isPending}
            options={(devices.data?.devices ?? []).map((d) => ({
              value: d.id,
              label: `${d.name}（${d.serialNumber}）`,
            }))}
            value={query.deviceId ?? undefined}
            onChange={(value) => onChange(withLateFilter(query, { deviceId: value ?? null }))}
            style={{ width: 240 }}
            data-testid="late-filter-device"
          />
          <Button
            onClick={() => onChange({ ...DEFAULT_LATE_QUERY, pageSize: query.pageSize })}
            disabled={!hasLateFilters(query)}
          >
            重置
          </Button>
          {late.data ? (
            <Typography.Text type="secondary" data-testid="late-total" style={{ marginLeft: 'auto' }}>
              共 {late.data.total} 份逾期上传
            </Typography.Text>
          ) : null}
        </Flex>
        {late.error ? (
          <Alert type="error" showIcon title={errorMessageOf(late.error)} style={{ marginBottom: 12 }} />
        ) : null}
        <Table<LateEvidenceItem>
          rowKey="evidenceId"
          size="middle"
          columns={columns}
          dataSource={late.data?.items ?? []}
          loading={late.isFetching}
          scroll={{ x: 1050 }}
          locale={{
            emptyText: hasLateFilters(query) ? '没有符合条件的逾期上传' : '没有逾期上传的音像记录',
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: late.data?.total ?? 0,
            pageSizeOptions: LATE_PAGE_SIZES.map(String),
            showSizeChanger: true,
            hideOnSinglePage: false,
            showTotal: (total) => `共 ${total} 份`,
            onChange: (page, pageSize) =>
              onChange(pageSize !== query.pageSize ? { ...query, page: 1, pageSize } : { ...query, page }),
          }}
          data-testid="late-table"
        />
      </Card>
    </Flex>
  );
};
