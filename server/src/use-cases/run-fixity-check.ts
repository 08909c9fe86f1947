import { createHash } from 'node:crypto';
import { DomainError, type LedgerActor } from '@liuhen/domain';
import {
  countFixityCandidates,
  countKeptItemsByAgency,
  findKnownBlobs,
  finishFixityRun,
  insertFixityChecks,
  insertFixityRun,
  lastFixityRunStartedAt,
  listFinishingUploadSizes,
  listFixityCandidates,
  lockFixitySchedule,
  type BlobFixityCheckRow,
  type FixityCandidate,
  type FixityOutcome,
} from '../db/repos/evidence-audit-repo';
import type { EvidenceServices } from '../ingest/evidence-services';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import { blobRefusalReason } from '../storage/blob-errors';
import type { BlobStore } from '../storage/blob-store';
import type { UseCaseContext, UserActor } from './context';

/** Which originals a run rehashes: all of them, or the least recently verified share of them. */
export type FixitySelection = { kind: 'all' } | { kind: 'share'; percent: number };

export type FixityAgencyCounts = { checked: number; bytes: number; missing: number; altered: number };

export type FixityFinding = {
  sha256: string;
  outcome: Exclude<FixityOutcome, 'ok'>;
  expectedSize: number | null;
  actualSize: number | null;
  actualSha256: string | null;
};

export type FixityRunSummary = {
  runId: string;
  startedAt: Date;
  /** Null when the run was stopped (the server shut down) before it finished; what it checked is kept. */
  finishedAt: Date | null;
  /** Originals rehashed and the bytes read. */
  checked: number;
  bytes: number;
  missing: number;
  altered: number;
  unreadable: number;
  unreferenced: number;
  /** Each agency's kept items among the checked originals; each got a `fixity.run_completed` entry. */
  agencies: Map<string, FixityAgencyCounts>;
};

// Originals per page of candidates (a daily share reads every address once per page, so pages are large) and per
// batch of check rows written (so a stopped run keeps nearly all it did).
const PAGE = 1000;
const BATCH = 100;
// Findings kept in fixity_runs.problems; the rows of blob_fixity_checks hold every one.
const MAX_PROBLEMS_IN_RUN = 1000;
// So many unreadable originals in a row means the store itself is down: the run stops rather than report them all.
const MAX_CONSECUTIVE_UNREADABLE = 20;
const SYSTEM: LedgerActor = { userId: null, credentialNumber: null, via: 'system' };

class FixityStopped extends Error {}

type BlobResult = Pick<BlobFixityCheckRow, 'outcome' | 'actualSize' | 'actualSha256' | 'error'> & { bytes: number };

/** Streams one original through SHA-256 (one chunk in memory at a time) and compares it with its address and size. */
const checkBlob = async (store: BlobStore, blob: FixityCandidate, signal?: AbortSignal): Promise<BlobResult> => {
  const missing: BlobResult = { outcome: 'missing', actualSize: null, actualSha256: null, error: null, bytes: 0 };
  try {
    if ((await store.stat(blob.sha256)) === null) return missing;
    const stream = await store.read(blob.sha256);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) {
        (stream as unknown as { destroy?: () => void }).destroy?.();
        throw new FixityStopped();
      }
      hash.update(chunk);
      size += chunk.length;
    }
    const actual = hash.digest('hex');
    const outcome = actual === blob.sha256 && size === blob.size ? 'ok' : 'altered';

    return { outcome, actualSize: size, actualSha256: actual, error: null, bytes: size };
  } catch (error) {
    if (error instanceof FixityStopped) throw error;
    if (blobRefusalReason(error) === 'blob_not_found') return missing;
    const message = error instanceof Error ? error.message : String(error);

    return { outcome: 'unreadable', actualSize: null, actualSha256: null, error: message.slice(0, 500), bytes: 0 };
  }
};

/**
 * Bytes in the store that no `blobs` row names (ADR 0005: a crash between the store and the database leaves them).
 * An upload being finished right now puts its bytes in the store a moment before its row, so the few candidates are
 * looked up again after the whole listing, and any of the size of an upload still finishing is left for the next run.
 */
const findUnreferenced = async (ctx: UseCaseContext, store: BlobStore, signal?: AbortSignal) => {
  const candidates: { sha256: string; size: number }[] = [];
  let page: { sha256: string; size: number }[] = [];
  const flush = async () => {
    const known = await findKnownBlobs(
      ctx.db,
      page.map((b) => b.sha256),
    );
    candidates.push(...page.filter((b) => !known.has(b.sha256)));
    page = [];
  };
  for await (const entry of store.list()) {
    if (signal?.aborted) throw new FixityStopped();
    page.push(entry);
    if (page.length >= 1000) await flush();
  }
  await flush();
  if (candidates.length === 0) return [];
  const known = await findKnownBlobs(
    ctx.db,
    candidates.map((c) => c.sha256),
  );
  const finishing = await listFinishingUploadSizes(ctx.db);

  return candidates.filter((c) => !known.has(c.sha256) && !finishing.has(c.size));
};

