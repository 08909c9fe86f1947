import {
  chinaDate,
  chinaEndOfDay,
  retentionTermFor,
  type LedgerActor,
  type RetentionFact,
  type RetentionTerm,
} from '@liuhen/domain';
import type { Executor, Tx } from '../db/client';
import type { CaseRow } from '../db/repos/case-repo';
import { insertRetention, listCurrentRetention, listEvidenceOfCase } from '../db/repos/evidence-repo';
import { listDisposalsOfItems } from '../db/repos/retention-repo';
import type { BlobStore } from '../storage/blob-store';
import { appendLedgerEntry } from '../ledger/append-ledger-entry';
import { definitionOf } from '../procedures/case-state';
import type { UseCaseContext } from './context';

export type RetentionUpgrade = {
  evidenceId: string;
  sha256: string;
  filename: string;
  from: string | null;
  to: RetentionTerm;
};

/**
 * RET-1, RET-2: the terms this case's items would have under these facts, where longer than the term in force.
 * Disposed items are left alone; a term never shortens.
 */
export const planRetentionUpgrades = async (
  db: Executor,
  caseRow: CaseRow,
  facts: readonly RetentionFact[],
): Promise<RetentionUpgrade[]> => {
  const items = await listEvidenceOfCase(db, caseRow.id);
  const ids = items.map((i) => i.id);
  const current = new Map((await listCurrentRetention(db, ids)).map((r) => [r.evidenceId, r.retainUntil]));
  const disposed = new Set(
    (await listDisposalsOfItems(db, ids))
      .filter((d) => d.decision?.decision === 'approved')
      .map((d) => d.request.evidenceId),
  );
  const procedureType = definitionOf(caseRow).type;

  return items.flatMap((item) => {
    if (disposed.has(item.id)) return [];
    const to = retentionTermFor({
      kind: item.kind as Parameters<typeof retentionTermFor>[0]['kind'],
      recordedOn: chinaDate(item.recordedStartedAt),
      procedureType,
      facts,
    });
    const from = current.get(item.id) ?? null;
    if (from !== null && from >= to.retainUntil) return [];

    return [{ evidenceId: item.id, sha256: item.blobSha256, filename: item.filename, from, to }];
  });
};

/** Locks the longer terms into the store first: a longer lock than the database records is the safe side. */
export const lockRetentionUpgrades = async (store: BlobStore, upgrades: readonly RetentionUpgrade[]) => {
  for (const u of upgrades) await store.extendRetention(u.sha256, chinaEndOfDay(u.to.retainUntil));
};

/** Each upgrade as a new retention row and its ledger entry, in the caller's transaction. */
export const recordRetentionUpgrades = async (
  tx: Tx,
  options: {
    ctx: UseCaseContext;
    agencyId: string;
    caseId: string;
    actor: LedgerActor;
    now: Date;
    upgrades: readonly RetentionUpgrade[];
  },
) => {
  const { ctx, agencyId, caseId, actor, now } = options;
  for (const u of options.upgrades) {
    await insertRetention(tx, {
      id: ctx.newId(),
      evidenceId: u.evidenceId,
      retentionClass: u.to.retentionClass,
      retainUntil: u.to.retainUntil,
      reasons: u.to.reasons.map((r) => ({ id: r.id, name: r.name })),
      at: now,
    });
    await appendLedgerEntry(tx, {
      agencyId,
      entryId: ctx.newId(),
      actor,
      occurredAt: now,
      event: {
        type: 'evidence.retention_set',
        subjectId: u.evidenceId,
        caseId,
        payload: { evidenceId: u.evidenceId, retentionClass: u.to.retentionClass, retainUntil: u.to.retainUntil },
      },
    });
  }
};
