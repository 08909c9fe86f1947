import { Breadcrumb, Card, Descriptions, Flex, Skeleton, Tag, Typography, type DescriptionsProps } from 'antd';
import { Link, useParams } from 'react-router';
import { useCaseDetail } from '../../api/cases';
import { useProcedureCatalog } from '../../api/procedures';
import type { ProcedureDefinition } from '../../api/procedure-types';
import type { CaseDetail } from '../../api/types';
import { QueryErrorResult } from '../../components/query-error-result';
import {
  CASE_SOURCE_LABELS,
  PARTY_KIND_LABELS,
  PROCEDURE_LABELS,
  STAGE_LABELS,
  labelFor,
  procedureWording,
} from '../../features/cases/case-labels';
import { findDefinition, sourceName, stageName } from '../../features/procedures/catalog-lookup';
import { formatDateTime } from '../../features/time/date-format';
import { CaseTimeline } from './case-timeline';
import { CaseWorkspacePanels } from './case-workspace';
import { EvidenceCard } from './evidence-card';
import { useUploadQueue } from './use-upload-queue';

const orDash = (value: string | null | undefined): string => (value ? value : '—');

const stageLabel = (definition: ProcedureDefinition | null, stage: string): string =>
  definition ? stageName(definition, stage) : labelFor(STAGE_LABELS, stage);

const caseItems = (detail: CaseDetail, definition: ProcedureDefinition | null): DescriptionsProps['items'] => [
  { key: 'number', label: '案件编号', children: <span className="mono">{detail.number}</span> },
  { key: 'procedure', label: '执法程序', children: definition?.name ?? labelFor(PROCEDURE_LABELS, detail.procedure) },
  {
    key: 'stage',
    label: '当前阶段',
    children: <Tag color="processing">{stageLabel(definition, detail.stage)}</Tag>,
  },
  {
    key: 'source',
    label: '案件来源',
    children: sourceName(definition, detail.source) ?? labelFor(CASE_SOURCE_LABELS, detail.source),
  },
  {
    key: 'sourceDetail',
    label: detail.source === 'transfer' ? '移送/交办机关及文号' : '来源说明',
    children: orDash(detail.sourceDetail),
  },
  { key: 'discoveredOn', label: procedureWording(detail.procedure).discoveredOn, children: detail.discoveredOn },
  { key: 'place', label: '地点', children: detail.place, span: 2 },
  { key: 'agency', label: '办案机关', children: detail.agency.name },
  { key: 'createdBy', label: '登记人', children: detail.createdBy.displayName },
  { key: 'createdAt', label: '登记时间', children: formatDateTime(detail.createdAt) },
  {
    key: 'summary',
    label: '案情摘要',
    span: 'filled',
    children: (
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{detail.summary}</Typography.Paragraph>
    ),
  },
];

const partyItems = (detail: CaseDetail): DescriptionsProps['items'] => {
  const { party } = detail;
  const isPerson = party.kind === 'person';

  return [
    {
      key: 'kind',
      label: `${procedureWording(detail.procedure).party}类型`,
      children: labelFor(PARTY_KIND_LABELS, party.kind),
    },
    { key: 'name', label: isPerson ? '姓名' : '名称', children: party.name },
    isPerson
      ? { key: 'idNumber', label: '身份证号码', children: <span className="mono">{orDash(party.idNumber)}</span> }
      : {
          key: 'creditCode',
          label: '统一社会信用代码',
          children: <span className="mono">{orDash(party.creditCode)}</span>,
        },
    ...(isPerson
      ? []
      : [{ key: 'legalRepresentative', label: '法定代表人', children: orDash(party.legalRepresentative) }]),
    { key: 'phone', label: '联系电话', children: orDash(party.phone) },
    { key: 'address', label: isPerson ? '住址' : '地址', children: orDash(party.address), span: 'filled' },
  ];
};

const DESCRIPTION_COLUMNS = { xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 } as const;

export const CaseDetailPage = () => {
  const { id = '' } = useParams();
  const { data: detail, error, isPending, refetch } = useCaseDetail(id);
  const { data: catalog } = useProcedureCatalog();
  // Here, not in the evidence card: files keep going while the panels around them reload or remount.
  const uploads = useUploadQueue(id);

  if (isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (error) return <QueryErrorResult error={error} onRetry={() => void refetch()} />;
  const definition = findDefinition(catalog, detail.definitionId, detail.procedure);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/cases">案件列表</Link> }, { title: detail.number }]} />
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          案件 <span className="mono">{detail.number}</span>
        </Typography.Title>
        <Tag color="blue">{definition?.name ?? labelFor(PROCEDURE_LABELS, detail.procedure)}</Tag>
        <Tag color="processing">{stageLabel(definition, detail.stage)}</Tag>
        <Typography.Text type="secondary">
          {procedureWording(detail.procedure).party}：{detail.party.name}
        </Typography.Text>
      </Flex>
      <CaseWorkspacePanels
        caseId={detail.id}
        detail={detail}
        evidence={<EvidenceCard caseId={detail.id} detail={detail} uploads={uploads} />}
      />
      <Card title="案件信息">
        <Descriptions bordered size="small" column={DESCRIPTION_COLUMNS} items={caseItems(detail, definition)} />
      </Card>
      <Card title={procedureWording(detail.procedure).party}>
        <Descriptions bordered size="small" column={DESCRIPTION_COLUMNS} items={partyItems(detail)} />
      </Card>
      <Card title="全过程记录" extra={<Typography.Text type="secondary">每条记录写入防篡改账本</Typography.Text>}>
        <CaseTimeline entries={detail.timeline} agencyCode={detail.agency.code} caseId={detail.id} />
      </Card>
    </Flex>
  );
};
