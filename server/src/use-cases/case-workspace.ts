import {
  blockingFindings,
  DomainError,
  evaluateCompliance,
  isRecordNeeded,
  RECORD_KINDS,
  transitionsFrom,
  type RecordKindId,
} from '@liuhen/domain';
import { findCaseById } from '../db/repos/case-repo';
import { listAttachmentsOfCases, listDocumentsOfCase, listSignaturesOfCases } from '../db/repos/document-repo';
import { listUsersOfAgency } from '../db/repos/user-repo';
import { authorize } from '../policies/permissions';
import { caseDeadlines } from '../procedures/case-deadlines';
import { executionSummaryOf } from '../procedures/execution-summary';
import { loadCaseState } from '../procedures/case-state';
import type { UseCaseContext, UserActor } from './context';
import { loadWorkCalendar } from './work-calendar';

/**
 * The case workspace (PROC-1..8, SUP-2): where the case stands, what each stage needs, every record with its versions
 * and approvals, each compliance rule as met, missing or broken with its citations, and the deadlines that run.
 */
export const getCaseWorkspace = async ({
  ctx,
  actor,
  caseId,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  caseId: string;
}) => {
  authorize(actor, 'case.read');
  const found = await findCaseById(ctx.db, caseId);
  if (!found || found.case.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
  const now = ctx.clock.now();
  const calendar = await loadWorkCalendar(ctx.db, now);
  const state = await loadCaseState({ db: ctx.db, caseRow: found.case, now, calendar });
  const findings = evaluateCompliance(state.facts);
  const isBlocked = blockingFindings(findings).length > 0;
  const stage = state.definition.stages.find((s) => s.id === found.case.stage)!;
  const names = new Map((await listUsersOfAgency(ctx.db, actor.agencyId)).map((u) => [u.id, u.displayName]));
  const signatures = await listSignaturesOfCases(ctx.db, [caseId]);
  const attachments = await listAttachmentsOfCases(ctx.db, [caseId]);
  const documents = await listDocumentsOfCase(ctx.db, caseId);

  return {
    caseRow: found.case,
    definition: state.definition,
    stage,
    isMajorCase: state.isMajorCase,
    visitedStages: state.visitedStages,
    stageChanges: state.stageChanges.map((c) => ({ ...c, actorName: names.get(c.actorUserId) ?? '' })),
    transitions: transitionsFrom(state.definition, found.case.stage).map((t) => ({ ...t, isBlocked })),
    stageRecords: stage.records.map((requirement) => ({
      ...requirement,
      name: RECORD_KINDS[requirement.kind].name,
      isNeeded: isRecordNeeded(state.facts, requirement),
      recordIds: state.records
        .filter((r) => r.row.stage === stage.id && r.row.kind === requirement.kind)
        .map((r) => r.row.id),
    })),
    records: state.records.map((record) => ({
      ...record,
      name: RECORD_KINDS[record.row.kind as RecordKindId].name,
      createdByName: names.get(record.row.createdBy) ?? '',
      canActOnApproval: record.approval.next !== null && actor.roles.includes(record.approval.next.role),
      signatures: signatures.filter((sig) => sig.recordId === record.row.id),
      attachments: attachments.filter((a) => a.recordId === record.row.id),
      // Newest first: the first is the document as it stands now.
      documents: documents.filter((d) => d.recordId === record.row.id),
    })),
    legalReview: state.facts.legalReview,
    execution: executionSummaryOf({ state, today: state.facts.today }),
    findings,
    deadlines: caseDeadlines({ caseRow: found.case, state, calendar, now }),
    uncoveredCalendar: calendar.coveredYears.includes(now.getUTCFullYear()) ? null : now.getUTCFullYear(),
  };
};

export type CaseWorkspace = Awaited<ReturnType<typeof getCaseWorkspace>>;
