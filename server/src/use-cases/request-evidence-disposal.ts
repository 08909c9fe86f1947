import {
  chinaDate,
  DISPOSAL_BLOCKER_ERRORS,
  DISPOSAL_BLOCKERS,
  disposalBlockers,
  DomainError,
  type DisposalBlocker,
} from '@liuhen/domain';
import type { Executor, Tx } from '../db/client';
import {
  findEvidenceItem,
  listActiveHolds,
  listCurrentRetention,
  type EvidenceItemRow,
} from '../db/repos/evidence-repo';
import { lockCase } from '../db/repos/record-repo';
import { insertDisposalRequest, listDisposalsOfItems } from '../db/repos/retention-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { requiredText } from './required-text';

/** RET-2: what stands between an item and its disposal today: its term, holds, a pending or approved request. */
export const disposalBlockersOf = async (
  db: Executor | Tx,
  item: EvidenceItemRow,
  today: string,
  options: { ignoreRequestId?: string } = {},
): Promise<DisposalBlocker[]> => {
  const [term] = await listCurrentRetention(db, [item.id]);
  const holds = await listActiveHolds(db, item.caseId);
  const disposals = (await listDisposalsOfItems(db, [item.id])).filter((d) => d.request.id !== options.ignoreRequestId);

  return disposalBlockers(
    {
      retainUntil: term?.retainUntil ?? null,
      isHeld: holds.some((h) => h.hold.evidenceId === null || h.hold.evidenceId === item.id),
      isDisposed: disposals.some((d) => d.decision?.decision === 'approved'),
      hasPendingRequest: disposals.some((d) => d.decision === null),
    },
    today,
  );
};

export const throwIfBlocked = (blockers: readonly DisposalBlocker[], evidenceId: string) => {
  const [first] = blockers;
  if (first)
    throw new DomainError(DISPOSAL_BLOCKER_ERRORS[first], {
      evidenceId,
      blockers: blockers.map((b) => ({ id: b, name: DISPOSAL_BLOCKERS[b].name })),
    });
};

/**
 * RET-2: the first step of the one disposal path. Only an original whose term has run and which no hold covers may
 * be proposed; the agency head decides, and no one else can remove it.
 */
export const requestEvidenceDisposal = async ({
  ctx,
  actor,
  evidenceId,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  evidenceId: string;
  input: { reason: unknown };
}) => {
  authorize(actor, 'retention.manage');
  const item = await findEvidenceItem(ctx.db, evidenceId);
  if (!item || item.agencyId !== actor.agencyId) throw new DomainError('EVIDENCE_NOT_FOUND', { id: evidenceId });
  const reason = requiredText(input.reason, 'reason');
  const now = ctx.clock.now();
  const requestId = ctx.newId();
  await ctx.db.transaction(async (tx) => {
    // Holds, requests and decisions on a case are written under its lock, so this check cannot race them.
    await lockCase(tx, item.caseId);
    throwIfBlocked(await disposalBlockersOf(tx, item, chinaDate(now)), item.id);
    await insertDisposalRequest(tx, {
      id: requestId,
      evidenceId,
      reason,
      requestedBy: actor.userId,
      requestedAt: now,
    });
    await appendLedgerEntry(tx, {
      agencyId: actor.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'evidence.disposal_requested',
        subjectId: evidenceId,
        caseId: item.caseId,
        payload: { requestId, evidenceId },
      },
    });
  });

  return { requestId, evidenceId, requestedAt: now };
};
