import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app';
import type { Clock } from '../../server/src/clock';
import { createUuidV7 } from '../../server/src/ids';
import { listLedgerLogs } from '../../server/src/db/repos/ledger-repo';
import { integrateAll } from '../../server/src/ledger/integrate-ledger';
import { createFileKeyStore, type LedgerSettings } from '../../server/src/ledger/ledger-settings';
import { signCheckpoint } from '../../server/src/ledger/sign-checkpoint';
import { createArgon2Hasher } from '../../server/src/security/passwords';
import type { UseCaseContext } from '../../server/src/use-cases/context';
import { createEvidenceServices, type EvidenceServices } from '../../server/src/ingest/evidence-services';
import { openBlobStore } from '../../server/src/storage/blob-store';
import { createTestDatabase, type TestDatabase } from './test-database';

export type TestClock = Clock & { set(instant: Date | string): void; advance(ms: number): void };

/** A clock that only moves when a test moves it; 10:00 China time on a working day by default. */
export const createTestClock = (start: Date | string = '2026-11-20T02:00:00.000Z'): TestClock => {
  let current = new Date(start);

  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
};

// Real argon2id with a small cost, so hundreds of logins stay fast; the algorithm is the production one.
export const TEST_PASSWORDS = createArgon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

export type TestContext = {
  database: TestDatabase;
  ctx: UseCaseContext;
  clock: TestClock;
  keysDir: string;
  /** An fs blob store and staging folder of this context's own (AV-7). */
  evidence: EvidenceServices;
  /** Holds `blobs/` and `uploads/` of this context. */
  dataDir: string;
  /** Sequences, integrates and checkpoints everything queued, as the ledger worker does within a second. */
  settle(): Promise<void>;
  close(): Promise<void>;
};

export const createTestContext = async (
  ledger: Partial<Pick<LedgerSettings, 'hashAlgorithm' | 'signatureAlgorithm'>> = {},
): Promise<TestContext> => {
  const database = await createTestDatabase();
  const clock = createTestClock();
  const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-keys-'));
  const ctx: UseCaseContext = {
    db: database.db,
    clock,
    newId: createUuidV7(() => clock.now().getTime()),
    passwords: TEST_PASSWORDS,
    session: { idleMinutes: 30, maxHours: 12 },
    ledger: {
      hashAlgorithm: ledger.hashAlgorithm ?? 'sha256',
      signatureAlgorithm: ledger.signatureAlgorithm ?? 'ed25519',
      originHost: 'test.liuhen.local',
      keys: createFileKeyStore(keysDir),
    },
  };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-data-'));
  const evidence = createEvidenceServices({
    db: database.db,
    clock,
    store: await openBlobStore({ kind: 'fs', dir: path.join(dataDir, 'blobs'), clock }),
    stagingDir: path.join(dataDir, 'uploads'),
    maxUploadBytes: 20 * 1024 ** 3,
    uploadExpiryHours: 72,
    withSm3: ctx.ledger.hashAlgorithm === 'sm3',
    onError: (error) => {
      throw error;
    },
  });
  const settle = async () => {
    for (const log of await listLedgerLogs(ctx.db)) {
      await integrateAll({ ctx, agencyId: log.agencyId });
      await signCheckpoint({ ctx, agencyId: log.agencyId });
    }
  };

  return {
    database,
    ctx,
    clock,
    keysDir,
    evidence,
    dataDir,
    settle,
    close: async () => {
      await evidence.close();
      await database.close();
      fs.rmSync(keysDir, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export type TestApp = TestContext & {
  app: FastifyInstance;
  /** Logs in and returns the Cookie header value for later requests. */
  login(username: string, password?: string): Promise<string>;
};

export const createTestApp = async (
  options: { webDistDir?: string | null; loginRateLimit?: { max: number; timeWindow: number } } = {},
): Promise<TestApp> => {
  const context = await createTestContext();
  const app = await buildApp({
    database: context.database,
    clock: context.clock,
    newId: context.ctx.newId,
    passwords: context.ctx.passwords,
    session: { ...context.ctx.session, isCookieSecure: false },
    ledger: context.ctx.ledger,
    evidence: context.evidence,
    webDistDir: options.webDistDir ?? null,
    logger: false,
    loginRateLimit: options.loginRateLimit ?? { max: 10_000, timeWindow: 60_000 },
  });
  const login = async (username: string, password = 'liuhen-demo') => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (response.statusCode !== 200)
      throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'liuhen_session');

    return `liuhen_session=${cookie!.value}`;
  };

  return {
    ...context,
    app,
    login,
    close: async () => {
      await app.close();
      await context.close();
    },
  };
};
