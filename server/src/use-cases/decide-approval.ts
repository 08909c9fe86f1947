import { DomainError, type RecordKindId } from '@liuhen/domain';
import {
  findCaseRecord,
  insertApproval,
  isSuperseded,
  listApprovals,
  lockCase,
  listCaseRecords,
} from '../db/repos/record-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { approvalStateOf } from '../procedures/approval-state';
import { isMajorCase } from '@liuhen/domain';
import { loadCaseState } from '../procedures/case-state';
import type { UseCaseContext, UserActor } from './context';
import { loadWorkCalendar } from './work-calendar';

export type ApprovalInput = { decision: 'approved' | 'returned'; opinion: string };

/**
 * REVIEW-6, DOC-3: the next step of a record's internal approval, taken by a person who holds the step's role, with
 * an opinion; the decision is their signature and a ledger entry. A returned record is corrected and resubmitted.
 */
export const decideApproval = async ({
  ctx,
  actor,
  caseId,
  recordId,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  caseId: string;
  recordId: string;
  input: ApprovalInput;
}) => {
  const opinion = input.opinion.trim();
  if (!['approved', 'returned'].includes(input.decision) || opinion.length === 0 || opinion.length > 2000) {
    throw new DomainError('VALIDATION_FAILED', {
      fields: [
        opinion.length === 0 || opinion.length > 2000
          ? { field: 'opinion', code: 'VALIDATION_FAILED' }
          : { field: 'decision', code: 'VALIDATION_FAILED' },
      ],
    });
  }

  const calendar = await loadWorkCalendar(ctx.db, ctx.clock.now());

  return ctx.db.transaction(async (tx) => {
    const caseRow = await lockCase(tx, caseId);
    if (!caseRow || caseRow.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
    const record = await findCaseRecord(tx, recordId);
    if (!record || record.caseId !== caseId) throw new DomainError('RECORD_NOT_FOUND', { id: recordId });
    if (await isSuperseded(tx, record.id)) throw new DomainError('RECORD_SUPERSEDED', { id: record.id });
    const all = await listCaseRecords(tx, caseId);
    const major = isMajorCase(all.map((r) => ({ content: r.content as Record<string, unknown> })));
    const state = approvalStateOf(record.kind as RecordKindId, major, await listApprovals(tx, [record.id]));
    if (!state.next) throw new DomainError('APPROVAL_NOT_PENDING', { recordId, status: state.status });
    if (!actor.roles.includes(state.next.role)) {
      throw new DomainError('APPROVAL_WRONG_ROLE', { role: state.next.role, label: state.next.label });
    }
    const now = ctx.clock.now();
    // REVIEW-5: a major decision is not signed off until legal review has said 同意 (or the head ruled after discussion).
    if (record.kind === 'sign_off' && input.decision === 'approved') {
      const review = (await loadCaseState({ db: tx, caseRow, now, calendar })).facts.legalReview;
      if (review.isMajorDecision && !review.canDecide)
        throw new DomainError('LEGAL_REVIEW_REQUIRED', { status: review.status, message: review.message });
    }
    await insertApproval(tx, {
      id: ctx.newId(),
      recordId,
      stepIndex: state.next.index,
      role: state.next.role,
      decision: input.decision,
      opinion,
      actorUserId: actor.userId,
      at: now,
    });
    await appendLedgerEntry(tx, {
      agencyId: caseRow.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'approval.decided',
        subjectId: recordId,
        caseId,
        payload: { caseId, recordId, stepIndex: state.next.index, role: state.next.role, decision: input.decision },
      },
    });

    return { recordId, stepIndex: state.next.index, decision: input.decision };
  });
};
