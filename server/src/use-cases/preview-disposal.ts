import { disposalBlockers, DomainError, isIsoDate } from '@liuhen/domain';
import { listActiveHoldsOfCases, listDisposalsOfItems, listItemsDueBefore } from '../db/repos/retention-repo';
import { can } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

/**
 * RET-2: what would be disposable on a date, and what releasing one hold would free: every item whose term has run by
 * then, with what still blocks it. A preview only; nothing is requested or changed.
 */
export const previewDisposal = async ({
  ctx,
  actor,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  input: { asOf: unknown; releaseHoldId?: unknown };
}) => {
  if (!can(actor, 'evidence.dispose') && !can(actor, 'retention.manage'))
    throw new DomainError('FORBIDDEN', { permission: 'retention.manage' });
  const asOf = input.asOf;
  if (typeof asOf !== 'string' || !isIsoDate(asOf))
    throw new DomainError('VALIDATION_FAILED', { field: 'asOf', format: 'YYYY-MM-DD' });
  const releaseHoldId = input.releaseHoldId ?? null;
  if (releaseHoldId !== null && typeof releaseHoldId !== 'string')
    throw new DomainError('VALIDATION_FAILED', { field: 'releaseHoldId' });
  // An item kept through retainUntil becomes disposable the day after; due "before" asOf means disposable on asOf.
  const due = await listItemsDueBefore(ctx.db, actor.agencyId, asOf);
  const holds = await listActiveHoldsOfCases(ctx.db, [...new Set(due.map((d) => d.item.caseId))]);
  const pending = new Set(
    (
      await listDisposalsOfItems(
        ctx.db,
        due.map((d) => d.item.id),
      )
    )
      .filter((d) => d.decision === null)
      .map((d) => d.request.evidenceId),
  );
  const items = due.map(({ item, retainUntil, caseNumber, caseSummary }) => {
    const covering = holds.filter(
      (h) => h.caseId === item.caseId && (h.evidenceId === null || h.evidenceId === item.id),
    );
    const remaining = covering.filter((h) => h.id !== releaseHoldId);
    const blockers = disposalBlockers(
      { retainUntil, isHeld: remaining.length > 0, isDisposed: false, hasPendingRequest: pending.has(item.id) },
      asOf,
    );

    return {
      evidenceId: item.id,
      caseId: item.caseId,
      caseNumber,
      caseSummary,
      filename: item.filename,
      kind: item.kind,
      size: item.size,
      retainUntil,
      holdIds: remaining.map((h) => h.id),
      blockers,
      isFreedByRelease: releaseHoldId !== null && covering.length > 0 && remaining.length === 0,
    };
  });

  return {
    asOf,
    releaseHoldId,
    disposable: items.filter((i) => i.blockers.length === 0),
    blocked: items.filter((i) => i.blockers.length > 0),
  };
};