type RunOptions = {
  ctx: UseCaseContext;
  store: BlobStore;
  selection: FixitySelection;
  /** Only this agency's originals (a check asked for by its supervisor); null = every agency's. */
  agencyId: string | null;
  /** Who asked; null = the scheduled job. */
  actor: UserActor | null;
  /** The scheduled run starts only if no run has started since this instant (the day's slot). */
  notStartedSince?: Date;
  /** Stops the run, even within a read; what was checked so far is kept and the run stays unfinished. */
  signal?: AbortSignal;
};

const check = async (options: RunOptions, runId: string, startedAt: Date): Promise<FixityRunSummary> => {
  const { ctx, store, selection, agencyId, signal } = options;
  const summary: FixityRunSummary = {
    runId,
    startedAt,
    finishedAt: null,
    checked: 0,
    bytes: 0,
    missing: 0,
    altered: 0,
    unreadable: 0,
    unreferenced: 0,
    agencies: new Map(),
  };
  const problems: FixityFinding[] = [];
  const total = await countFixityCandidates(ctx.db, agencyId);
  // Rounded up, so a share of p % covers every original within 100/p days however few there are.
  const target =
    selection.kind === 'all' ? total : Math.min(total, Math.ceil((total * Math.max(0, selection.percent)) / 100));
  let afterSha256: string | null = null;
  let unreadableInARow = 0;
  let rows: BlobFixityCheckRow[] = [];
  const sizes = new Map<string, number>();

  // What was checked is a fact whether or not the run gets to its end: written in batches, counted per agency.
  const flush = async () => {
    const batch = rows;
    rows = [];
    if (batch.length === 0) return;
    await insertFixityChecks(ctx.db, batch);
    summary.checked += batch.length;
    const outcomes = new Map(batch.map((r) => [r.sha256, r.outcome]));
    for (const { sha256, agencyId: agency, items } of await countKeptItemsByAgency(
      ctx.db,
      [...outcomes.keys()],
      agencyId,
    )) {
      const counts = summary.agencies.get(agency) ?? { checked: 0, bytes: 0, missing: 0, altered: 0 };
      counts.checked += items;
      counts.bytes += sizes.get(sha256) ?? 0;
      if (outcomes.get(sha256) === 'missing') counts.missing += items;
      if (outcomes.get(sha256) === 'altered') counts.altered += items;
      summary.agencies.set(agency, counts);
    }
    sizes.clear();
  };

  try {
    try {
      while (summary.checked < target) {
        const page = await listFixityCandidates(ctx.db, {
          runId,
          startedAt,
          agencyId,
          order: selection.kind === 'all' ? 'address' : 'stale_first',
          afterSha256,
          limit: Math.min(PAGE, target - summary.checked),
        });
        if (page.length === 0) break;
        for (const blob of page) {
          if (signal?.aborted) throw new FixityStopped();
          const result = await checkBlob(store, blob, signal);
          const { bytes, ...found } = result;
          rows.push({ runId, sha256: blob.sha256, checkedAt: ctx.clock.now(), expectedSize: blob.size, ...found });
          sizes.set(blob.sha256, blob.size);
          summary.bytes += bytes;
          if (result.outcome === 'missing') summary.missing += 1;
          if (result.outcome === 'altered') summary.altered += 1;
          if (result.outcome === 'unreadable') summary.unreadable += 1;
          if (result.outcome !== 'ok' && problems.length < MAX_PROBLEMS_IN_RUN) {
            problems.push({
              sha256: blob.sha256,
              outcome: result.outcome as FixityFinding['outcome'],
              expectedSize: blob.size,
              actualSize: result.actualSize,
              actualSha256: result.actualSha256,
            });
          }
          unreadableInARow = result.outcome === 'unreadable' ? unreadableInARow + 1 : 0;
          if (unreadableInARow >= MAX_CONSECUTIVE_UNREADABLE) {
            throw new Error(`${MAX_CONSECUTIVE_UNREADABLE} originals in a row could not be read: ${result.error}`);
          }
          if (rows.length >= BATCH) await flush();
        }
        // Before the next page is asked for: it leaves out what this run has checked.
        await flush();
        afterSha256 = page[page.length - 1]!.sha256;
      }
    } finally {
      await flush();
    }

    const unreferenced = await findUnreferenced(ctx, store, signal);
    const now = ctx.clock.now();
    await insertFixityChecks(
      ctx.db,
      unreferenced.map((u) => ({
        runId,
        sha256: u.sha256,
        checkedAt: now,
        outcome: 'unreferenced',
        expectedSize: null,
        actualSize: u.size,
        actualSha256: null,
        error: null,
      })),
    );
    summary.unreferenced = unreferenced.length;
    for (const u of unreferenced.slice(0, Math.max(0, MAX_PROBLEMS_IN_RUN - problems.length))) {
      problems.push({
        sha256: u.sha256,
        outcome: 'unreferenced',
        expectedSize: null,
        actualSize: u.size,
        actualSha256: null,
      });
    }
  } catch (error) {
    if (error instanceof FixityStopped) return summary;
    throw error;
  }

  const finishedAt = ctx.clock.now();
  const actor = options.actor ? ledgerActorOf(options.actor) : SYSTEM;
  await ctx.db.transaction(async (tx) => {
    await finishFixityRun(tx, runId, { finishedAt, checked: summary.checked, bytes: summary.bytes, problems });
    // One entry in each agency's log whose items were checked, with that agency's counts only.
    for (const [agency, counts] of [...summary.agencies].sort(([a], [b]) => a.localeCompare(b))) {
      await appendLedgerEntry(tx, {
        agencyId: agency,
        entryId: ctx.newId(),
        actor,
        occurredAt: finishedAt,
        event: { type: 'fixity.run_completed', subjectId: runId, caseId: null, payload: { runId, ...counts } },
      });
    }
  });

  return { ...summary, finishedAt };
};

