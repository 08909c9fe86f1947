// Measures registering, listing and reading cases through the real use-cases. Prints JSON.
// Usage: npm run bench -- [--cases 1000] [--database-url postgres://...]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../server/src/clock';
import { openDatabase } from '../server/src/db/client';
import { createUuidV7 } from '../server/src/ids';
import { ledgerSettingsFrom } from '../server/src/ledger/ledger-settings';
import { createArgon2Hasher } from '../server/src/security/passwords';
import type { UseCaseContext } from '../server/src/use-cases/context';
import { percentile } from './support';
import { createCase } from '../server/src/use-cases/create-case';
import { listCases } from '../server/src/use-cases/list-cases';
import { logIn } from '../server/src/use-cases/log-in';
import { seedDemo } from '../server/src/use-cases/seed-demo';
import { viewCase } from '../server/src/use-cases/view-case';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '1000' }, 'database-url': { type: 'string' } },
});
const total = Number(values.cases);
const url = values['database-url'];

const timed = async <T>(samples: number[], fn: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await fn();
  samples.push(performance.now() - start);

  return result;
};

const summary = (samples: number[], wallMs: number) => ({
  count: samples.length,
  perSecond: Number(((samples.length / wallMs) * 1000).toFixed(1)),
  p50Ms: percentile(samples, 50),
  p95Ms: percentile(samples, 95),
  maxMs: percentile(samples, 100),
});

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-bench-'));
let database;
if (url) {
  // A fresh database on the server the URL names, dropped afterwards.
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `liuhen_bench_${Date.now()}`;
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const opened = await openDatabase({ kind: 'postgres', url: target.toString() });
  database = {
    ...opened,
    close: async () => {
      await opened.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
} else {
  database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
}
await database.migrate();
const passwords = createArgon2Hasher();
const ctx: UseCaseContext = {
  db: database.db,
  clock: systemClock,
  newId: createUuidV7(),
  passwords,
  session: { idleMinutes: 30, maxHours: 12 },
  ledger: ledgerSettingsFrom({
    hashAlgorithm: 'sha256',
    signatureAlgorithm: 'ed25519',
    originHost: 'bench.liuhen.local',
    keysDir: path.join(dataDir, 'keys'),
  }),
};
await seedDemo({ ctx });

const loginSamples: number[] = [];
let actor;
const loginStart = performance.now();
for (let i = 0; i < 10; i++) {
  actor = (
    await timed(loginSamples, () =>
      logIn({ ctx, input: { username: 'officer1', password: 'liuhen-demo' }, client: { ip: null, userAgent: null } }),
    )
  ).actor;
}
const loginWall = performance.now() - loginStart;

const createSamples: number[] = [];
const ids: string[] = [];
const createStart = performance.now();
for (let i = 0; i < total; i++) {
  const { id } = await timed(createSamples, () =>
    createCase({
      ctx,
      actor: actor!,
      input: {
        source: ['complaint', 'inspection', 'own_initiative'][i % 3]!,
        place: `示范市新城区建设路${i}号`,
        discoveredOn: '2026-11-01',
        summary: `第${i}号测试案件：未取得施工许可擅自施工`,
        party: { kind: 'person', name: `当事人${i}`, idNumber: '11010519491231002X', phone: '13800138000' },
      },
    }),
  );
  ids.push(id);
}
const createWall = performance.now() - createStart;

const listSamples: number[] = [];
const listStart = performance.now();
for (let i = 0; i < 100; i++) {
  await timed(listSamples, () =>
    listCases({ ctx, actor: actor!, query: i % 2 ? { page: 1 + (i % 10), pageSize: 20 } : { q: `当事人${i * 7}` } }),
  );
}
const listWall = performance.now() - listStart;

const viewSamples: number[] = [];
const viewStart = performance.now();
for (let i = 0; i < 200; i++)
  await timed(viewSamples, () => viewCase({ ctx, actor: actor!, caseId: ids[(i * 37) % ids.length]! }));
const viewWall = performance.now() - viewStart;

await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });

process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'cases',
      database: url ? 'postgres' : 'pglite',
      node: process.version,
      cpus: os.cpus().length,
      cases: total,
      loginArgon2id: summary(loginSamples, loginWall),
      createCase: summary(createSamples, createWall),
      listCases: summary(listSamples, listWall),
      viewCase: summary(viewSamples, viewWall),
      rssMiB: Math.round(process.memoryUsage().rss / 1024 / 1024),
    },
    null,
    2,
  )}\n`,
);
