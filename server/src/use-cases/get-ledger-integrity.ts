import { toHex } from '@liuhen/domain';
import type { AuditFinding } from '@liuhen/verifier';
import { listAgencies, type AgencyRow } from '../db/repos/agency-repo';
import {
  findLedgerLog,
  findWitnessState,
  latestAudit,
  latestCheckpoint,
  listAlerts,
  listCosignatures,
  listLedgerKeys,
  pendingQueueByAgency,
} from '../db/repos/ledger-repo';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

/** The agency and every agency below it: an upper level supervises its subordinates' logs (ORG-1, LEDGER-4). */
export const agencyAndDescendants = (all: AgencyRow[], rootId: string): AgencyRow[] => {
  const result: AgencyRow[] = [];
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const agency = all.find((a) => a.id === id);
    if (!agency) continue;
    result.push(agency);
    queue.push(...all.filter((a) => a.parentId === id).map((a) => a.id));
  }

  return result;
};

export const getLedgerIntegrity = async ({ ctx, actor }: { ctx: UseCaseContext; actor: UserActor }) => {
  authorize(actor, 'ledger.inspect');
  const all = await listAgencies(ctx.db);
  const agencies = agencyAndDescendants(all, actor.agencyId);
  const pending = new Map((await pendingQueueByAgency(ctx.db)).map((p) => [p.agencyId, p.pending]));
  const logs = [];
  for (const agency of agencies) {
    const log = await findLedgerLog(ctx.db, agency.id);
    if (!log) continue;
    const checkpoint = await latestCheckpoint(ctx.db, agency.id);
    const parent = all.find((a) => a.id === agency.parentId) ?? null;
    const witnessState = parent ? await findWitnessState(ctx.db, parent.id, agency.id) : null;
    const cosignatures = checkpoint ? await listCosignatures(ctx.db, agency.id, checkpoint.size) : [];
    const audit = await latestAudit(ctx.db, agency.id);
    logs.push({
      agency: { id: agency.id, code: agency.code, name: agency.name, level: agency.level },
      origin: log.origin,
      hashAlgorithm: log.hashAlgorithm,
      size: log.treeSize,
      pending: pending.get(agency.id) ?? 0,
      rootHex: log.root ? toHex(log.root) : null,
      vkeys: (await listLedgerKeys(ctx.db, agency.id, 'log')).map((k) => k.vkey),
      checkpoint: checkpoint
        ? { size: checkpoint.size, createdAt: checkpoint.createdAt.toISOString(), note: checkpoint.note }
        : null,
      witness: parent
        ? {
            agency: { id: parent.id, name: parent.name },
            witnessedSize: witnessState?.size ?? null,
            witnessedAt: witnessState?.updatedAt.toISOString() ?? null,
            isLatestCosigned: cosignatures.some((c) => c.witnessAgencyId === parent.id),
          }
        : null,
      audit: audit
        ? {
            finishedAt: audit.finishedAt.toISOString(),
            entries: audit.entries,
            checkpoints: audit.checkpoints,
            isOk: audit.isOk,
            findings: JSON.parse(audit.findings) as AuditFinding[],
          }
        : null,
    });
  }
  const alerts = await listAlerts(
    ctx.db,
    agencies.map((a) => a.id),
  );

  return {
    logs,
    alerts: alerts.map((a) => ({
      id: a.id,
      logAgencyId: a.logAgencyId,
      witnessAgencyId: a.witnessAgencyId,
      kind: a.kind,
      detail: a.detail,
      createdAt: a.createdAt.toISOString(),
    })),
  };
};