// One run at a time in this process: a run reads every byte it checks, and two would only compete for the disk.
let running: string | null = null;

/** The run this process is doing now, if any. */
export const runningFixityRunId = (): string | null => running;

type Claimed = { runId: string; startedAt: Date };

/** Takes this process's run slot and writes the run row; null (slot given back) when the day's run already exists. */
const claim = async (options: RunOptions): Promise<Claimed | null> => {
  // Checked and taken before the first await, so two callers cannot both get past it.
  if (running !== null) throw new DomainError('FIXITY_RUN_IN_PROGRESS', { runId: running });
  const { ctx } = options;
  const runId = ctx.newId();
  running = runId;
  const startedAt = ctx.clock.now();
  const row = { id: runId, startedAt, finishedAt: null, checked: 0, bytes: 0, problems: [] };
  const notBefore = options.notStartedSince;
  try {
    if (notBefore === undefined) {
      await insertFixityRun(ctx.db, row);

      return { runId, startedAt };
    }
    // Several server processes on one database: the first to get here runs the day's check, the others see its row.
    const isClaimed = await ctx.db.transaction(async (tx) => {
      await lockFixitySchedule(tx);
      const last = await lastFixityRunStartedAt(tx);
      if (last !== null && last.getTime() >= notBefore.getTime()) return false;
      await insertFixityRun(tx, row);

      return true;
    });
    if (!isClaimed) running = null;

    return isClaimed ? { runId, startedAt } : null;
  } catch (error) {
    running = null;
    throw error;
  }
};

const finish = async (options: RunOptions, claimed: Claimed) => {
  try {
    return await check(options, claimed.runId, claimed.startedAt);
  } finally {
    if (running === claimed.runId) running = null;
  }
};

/**
 * Fixity: rehashes stored originals (all, or the share least recently verified) and compares each with its address
 * and recorded size; reports originals missing from the store, altered, unreadable, and bytes no `blobs` row names.
 * Each check is a row of blob_fixity_checks; the run ends with its fixity_runs row and, in the same transaction, a
 * `fixity.run_completed` entry per agency whose items were checked. Null when `notStartedSince` finds the day's run.
 */
export const runFixityCheck = async (options: RunOptions): Promise<FixityRunSummary | null> => {
  const claimed = await claim(options);

  return claimed === null ? null : finish(options, claimed);
};

/**
 * Fixity on request: a supervisor rehashes all of the agency's originals now, e.g. to confirm a restored file. The
 * answer is the run's id as soon as it has started; the run goes on in the background and its result is listed.
 */
export const startFixityCheck = async ({
  ctx,
  evidence,
  actor,
  onError,
}: {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  actor: UserActor;
  onError: (error: unknown) => void;
}): Promise<{ runId: string; done: Promise<FixityRunSummary | null> }> => {
  authorize(actor, 'evidence.audit');
  const options: RunOptions = {
    ctx,
    store: evidence.store,
    selection: { kind: 'all' },
    agencyId: actor.agencyId,
    actor,
  };
  const claimed = (await claim(options))!;
  const done = finish(options, claimed).catch((error: unknown) => {
    onError(error);

    return null;
  });

  return { runId: claimed.runId, done };
};
