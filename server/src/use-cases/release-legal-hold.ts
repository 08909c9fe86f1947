import { DomainError } from '@liuhen/domain';
import { findEvidenceItem, listEvidenceOfCase } from '../db/repos/evidence-repo';
import { insertLegalHoldRelease, isContentHeld, lockLegalHold } from '../db/repos/retention-repo';
import type { EvidenceServices } from '../ingest/evidence-services';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { requiredText } from './required-text';

/**
 * RET-2: a release is a row of its own, never an edit of the hold. The store lets go of content only when no other
 * active hold, of any case or agency, still covers an item with the same bytes.
 */
export const releaseLegalHold = async ({
  ctx,
  evidence,
  actor,
  holdId,
  input,
}: {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  actor: UserActor;
  holdId: string;
  input: { reason: unknown };
}) => {
  authorize(actor, 'legal_hold.manage');
  const reason = requiredText(input.reason, 'reason');
  const now = ctx.clock.now();
  const hold = await ctx.db.transaction(async (tx) => {
    const row = await lockLegalHold(tx, holdId);
    if (!row || row.hold.agencyId !== actor.agencyId) throw new DomainError('LEGAL_HOLD_NOT_FOUND', { id: holdId });
    if (row.release) throw new DomainError('LEGAL_HOLD_RELEASED', { id: holdId });
    await insertLegalHoldRelease(tx, { holdId, reason, releasedBy: actor.userId, releasedAt: now });
    await appendLedgerEntry(tx, {
      agencyId: actor.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: { type: 'legal_hold.released', subjectId: holdId, caseId: row.hold.caseId, payload: { holdId } },
    });

    return row.hold;
  });

  const items = hold.evidenceId
    ? [await findEvidenceItem(ctx.db, hold.evidenceId)].filter((i) => i !== null)
    : await listEvidenceOfCase(ctx.db, hold.caseId);
  for (const sha256 of new Set(items.map((i) => i!.blobSha256))) {
    if (!(await isContentHeld(ctx.db, sha256, null)) && (await evidence.store.stat(sha256)))
      await evidence.store.setLegalHold(sha256, false);
  }

  return { holdId, releasedAt: now };
};
