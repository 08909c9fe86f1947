import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { systemClock } from '../server/src/clock';
import { openDatabase, type Database } from '../server/src/db/client';
import { createUuidV7 } from '../server/src/ids';
import { ledgerSettingsFrom } from '../server/src/ledger/ledger-settings';
import { createArgon2Hasher } from '../server/src/security/passwords';
import type { UseCaseContext } from '../server/src/use-cases/context';

/** The p-th percentile of timing samples, in the units given, to two decimals. */
export const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);

  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2));
};

export const timed = async <T>(samples: number[], fn: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await fn();
  samples.push(performance.now() - start);

  return result;
};

export const summary = (samples: number[], wallMs: number) => ({
  count: samples.length,
  perSecond: Number(((samples.length / wallMs) * 1000).toFixed(1)),
  p50Ms: percentile(samples, 50),
  p95Ms: percentile(samples, 95),
  maxMs: percentile(samples, 100),
});

export const rssMiB = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

export type BenchContext = { ctx: UseCaseContext; database: Database; dataDir: string; close: () => Promise<void> };

/**
 * A migrated database for one run: a throwaway PGlite directory, or a fresh database created on the server
 * `url` names and dropped afterwards, so a benchmark never touches real data.
 */
export const openBenchContext = async (options: {
  url?: string | undefined;
  name: string;
  maxConnections?: number;
}): Promise<BenchContext> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `liuhen-bench-${options.name}-`));
  let database: Database;
  let dropDatabase = async () => undefined as void;
  if (options.url) {
    const admin = new pg.Client({ connectionString: options.url });
    await admin.connect();
    const name = `liuhen_bench_${Date.now()}`;
    await admin.query(`create database ${name}`);
    const target = new URL(options.url);
    target.pathname = `/${name}`;
    database = await openDatabase({
      kind: 'postgres',
      url: target.toString(),
      ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}),
    });
    dropDatabase = async () => {
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    };
  } else {
    database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
  }
  await database.migrate();
  const ctx: UseCaseContext = {
    db: database.db,
    clock: systemClock,
    newId: createUuidV7(),
    passwords: createArgon2Hasher(),
    session: { idleMinutes: 30, maxHours: 12 },
    ledger: ledgerSettingsFrom({
      hashAlgorithm: 'sha256',
      signatureAlgorithm: 'ed25519',
      originHost: 'bench.liuhen.local',
      keysDir: path.join(dataDir, 'keys'),
    }),
  };

  return {
    ctx,
    database,
    dataDir,
    close: async () => {
      await database.close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
