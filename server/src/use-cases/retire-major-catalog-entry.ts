import { DomainError } from '@liuhen/domain';
import { insertMajorCatalogRetirement, lockMajorCatalogEntry } from '../db/repos/legal-review-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { requiredText } from './required-text';

/** REVIEW-1: withdraws an entry from the catalog; the entry stays, as decisions reviewed under it refer to it. */
export const retireMajorCatalogEntry = async ({
  ctx,
  actor,
  entryId,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  entryId: string;
  input: { reason: unknown };
}) => {
  authorize(actor, 'review.catalog');
  const reason = requiredText(input.reason, 'reason');
  const now = ctx.clock.now();

  return ctx.db.transaction(async (tx) => {
    const found = await lockMajorCatalogEntry(tx, entryId);
    if (!found || found.entry.agencyId !== actor.agencyId)
      throw new DomainError('MAJOR_CATALOG_ENTRY_NOT_FOUND', { id: entryId });
    if (found.retirement) throw new DomainError('MAJOR_CATALOG_ENTRY_NOT_FOUND', { id: entryId, isRetired: true });
    await insertMajorCatalogRetirement(tx, { entryId, reason, retiredBy: actor.userId, retiredAt: now });
    await appendLedgerEntry(tx, {
      agencyId: actor.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: { type: 'major_catalog.entry_retired', subjectId: entryId, caseId: null, payload: { entryId } },
    });

    return { entryId, retiredAt: now };
  });
};
