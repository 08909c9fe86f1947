// Ledger benchmark (issue 3): sustained appends with concurrent writers, append-to-checkpoint latency,
// inclusion proofs at a large size, and the full audit rate. Prints JSON.
// Usage: npx tsx bench/ledger.ts [--database-url postgres://...] [--writers 16] [--seconds 10] [--entries 1000000]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { buildLedgerLeaf, createHasher } from '@liuhen/domain';
import { auditLog } from '@liuhen/verifier';
import { pino } from 'pino';
import {
  enqueueLedgerEntry,
  listCheckpoints,
  listLedgerEntries,
  listLedgerKeys,
} from '../server/src/db/repos/ledger-repo';
import { appendLedgerEntry } from '../server/src/ledger/append-ledger-entry';
import { integrateLedger } from '../server/src/ledger/integrate-ledger';
import { startLedgerWorker } from '../server/src/ledger/ledger-worker';
import { proveInclusion } from '../server/src/ledger/proofs';
import { signCheckpoint } from '../server/src/ledger/sign-checkpoint';
import { openBenchContext, percentile, rssMiB } from './support';
import { createAgency } from '../server/src/use-cases/create-agency';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    writers: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '10' },
    entries: { type: 'string', default: '1000000' },
  },
});
const url = values['database-url'];
const writers = Number(values.writers);
const seconds = Number(values.seconds);
const bigSize = Number(values.entries);

const { ctx, close } = await openBenchContext({ url, name: 'ledger', maxConnections: writers + 4 });
const system = { kind: 'system' as const, via: 'cli' as const };

// 1. Sustained appends: each writer commits transactions that append one entry; the worker integrates and signs.
const agency = await createAgency({
  ctx,
  actor: system,
  input: { parentId: null, code: '11990100MB0000002X', name: '基准测试局', shortName: '基准', level: 'city' },
});
const worker = startLedgerWorker({
  ctx,
  log: pino({ level: 'silent' }),
  checkpointIntervalMs: 500,
  witnessIntervalMs: 3_600_000,
  auditIntervalMs: 3_600_000_000,
});
const committedAt = new Map<string, number>();
let appended = 0;
const deadline = Date.now() + seconds * 1000;
const startedAt = Date.now();
await Promise.all(
  Array.from({ length: writers }, async () => {
    while (Date.now() < deadline) {
      const entryId = ctx.newId();
      await ctx.db.transaction(async (tx) => {
        await appendLedgerEntry(tx, {
          agencyId: agency.id,
          entryId,
          actor: { userId: null, credentialNumber: null, via: 'cli' },
          occurredAt: new Date(),
          event: { type: 'auth.logged_out', subjectId: entryId, caseId: null, payload: { userId: entryId } },
        });
      });
      appended += 1;
      if (appended % 10 === 0) committedAt.set(entryId, Date.now());
      // Real writers are separate HTTP requests, so timers (the worker) run between them. PGlite answers through
      // microtasks only, so there a bare loop would starve every timer; PostgreSQL answers through network I/O.
      if (!url) await new Promise((resolve) => setImmediate(resolve));
    }
  }),
);
const appendSeconds = (Date.now() - startedAt) / 1000;
// Let the worker drain the queue and sign a final checkpoint.
const drainStart = Date.now();
await worker.flush();
await worker.flush();
const drainMs = Date.now() - drainStart;
await worker.stop();

const checkpoints = await listCheckpoints(ctx.db, agency.id);
const entries = await listLedgerEntries(ctx.db, agency.id);
const latencies: number[] = [];
for (const entry of entries) {
  const id = JSON.parse(new TextDecoder().decode(entry.leaf)).id as string;
  const committed = committedAt.get(id);
  if (committed === undefined) continue;
  const covering = checkpoints.find((c) => c.size > entry.seq);
  if (covering) latencies.push(covering.createdAt.getTime() - committed);
}

