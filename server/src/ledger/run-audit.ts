import { auditLog, type AuditReport } from '@liuhen/verifier';
import { createHasher } from '@liuhen/domain';
import {
  findLedgerLog,
  insertAudit,
  listCheckpoints,
  listLedgerEntries,
  listLedgerKeys,
} from '../db/repos/ledger-repo';
import type { UseCaseContext } from '../use-cases/context';

/**
 * LEDGER-3 inside the server: the same audit the offline verifier runs, over this agency's rows, with its result
 * kept (append-only) for the integrity page. It trusts the keys recorded in the database; courts use the offline
 * verifier with keys they obtained elsewhere.
 */
export const runLedgerAudit = async ({
  ctx,
  agencyId,
  actorUserId,
}: {
  ctx: UseCaseContext;
  agencyId: string;
  actorUserId: string | null;
}): Promise<AuditReport & { id: string }> => {
  const startedAt = ctx.clock.now();
  const log = await findLedgerLog(ctx.db, agencyId);
  if (!log) throw new Error(`agency ${agencyId} has no ledger log`);
  const entries = await listLedgerEntries(ctx.db, agencyId);
  const checkpoints = await listCheckpoints(ctx.db, agencyId);
  const vkeys = (await listLedgerKeys(ctx.db, agencyId, 'log')).map((k) => k.vkey);
  const report = auditLog({
    hasher: createHasher(log.hashAlgorithm),
    entries: entries.map((e) => ({ seq: e.seq, leaf: e.leaf, leafHash: e.leafHash, chainHash: e.chainHash })),
    checkpoints: checkpoints.map((c) => ({ size: c.size, note: c.note })),
    vkeys,
  });
  const id = ctx.newId();
  await insertAudit(ctx.db, {
    id,
    agencyId,
    startedAt,
    finishedAt: ctx.clock.now(),
    entries: entries.length,
    checkpoints: checkpoints.length,
    isOk: report.findings.length === 0,
    findings: JSON.stringify(report.findings),
    actorUserId,
  });

  return { ...report, id };
};
