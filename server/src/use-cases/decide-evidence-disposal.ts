import { chinaDate, DomainError } from '@liuhen/domain';
import { lockCase } from '../db/repos/record-repo';
import {
  countKeptItemsOfContent,
  findDisposalRequest,
  insertDisposalDecision,
  lockDisposalRequest,
} from '../db/repos/retention-repo';
import type { EvidenceServices } from '../ingest/evidence-services';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { disposalBlockersOf, throwIfBlocked } from './request-evidence-disposal';
import { requiredText } from './required-text';

const DECISIONS = ['approved', 'rejected'] as const;
type Decision = (typeof DECISIONS)[number];

/**
 * RET-2: the agency head decides a disposal request made by someone else. An approval re-checks term and holds, is
 * recorded with its ledger entries, and then removes the bytes from the store when no other item keeps the same
 * content; the item's description and its history stay.
 */
export const decideEvidenceDisposal = async ({
  ctx,
  evidence,
  actor,
  requestId,
  input,
}: {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  actor: UserActor;
  requestId: string;
  input: { decision: unknown; opinion: unknown };
}) => {
  authorize(actor, 'evidence.dispose');
  if (!DECISIONS.includes(input.decision as Decision))
    throw new DomainError('VALIDATION_FAILED', { field: 'decision', allowed: DECISIONS });
  const decision = input.decision as Decision;
  const opinion = requiredText(input.opinion, 'opinion');
  const found = await findDisposalRequest(ctx.db, requestId);
  const item = found?.item;
  if (!found || !item || item.agencyId !== actor.agencyId)
    throw new DomainError('DISPOSAL_REQUEST_NOT_FOUND', { id: requestId });
  const now = ctx.clock.now();
  const isApproved = decision === 'approved';
  const isLastCopy = isApproved && (await countKeptItemsOfContent(ctx.db, item.blobSha256)) <= 1;
  if (isLastCopy) {
    // The store has the last word on its bytes: refuse here rather than record a disposal it would not carry out.
    const locked = await evidence.store.retention(item.blobSha256);
    if (locked?.isLegalHold) throw new DomainError('EVIDENCE_UNDER_HOLD', { evidenceId: item.id, in: 'store' });
    if (locked?.retainUntil && locked.retainUntil.getTime() > now.getTime())
      throw new DomainError('DISPOSAL_NOT_DUE', { evidenceId: item.id, storeRetainUntil: locked.retainUntil });
  }

  await ctx.db.transaction(async (tx) => {
    await lockCase(tx, item.caseId);
    const row = await lockDisposalRequest(tx, requestId);
    if (!row) throw new DomainError('DISPOSAL_REQUEST_NOT_FOUND', { id: requestId });
    if (row.decision) throw new DomainError('DISPOSAL_ALREADY_DECIDED', { id: requestId });
    // Four eyes: whoever proposed the destruction of evidence cannot also approve it.
    if (row.request.requestedBy === actor.userId) throw new DomainError('DISPOSAL_SELF_APPROVAL', { id: requestId });
    if (isApproved)
      throwIfBlocked(await disposalBlockersOf(tx, item, chinaDate(now), { ignoreRequestId: requestId }), item.id);
    await insertDisposalDecision(tx, {
      requestId,
      decision,
      opinion,
      decidedBy: actor.userId,
      decidedAt: now,
    });
    const ledgerActor = ledgerActorOf(actor);
    await appendLedgerEntry(tx, {
      agencyId: actor.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActor,
      occurredAt: now,
      event: {
        type: 'evidence.disposal_decided',
        subjectId: item.id,
        caseId: item.caseId,
        payload: { requestId, evidenceId: item.id, decision },
      },
    });
    if (isApproved)
      await appendLedgerEntry(tx, {
        agencyId: actor.agencyId,
        entryId: ctx.newId(),
        actor: ledgerActor,
        occurredAt: now,
        event: {
          type: 'evidence.disposed',
          subjectId: item.id,
          caseId: item.caseId,
          payload: { evidenceId: item.id, sha256: item.blobSha256, approvedBy: actor.userId },
        },
      });
  });

  const isContentRemoved = isApproved && (await countKeptItemsOfContent(ctx.db, item.blobSha256)) === 0;
  if (isContentRemoved) await evidence.store.dispose(item.blobSha256);

  return { requestId, evidenceId: item.id, decision, decidedAt: now, isContentRemoved };
};
