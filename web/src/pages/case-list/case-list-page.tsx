import { Alert, Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCaseList, type CaseListQuery } from '../../api/cases';
import { errorMessageOf } from '../../api/http';
import type { CaseSummary } from '../../api/types';
import { useCurrentUser } from '../../app/current-user';
import { CASE_SOURCE_LABELS, PROCEDURE_LABELS, STAGE_LABELS, labelFor } from '../../features/cases/case-labels';
import { PAGE_SIZES, caseQueryToParams, hasActiveFilters, parseCaseQuery } from '../../features/cases/case-filters';
import { formatDateTime } from '../../features/time/date-format';
import { CaseFilterBar } from './case-filter-bar';

const columns: TableColumnsType<CaseSummary> = [
  {
    title: '案件编号',
    dataIndex: 'number',
    width: 200,
    render: (number: string, row) => (
      <Link to={`/cases/${encodeURIComponent(row.id)}`} className="mono">
        {number}
      </Link>
    ),
  },
  { title: '当事人', dataIndex: 'partyName', width: 180, ellipsis: true },
  {
    title: '案件来源',
    dataIndex: 'source',
    width: 110,
    render: (source: string) => labelFor(CASE_SOURCE_LABELS, source),
  },
  { title: '发现日期', dataIndex: 'discoveredOn', width: 120 },
  { title: '地点', dataIndex: 'place', ellipsis: true },
  {
    title: '阶段',
    dataIndex: 'stage',
    width: 150,
    render: (stage: string, row) => (
      <Tag color="processing" title={labelFor(PROCEDURE_LABELS, row.procedure)}>
        {labelFor(STAGE_LABELS, stage)}
      </Tag>
    ),
  },
  { title: '登记人', dataIndex: ['createdBy', 'displayName'], width: 110 },
  {
    title: '登记时间',
    dataIndex: 'createdAt',
    width: 170,
    render: (createdAt: string) => formatDateTime(createdAt, 'YYYY-MM-DD HH:mm'),
  },
];

export const CaseListPage = () => {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = parseCaseQuery(searchParams);
  const { data, error, isFetching, isPending } = useCaseList(query);

  const update = (next: CaseListQuery) => setSearchParams(caseQueryToParams(next));

  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>案件列表</h1>}
      extra={
        me.permissions.canCreateCase ? (
          <Button type="primary" onClick={() => void navigate('/cases/new')}>
            登记案件
          </Button>
        ) : null
      }
    >
      <CaseFilterBar query={query} onChange={update} />
      {error ? <Alert type="error" showIcon title={errorMessageOf(error)} style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph type="secondary" data-testid="case-total" style={{ marginBottom: 8 }}>
        {isPending ? '正在查询…' : `共 ${data?.total ?? 0} 件`}
      </Typography.Paragraph>
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 1100 }}
        locale={{ emptyText: hasActiveFilters(query) ? '没有符合条件的案件' : '暂无案件' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          onChange: (page, pageSize) =>
            update(pageSize !== query.pageSize ? { ...query, page: 1, pageSize } : { ...query, page }),
        }}
      />
    </Card>
  );
};
