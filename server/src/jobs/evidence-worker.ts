import { chinaDate, chinaStartOfDay, isDomainError } from '@liuhen/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { EvidenceServices } from '../ingest/evidence-services';
import type { UseCaseContext } from '../use-cases/context';
import { expireUploads } from '../use-cases/expire-uploads';
import { runFixityCheck } from '../use-cases/run-fixity-check';

export type EvidenceWorkerOptions = {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  log: FastifyBaseLogger;
  /** Share of originals rehashed each day (LIUHEN_FIXITY_DAILY_PERCENT); 0 = no scheduled fixity check. */
  fixityDailyPercent: number;
  /** Hour of the day, China time, the daily check starts (LIUHEN_FIXITY_HOUR). */
  fixityHour: number;
  /** How often expired uploads are looked for; 5 minutes by default. */
  expiryIntervalMs?: number;
  /** How often the worker looks whether the day's fixity check is due; a minute by default. */
  fixityPollMs?: number;
};

export type EvidenceWorker = { stop(): Promise<void> };

/** The day's fixity slot in force at `now`: today's hour (China time) once it has come, else yesterday's. */
export const fixitySlot = (now: Date, hour: number): Date => {
  const today = chinaStartOfDay(chinaDate(now)).getTime() + hour * 3_600_000;

  return new Date(today <= now.getTime() ? today : today - 24 * 3_600_000);
};

/**
 * The evidence jobs of a server process, beside the ledger worker: expired uploads (AV-7) every few minutes, and the
 * daily fixity check at the configured hour, or at start when the server was down at that hour. The database decides
 * which process runs the day's check, so several processes on one PostgreSQL run it once. A failed step is logged
 * and tried again at the next tick; nothing here can stop the server.
 */
export const startEvidenceWorker = (options: EvidenceWorkerOptions): EvidenceWorker => {
  const { ctx, evidence, log } = options;
  const stopping = new AbortController();
  let expiring: Promise<void> | null = null;
  let checking: Promise<void> | null = null;
  // The slot this process has seen handled, so it asks the database only once a day.
  let handledSlot = 0;

  const expire = () => {
    if (expiring || stopping.signal.aborted) return;
    expiring = expireUploads({ ctx, evidence })
      .then(({ expired, swept }) => {
        if (expired.length > 0 || swept > 0) log.info({ expired, swept }, 'expired unfinished uploads');
      })
      .catch((err: unknown) => log.error({ err }, 'upload expiry failed'))
      .finally(() => {
        expiring = null;
      });
  };

  const checkFixity = () => {
    if (checking || stopping.signal.aborted || options.fixityDailyPercent <= 0) return;
    const slot = fixitySlot(ctx.clock.now(), options.fixityHour);
    if (slot.getTime() === handledSlot) return;
    checking = runFixityCheck({
      ctx,
      store: evidence.store,
      selection: { kind: 'share', percent: options.fixityDailyPercent },
      agencyId: null,
      actor: null,
      notStartedSince: slot,
      signal: stopping.signal,
    })
      .then((summary) => {
        handledSlot = slot.getTime();
        if (summary === null) return;
        const { agencies: _agencies, ...counts } = summary;
        if (counts.finishedAt === null) return log.info(counts, 'fixity check stopped with the server');
        const hasProblems = counts.missing + counts.altered + counts.unreadable + counts.unreferenced > 0;
        if (hasProblems) log.error(counts, 'fixity check found missing, altered or unreferenced originals');
        else log.info(counts, 'fixity check finished');
      })
      .catch((err: unknown) => {
        // A supervisor's check is running: the day's check starts at the next poll after it.
        if (isDomainError(err) && err.code === 'FIXITY_RUN_IN_PROGRESS') return;
        log.error({ err }, 'fixity check failed');
      })
      .finally(() => {
        checking = null;
      });
  };

  const expiryTimer = setInterval(expire, options.expiryIntervalMs ?? 5 * 60_000);
  const fixityTimer = setInterval(checkFixity, options.fixityPollMs ?? 60_000);
  expiryTimer.unref();
  fixityTimer.unref();
  expire();
  checkFixity();

  return {
    stop: async () => {
      stopping.abort();
      clearInterval(expiryTimer);
      clearInterval(fixityTimer);
      await Promise.all([expiring, checking]);
    },
  };
};
