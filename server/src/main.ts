import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config';
import { buildApp } from './app';
import { systemClock } from './clock';
import { openDatabase, type Database } from './db/client';
import { acquireDataLock, DataLockError, type DataLock } from './db/data-lock';
import { createUuidV7 } from './ids';
import { startEvidenceWorker } from './jobs/evidence-worker';
import { startLedgerWorker } from './ledger/ledger-worker';
import { ledgerSettingsFrom } from './ledger/ledger-settings';
import { loggerOptions } from './logger';
import { createArgon2Hasher } from './security/passwords';
import { getPublicMeta } from './use-cases/get-public-meta';
import { createEvidenceServices } from './ingest/evidence-services';
import { blobStoreOptionsFrom, openBlobStore, type BlobStore } from './storage/blob-store';
import { ensureCalendarSeeded } from './use-cases/work-calendar';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './use-cases/seed-demo';

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const printBanner = (config: Config, hasDemoUsers: boolean) => {
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  const lines = [
    '',
    `留痕 Liuhen 已启动 / is running: ${url}`,
    `数据库 / database: ${config.database.kind === 'pglite' ? `PGlite @ ${config.database.dataDir}` : 'PostgreSQL'}`,
    `接口文档 / API docs: ${url}/api/docs`,
  ];
  if (hasDemoUsers) {
    lines.push(
      '',
      '演示模式 / demo mode — 演示账号 / demo logins (密码 / password: ' + DEMO_PASSWORD + '):',
      ...DEMO_USERS.map((u) => `  ${u.username.padEnd(14)} ${u.displayName}  ${u.roles.join(', ')}`),
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
};

const main = async () => {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }

  let lock: DataLock | null = null;
  if (config.database.kind === 'pglite') {
    try {
      lock = acquireDataLock(config.dataDir);
    } catch (error) {
      if (error instanceof DataLockError) return fail(error.message);
      throw error;
    }
  }

  let database: Database;
  try {
    database = await openDatabase(config.database);
    await database.migrate();
  } catch (error) {
    lock?.release();
    return fail(`无法打开数据库 / cannot open the database: ${(error as Error).message}`);
  }

  const clock = systemClock;
  const newId = createUuidV7();
  const passwords = createArgon2Hasher();
  const session = config.session;
  const ledger = ledgerSettingsFrom(config.ledger);
  const ctx = { db: database.db, clock, newId, passwords, session, ledger };
  await ensureCalendarSeeded({ ctx });
  let store: BlobStore;
  try {
    store = await openBlobStore(blobStoreOptionsFrom(config));
  } catch (error) {
    await database.close();
    lock?.release();
    return fail(`无法打开证据存储 / cannot open the evidence store: ${(error as Error).message}`);
  }
  const isSeeded = config.isDemo ? await seedDemo({ ctx }) : false;

  const evidence = createEvidenceServices({
    db: database.db,
    clock,
    store,
    stagingDir: path.join(config.dataDir, 'uploads'),
    maxUploadBytes: config.storage.uploadMaxBytes,
    uploadExpiryHours: config.storage.uploadExpiryHours,
    withSm3: config.ledger.hashAlgorithm === 'sm3',
    onError: (error) => console.error('upload hash checkpoint failed', error),
  });
  const app = await buildApp({
    database,
    clock,
    newId,
    passwords,
    session,
    ledger,
    evidence,
    webDistDir: config.webDistDir,
    logger: loggerOptions(config),
  });

  const worker = startLedgerWorker({
    ctx,
    log: app.log,
    checkpointIntervalMs: config.ledger.checkpointIntervalMs,
    witnessIntervalMs: config.ledger.witnessIntervalMs,
    auditIntervalMs: config.ledger.auditIntervalMs,
  });
  // AV-7 upload expiry and the daily fixity check; stopped before the store and the database close.
  const evidenceWorker = startEvidenceWorker({
    ctx,
    evidence,
    log: app.log,
    fixityDailyPercent: config.storage.fixityDailyPercent,
    fixityHour: config.storage.fixityHour,
  });

  let isClosing = false;
  const shutdown = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close().catch(() => undefined);
    await evidenceWorker.stop().catch(() => undefined);
    await worker.stop().catch(() => undefined);
    await evidence.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    lock?.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('exit', () => lock?.release());

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close().catch(() => undefined);
    lock?.release();
    return fail(`无法监听 / cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`);
  }
  if (isSeeded) app.log.info('seeded the demo agency');
  const meta = await getPublicMeta({ ctx });
  printBanner(config, meta.isDemo);
};

await main();
