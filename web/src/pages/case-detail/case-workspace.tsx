import { Alert, Button, Card, Col, Flex, Row, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { Fragment, useState, type ReactNode } from 'react';
import { errorMessageOf } from '../../api/http';
import { useProcedureCatalog } from '../../api/procedures';
import { useCaseWorkspace } from '../../api/workspace';
import type { CaseRecord, CaseWorkspace, StageRecordStatus } from '../../api/workspace-types';
import type { CaseDetail } from '../../api/types';
import { useCurrentUser } from '../../app/current-user';
import { blockingFindings } from '../../features/compliance/findings';
import { findDefinition, findRecordKind, stageName } from '../../features/procedures/catalog-lookup';
import { CompliancePanel } from './compliance-panel';
import { DeadlinePanel } from './deadline-panel';
import { EarlierRecordsCard } from './earlier-records-card';
import { ExecutionPanel } from './execution-panel';
import { LegalReviewCard } from './legal-review-card';
import { RecordDetailDrawer } from './record-detail-drawer';
import { RecordFormDrawer, type RecordFormTarget } from './record-form-drawer';
import { StageActions } from './stage-actions';
import { StageRecordsCard } from './stage-records-card';
import { StageStepper } from './stage-stepper';

/** A record by its id or by the id of any earlier version, so a drawer follows a record through its corrections. */
const findRecord = (workspace: CaseWorkspace | undefined, id: string | null): CaseRecord | null =>
  id === null
    ? null
    : (workspace?.records.find((r) => r.id === id) ??
      workspace?.records.find((r) => r.versions.some((v) => v.id === id)) ??
      null);

type Props = {
  caseId: string;
  detail: CaseDetail;
  /**
   * Shown after the records, before the compliance panel that judges them (the evidence card); keyed, so it stays
   * mounted while the panels around it load or fail.
   */
  evidence?: ReactNode;
};

/** PROC-1..8, SUP-2: where the case stands, what to make next, its records, rules and deadlines. */
export const CaseWorkspacePanels = ({ caseId, detail, evidence = null }: Props) => {
  const me = useCurrentUser();
  const { data: workspace, error, isPending, refetch, isFetching } = useCaseWorkspace(caseId);
  const catalogQuery = useProcedureCatalog();
  const catalog = catalogQuery.data;
  const [formTarget, setFormTarget] = useState<RecordFormTarget | null>(null);
  const [isFormOpen, setIsFormOpen] = useState(false);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [isDetailOpen, setIsDetailOpen] = useState(false);

  if (isPending || catalogQuery.isPending) {
    return (
      <>
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
        <Fragment key="evidence">{evidence}</Fragment>
      </>
    );
  }
  if (error || catalogQuery.error || !workspace || !catalog) {
    return (
      <>
        <Alert
          type="error"
          showIcon
          title={`无法加载案件办理信息：${errorMessageOf(error ?? catalogQuery.error)}`}
          action={
            <Button
              size="small"
              loading={isFetching}
              onClick={() => {
                void refetch();
                void catalogQuery.refetch();
              }}
            >
              重试
            </Button>
          }
        />
        <Fragment key="evidence">{evidence}</Fragment>
      </>
    );
  }

  const definition = findDefinition(catalog, workspace.procedure.id, workspace.procedure.type);
  const stageNameOf = (stageId: string) => stageName(definition, stageId);
  const canRecord = me.permissions.canRecord === true && !workspace.stage.isTerminal;
  const canAdvance = me.permissions.canAdvance === true;
  const avOf = (stageId: string, kind: string) => {
    const requirement = definition?.stages.find((s) => s.id === stageId)?.records.find((r) => r.kind === kind);

    return { av: requirement?.av ?? 'none', avWhen: requirement?.avWhen ?? null };
  };

  const openRecord = (recordId: string) => {
    setDetailId(recordId);
    setIsDetailOpen(true);
  };
  const make = (requirement: StageRecordStatus) => {
    const kind = findRecordKind(catalog, requirement.kind);
    if (!kind) return;
    setFormTarget({
      kind,
      stageName: workspace.stage.name,
      av: requirement.av,
      avWhen: requirement.avWhen ?? null,
      correcting: null,
    });
    setIsFormOpen(true);
  };
  const correct = (record: CaseRecord) => {
    const kind = findRecordKind(catalog, record.kind);
    if (!kind) return;
    setFormTarget({
      kind,
      stageName: stageNameOf(record.stage),
      ...avOf(record.stage, record.kind),
      correcting: record,
    });
    setIsFormOpen(true);
  };
  const selected = findRecord(workspace, detailId);
  // REVIEW-1..5: shown once the case reaches the stage where legal review happens, or when the decision is major.
  const reviewStage = definition?.stages.find((s) => s.records.some((r) => r.kind === 'legal_review_opinion'));
  const showsLegalReview =
    workspace.legalReview.isMajorDecision ||
    (reviewStage !== undefined && workspace.visitedStages.includes(reviewStage.id));

  return (
    <>
      <Card
        title="办理进度"
        extra={
          workspace.isMajorCase || workspace.legalReview.isMajorDecision ? (
            <Tooltip title="立案认定为重大案件，或拟作出的决定属于重大执法决定：须经法制审核和集体讨论">
              <Tag color="red">重大案件</Tag>
            </Tooltip>
          ) : null
        }
      >
        <Flex vertical gap={16}>
          {definition ? (
            <StageStepper definition={definition} workspace={workspace} registeredAt={detail.createdAt} />
          ) : (
            <Typography.Text type="secondary">未找到程序定义 {workspace.procedure.id}</Typography.Text>
          )}
          <StageActions
            caseId={caseId}
            transitions={workspace.transitions}
            currentStageName={workspace.stage.name}
            isTerminal={workspace.stage.isTerminal}
            canAdvance={canAdvance}
            blocking={blockingFindings(workspace.compliance)}
            stageNameOf={stageNameOf}
          />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            {showsLegalReview ? (
              <LegalReviewCard caseId={caseId} workspace={workspace} catalog={catalog.legalReview} />
            ) : null}
            <StageRecordsCard
              workspace={workspace}
              fieldsOf={(kind) => findRecordKind(catalog, kind)?.fields}
              canRecord={canRecord}
              hasForm={(kind) => findRecordKind(catalog, kind) !== null}
              onMake={make}
              onOpenRecord={openRecord}
            />
            <EarlierRecordsCard workspace={workspace} stageNameOf={stageNameOf} onOpenRecord={openRecord} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <DeadlinePanel deadlines={workspace.deadlines} uncoveredCalendarYear={workspace.uncoveredCalendarYear} />
            {workspace.execution ? <ExecutionPanel execution={workspace.execution} /> : null}
          </Flex>
        </Col>
      </Row>
      <Fragment key="evidence">{evidence}</Fragment>
      <CompliancePanel findings={workspace.compliance} stageNameOf={stageNameOf} onOpenRecord={openRecord} />
      <RecordFormDrawer
        caseId={caseId}
        target={formTarget}
        isOpen={isFormOpen}
        defaultPlace={detail.place}
        onClose={() => setIsFormOpen(false)}
        afterClose={() => setFormTarget(null)}
        onSaved={(saved) => {
          setIsFormOpen(false);
          // A correction replaces the record on display; a new record opens so its approval can start.
          if (formTarget?.correcting || formTarget?.kind.approvalSteps.length) openRecord(saved.id);
        }}
      />
      <RecordDetailDrawer
        caseId={caseId}
        record={selected}
        kind={selected ? findRecordKind(catalog, selected.kind) : null}
        stageNameOf={stageNameOf}
        isOpen={isDetailOpen}
        canCorrect={me.permissions.canRecord === true && !workspace.stage.isTerminal}
        canSign={me.permissions.canGenerateDocuments === true && !workspace.stage.isTerminal}
        serviceMethods={catalog.serviceMethods ?? []}
        onCorrect={correct}
        onClose={() => setIsDetailOpen(false)}
        afterClose={() => setDetailId(null)}
      />
    </>
  );
};
