import type { FastifyBaseLogger } from 'fastify';
import { listLedgerLogs, pendingQueueByAgency } from '../db/repos/ledger-repo';
import type { UseCaseContext } from '../use-cases/context';
import { CATCH_UP_BATCH, integrateAll, integrateLedger, MAX_BATCH } from './integrate-ledger';
import { runLedgerAudit } from './run-audit';
import { signCheckpoint } from './sign-checkpoint';
import { witnessSubordinates } from './witness';

export type LedgerWorkerOptions = {
  ctx: UseCaseContext;
  log: FastifyBaseLogger;
  /** Batches are flushed at 256 entries or after this long (Tessera's 250 ms). */
  batchDelayMs?: number;
  checkpointIntervalMs: number;
  witnessIntervalMs: number;
  auditIntervalMs: number;
};

export type LedgerWorker = { stop(): Promise<void>; flush(): Promise<void> };

const TICK_MS = 50;

/**
 * In-process sequencer, checkpointer and witness (ADR 0003). Safe to run in every server process against one
 * PostgreSQL: each batch takes the log's row lock, and a checkpoint is written once per size.
 */
export const startLedgerWorker = (options: LedgerWorkerOptions): LedgerWorker => {
  const { ctx, log } = options;
  const batchDelayMs = options.batchDelayMs ?? 250;
  const firstSeen = new Map<string, number>();
  const lastCheckpointAt = new Map<string, number>();
  const grown = new Set<string>();
  let lastWitnessAt = 0;
  // The first scheduled audit runs a minute after start, not during it.
  let lastAuditAt = Date.now() - options.auditIntervalMs + 60_000;
  let isStopping = false;
  let current: Promise<void> | null = null;

  const integrateDue = async (isForced: boolean) => {
    const now = Date.now();
    for (const { agencyId, pending } of await pendingQueueByAgency(ctx.db)) {
      const since = firstSeen.get(agencyId) ?? now;
      firstSeen.set(agencyId, since);
      if (isForced || pending >= MAX_BATCH || now - since >= batchDelayMs) {
        // One transaction per agency and tick, so checkpoints keep coming while a backlog drains.
        await integrateLedger({ ctx, agencyId, maxBatch: pending > MAX_BATCH ? CATCH_UP_BATCH : MAX_BATCH });
        if (pending <= CATCH_UP_BATCH) firstSeen.delete(agencyId);
        grown.add(agencyId);
      }
    }
  };

  const checkpointDue = async (isForced: boolean) => {
    const now = Date.now();
    for (const agencyId of grown) {
      if (!isForced && now - (lastCheckpointAt.get(agencyId) ?? 0) < options.checkpointIntervalMs) continue;
      await signCheckpoint({ ctx, agencyId });
      lastCheckpointAt.set(agencyId, now);
      grown.delete(agencyId);
    }
  };

  const tick = async (isForced = false) => {
    await integrateDue(isForced);
    await checkpointDue(isForced);
    if (isForced || Date.now() - lastWitnessAt >= options.witnessIntervalMs) {
      lastWitnessAt = Date.now();
      for (const { outcome, logAgencyId } of await witnessSubordinates({ ctx })) {
        if (outcome.status === 'refused') log.error({ logAgencyId, outcome }, 'witness refused a checkpoint');
      }
    }
    if (!isForced && Date.now() - lastAuditAt >= options.auditIntervalMs) {
      lastAuditAt = Date.now();
      for (const ledger of await listLedgerLogs(ctx.db)) {
        const report = await runLedgerAudit({ ctx, agencyId: ledger.agencyId, actorUserId: null });
        if (!report.isOk)
          log.error({ agencyId: ledger.agencyId, findings: report.findings }, 'ledger audit found tampering');
      }
    }
  };

  // At start: integrate what earlier runs (or older versions) left, and sign every log once.
  const startUp = async () => {
    for (const ledger of await listLedgerLogs(ctx.db)) {
      await integrateAll({ ctx, agencyId: ledger.agencyId });
      grown.add(ledger.agencyId);
    }
    await checkpointDue(true);
  };

  // One step at a time; a tick that finds a step still running is skipped, so steps never pile up.
  const run = (work: () => Promise<void>): Promise<void> => {
    const step = (current ?? Promise.resolve())
      .then(work)
      .catch((err: unknown) => log.error({ err }, 'ledger worker step failed'));
    current = step;
    void step.finally(() => {
      if (current === step) current = null;
    });

    return step;
  };

  void run(startUp);
  const timer = setInterval(() => {
    if (!isStopping && !current) void run(() => tick());
  }, TICK_MS);
  timer.unref();

  return {
    flush: () => run(() => tick(true)),
    stop: async () => {
      isStopping = true;
      clearInterval(timer);
      await current;
    },
  };
};