// 2. A large log for proofs and the audit: leaves built and queued in bulk, integrated in big batches.
const big = await createAgency({
  ctx,
  actor: system,
  input: { parentId: null, code: '11990100MB00000057', name: '大账本', shortName: '大', level: 'city' },
});
const hasher = createHasher('sha256');
const fillStart = Date.now();
const CHUNK = 2000;
for (let done = 1; done < bigSize; done += CHUNK) {
  const count = Math.min(CHUNK, bigSize - done);
  await ctx.db.transaction(async (tx) => {
    const rows = Array.from({ length: count }, () => {
      const entryId = ctx.newId();
      const built = buildLedgerLeaf({
        hasher,
        entryId,
        agencyId: big.id,
        actor: { userId: null, credentialNumber: null, via: 'cli' },
        occurredAt: new Date(),
        casePrevLeafHash: null,
        event: { type: 'auth.logged_out', subjectId: entryId, caseId: null, payload: { userId: entryId } },
      });

      return { entryId, built };
    });
    for (const { entryId, built } of rows) {
      await enqueueLedgerEntry(tx, {
        agencyId: big.id,
        entryId,
        type: 'auth.logged_out',
        caseId: null,
        actorUserId: null,
        occurredAt: new Date(),
        leaf: built.leaf,
        leafHash: built.leafHash,
        payload: built.payloadJson,
      });
    }
  });
  await integrateLedger({ ctx, agencyId: big.id, maxBatch: CHUNK + 1 });
}
await signCheckpoint({ ctx, agencyId: big.id });
const fillSeconds = (Date.now() - fillStart) / 1000;

// A first pass warms the full-tile cache as a running server's would be; the second is measured.
for (let i = 0; i < 500; i++)
  await proveInclusion({ db: ctx.db, agencyId: big.id, index: Math.floor(Math.random() * bigSize) });
const proofSamples: number[] = [];
for (let i = 0; i < 1000; i++) {
  const index = Math.floor(Math.random() * bigSize);
  const t0 = performance.now();
  await proveInclusion({ db: ctx.db, agencyId: big.id, index });
  proofSamples.push(performance.now() - t0);
}

const loadStart = Date.now();
const bigEntries = await listLedgerEntries(ctx.db, big.id);
const bigCheckpoints = await listCheckpoints(ctx.db, big.id);
const vkeys = (await listLedgerKeys(ctx.db, big.id, 'log')).map((k) => k.vkey);
const loadSeconds = (Date.now() - loadStart) / 1000;
const auditStart = Date.now();
const report = auditLog({
  hasher,
  entries: bigEntries,
  checkpoints: bigCheckpoints.map((c) => ({ size: c.size, note: c.note })),
  vkeys,
});
const auditSeconds = (Date.now() - auditStart) / 1000;

await close();

process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'ledger',
      database: url ? 'postgres' : 'pglite',
      node: process.version,
      cpus: os.cpus().length,
      appends: {
        writers,
        seconds: Number(appendSeconds.toFixed(1)),
        committed: appended,
        perSecond: Math.round(appended / appendSeconds),
        drainAfterStopMs: drainMs,
        integrated: entries.length,
        checkpoints: checkpoints.length,
      },
      appendToCheckpointMs: {
        samples: latencies.length,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        max: percentile(latencies, 100),
      },
      largeLog: { entries: bigSize, fillSeconds: Number(fillSeconds.toFixed(1)) },
      inclusionProofMs: {
        samples: proofSamples.length,
        p50: percentile(proofSamples, 50),
        p95: percentile(proofSamples, 95),
      },
      audit: {
        entries: report.entries,
        isOk: report.isOk,
        loadSeconds: Number(loadSeconds.toFixed(1)),
        auditSeconds: Number(auditSeconds.toFixed(2)),
        entriesPerSecond: Math.round(report.entries / auditSeconds),
      },
      rssMiB: rssMiB(),
    },
    null,
    2,
  )}\n`,
);
