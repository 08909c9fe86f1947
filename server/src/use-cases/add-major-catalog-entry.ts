import { DomainError, recordDigest, validateMajorCatalogEntry, type CanonicalValue } from '@liuhen/domain';
import { insertMajorCatalogEntry, type MajorCatalogEntryRow } from '../db/repos/legal-review-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

/**
 * REVIEW-1: adds an entry to the agency's catalog of major decisions (类别、层级、领域、金额); decisions matching it need
 * legal review from then on. The entry's digest goes into the ledger, as the catalog is later published.
 */
export const addMajorCatalogEntry = async ({
  ctx,
  actor,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  input: unknown;
}): Promise<MajorCatalogEntryRow> => {
  authorize(actor, 'review.catalog');
  const { entry, problems } = validateMajorCatalogEntry(input);
  if (!entry || problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
  const now = ctx.clock.now();
  const row: MajorCatalogEntryRow = {
    id: ctx.newId(),
    agencyId: actor.agencyId,
    category: entry.category,
    level: entry.level,
    field: entry.field,
    title: entry.title,
    penaltyKinds: [...entry.penaltyKinds],
    partyType: entry.partyType,
    amountThreshold: entry.amountThreshold === null ? null : entry.amountThreshold.toFixed(2),
    basis: entry.basis,
    createdBy: actor.userId,
    createdAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    await insertMajorCatalogEntry(tx, row);
    await appendLedgerEntry(tx, {
      agencyId: actor.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'major_catalog.entry_added',
        subjectId: row.id,
        caseId: null,
        payload: {
          entryId: row.id,
          category: row.category,
          recordSha256: recordDigest({ ...row, createdAt: now.toISOString() } as unknown as CanonicalValue),
        },
      },
    });
  });

  return row;
};
