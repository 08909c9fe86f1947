import { findProcedureDefinition, PROCEDURE_DEFINITIONS, RECORD_KINDS, type RecordKindId } from '@liuhen/domain';
import { listOpenCases } from '../db/repos/record-repo';
import { listUsersOfAgency } from '../db/repos/user-repo';
import { authorize } from '../policies/permissions';
import { caseDeadlines, type CaseDeadline } from '../procedures/case-deadlines';
import { loadCaseStates, type StoredOfficer } from '../procedures/case-state';
import type { UseCaseContext, UserActor } from './context';
import { loadWorkCalendar } from './work-calendar';

const TERMINAL_STAGES = [
  ...new Set(PROCEDURE_DEFINITIONS.flatMap((d) => d.stages.filter((s) => s.isTerminal).map((s) => s.id))),
];

export type PendingApproval = {
  caseId: string;
  caseNumber: string;
  recordId: string;
  kindName: string;
  stepLabel: string;
  submittedAt: Date;
  submittedBy: string;
  submittedByName: string;
};

export type TodoDeadline = { caseId: string; caseNumber: string; deadline: CaseDeadline };

/**
 * REVIEW-6, PROC-8: what waits for this person: approval steps in their roles, and the open deadlines of the cases
 * they handle (registered, or named as an officer on a record). Open cases of the agency only.
 */
export const getMyWork = async ({ ctx, actor }: { ctx: UseCaseContext; actor: UserActor }) => {
  authorize(actor, 'case.read');
  const now = ctx.clock.now();
  const calendar = await loadWorkCalendar(ctx.db, now);
  const approvals: PendingApproval[] = [];
  const deadlines: TodoDeadline[] = [];
  // A case whose procedure definition is gone (a retired variant) cannot be evaluated; it is left out, not fatal.
  const caseRows = (await listOpenCases(ctx.db, actor.agencyId, TERMINAL_STAGES)).filter(
    (c) => findProcedureDefinition(c.definitionId) !== null,
  );
  const states = await loadCaseStates({ db: ctx.db, caseRows, now, calendar });
  const names = new Map((await listUsersOfAgency(ctx.db, actor.agencyId)).map((u) => [u.id, u.displayName]));
  for (const [i, caseRow] of caseRows.entries()) {
    const state = states[i]!;
    for (const record of state.records) {
      const next = record.approval.next;
      if (next && actor.roles.includes(next.role)) {
        approvals.push({
          caseId: caseRow.id,
          caseNumber: caseRow.number,
          recordId: record.row.id,
          kindName: RECORD_KINDS[record.row.kind as RecordKindId].name,
          stepLabel: next.label,
          submittedAt: record.row.createdAt,
          submittedBy: record.row.createdBy,
          submittedByName: names.get(record.row.createdBy) ?? '',
        });
      }
    }
    const isMine =
      caseRow.createdBy === actor.userId ||
      state.records.some((r) => (r.row.officers as StoredOfficer[]).some((o) => o.userId === actor.userId));
    if (!isMine) continue;
    for (const deadline of caseDeadlines({ caseRow, state, calendar, now })) {
      if (deadline.duty === 'agency' && ['open', 'due_soon', 'overdue'].includes(deadline.status)) {
        deadlines.push({ caseId: caseRow.id, caseNumber: caseRow.number, deadline });
      }
    }
  }
  deadlines.sort((a, b) => a.deadline.dueDate.localeCompare(b.deadline.dueDate));

  return { approvals, deadlines };
};
