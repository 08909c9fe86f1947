import { DomainError } from '@liuhen/domain';
import { findCaseById } from '../db/repos/case-repo';
import { findEvidenceItem, listEvidenceOfCase } from '../db/repos/evidence-repo';
import { lockCase } from '../db/repos/record-repo';
import { insertLegalHold, type LegalHoldRow } from '../db/repos/retention-repo';
import type { EvidenceServices } from '../ingest/evidence-services';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { requiredText } from './required-text';

/**
 * RET-2: a legal hold on a whole case or one item (a lawsuit, a reconsideration, an investigation): nothing it covers
 * may be disposed of until it is released. The store holds the bytes first, so a hold recorded is a hold in force.
 */
export const placeLegalHold = async ({
  ctx,
  evidence,
  actor,
  caseId,
  input,
}: {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  actor: UserActor;
  caseId: string;
  input: { reason: unknown; evidenceId?: unknown };
}): Promise<LegalHoldRow> => {
  authorize(actor, 'legal_hold.manage');
  const found = await findCaseById(ctx.db, caseId);
  if (!found || found.case.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
  const reason = requiredText(input.reason, 'reason');
  const evidenceId = input.evidenceId ?? null;
  if (evidenceId !== null && typeof evidenceId !== 'string')
    throw new DomainError('VALIDATION_FAILED', { field: 'evidenceId' });
  const items = evidenceId
    ? [await findEvidenceItem(ctx.db, evidenceId)].filter((i) => i !== null && i.caseId === caseId)
    : await listEvidenceOfCase(ctx.db, caseId);
  if (evidenceId && items.length === 0) throw new DomainError('EVIDENCE_NOT_FOUND', { id: evidenceId });

  for (const sha256 of new Set(items.map((i) => i!.blobSha256))) {
    // A disposed item's bytes may be gone; a hold on the case still covers whatever remains.
    if (await evidence.store.stat(sha256)) await evidence.store.setLegalHold(sha256, true);
  }
  const now = ctx.clock.now();
  const hold: LegalHoldRow = {
    id: ctx.newId(),
    agencyId: actor.agencyId,
    caseId,
    evidenceId,
    reason,
    placedBy: actor.userId,
    placedAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    await lockCase(tx, caseId);
    await insertLegalHold(tx, hold);
    await appendLedgerEntry(tx, {
      agencyId: actor.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: { type: 'legal_hold.placed', subjectId: hold.id, caseId, payload: { holdId: hold.id, evidenceId } },
    });
  });

  return hold;
};
