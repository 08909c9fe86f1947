import { checkTransition, DomainError } from '@liuhen/domain';
import { insertStageChange, lockCase, setCaseStage } from '../db/repos/record-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import { loadCaseState } from '../procedures/case-state';
import type { UseCaseContext, UserActor } from './context';
import { loadWorkCalendar } from './work-calendar';

/**
 * PROC-1, SUP-2: moves a case along one of its procedure's transitions. The checks run on the locked case inside the
 * transaction, so a record or approval arriving meanwhile cannot slip past them; a refusal names every blocking rule.
 */
export const changeCaseStage = async ({
  ctx,
  actor,
  caseId,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  caseId: string;
  input: { to: string; note?: string | null };
}) => {
  authorize(actor, 'case.advance');
  const note = input.note?.trim() || null;
  if (note !== null && note.length > 500)
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'note', code: 'VALIDATION_FAILED' }] });
  const now = ctx.clock.now();
  const calendar = await loadWorkCalendar(ctx.db, now);

  return ctx.db.transaction(async (tx) => {
    const caseRow = await lockCase(tx, caseId);
    if (!caseRow || caseRow.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
    const state = await loadCaseState({ db: tx, caseRow, now, calendar });
    const transition = checkTransition(state.facts, input.to);
    await setCaseStage(tx, caseId, transition.to);
    await insertStageChange(tx, {
      id: ctx.newId(),
      caseId,
      fromStage: transition.from,
      toStage: transition.to,
      note,
      actorUserId: actor.userId,
      at: now,
    });
    await appendLedgerEntry(tx, {
      agencyId: caseRow.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'case.stage_changed',
        subjectId: caseId,
        caseId,
        payload: { caseId, from: transition.from, to: transition.to },
      },
    });

    return { from: transition.from, to: transition.to };
  });
};
