import { Alert, Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCaseList, type CaseListQuery } from '../../api/cases';
import { errorMessageOf } from '../../api/http';
import { useProcedureCatalog } from '../../api/procedures';
import type { ProcedureCatalog } from '../../api/procedure-types';
import type { CaseSummary } from '../../api/types';
import { useCurrentUser } from '../../app/current-user';
import { CASE_SOURCE_LABELS, PROCEDURE_LABELS, STAGE_LABELS, labelFor } from '../../features/cases/case-labels';
import { PAGE_SIZES, caseQueryToParams, hasActiveFilters, parseCaseQuery } from '../../features/cases/case-filters';
import { findDefinition, sourceName, stageName } from '../../features/procedures/catalog-lookup';
import { formatDateTime } from '../../features/time/date-format';
import { CaseFilterBar } from './case-filter-bar';

const PROCEDURE_COLORS: Record<string, string> = {
  penalty: 'blue',
  inspection: 'cyan',
  compulsion: 'volcano',
  licensing: 'green',
};

const columnsFor = (catalog: ProcedureCatalog | undefined): TableColumnsType<CaseSummary> => [
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
  {
    title: '执法程序',
    dataIndex: 'procedure',
    width: 120,
    render: (procedure: string) => (
      <Tag color={PROCEDURE_COLORS[procedure] ?? 'default'}>{labelFor(PROCEDURE_LABELS, procedure)}</Tag>
    ),
  },
  { title: '当事人', dataIndex: 'partyName', width: 180, ellipsis: true },
  {
    title: '案件来源',
    dataIndex: 'source',
    width: 130,
    render: (source: string, row) =>
      sourceName(findDefinition(catalog, row.definitionId, row.procedure), source) ??
      labelFor(CASE_SOURCE_LABELS, source),
  },
  { title: '发现日期', dataIndex: 'discoveredOn', width: 120 },
  { title: '地点', dataIndex: 'place', width: 220, ellipsis: true },
  {
    title: '阶段',
    dataIndex: 'stage',
    width: 150,
    render: (stage: string, row) => {
      const definition = findDefinition(catalog, row.definitionId, row.procedure);

      return (
        <Tag color="processing" title={definition?.name ?? labelFor(PROCEDURE_LABELS, row.procedure)}>
          {definition ? stageName(definition, stage) : labelFor(STAGE_LABELS, stage)}
        </Tag>
      );
    },
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
  const { data: catalog } = useProcedureCatalog();

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
        columns={columnsFor(catalog)}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 1420 }}
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
