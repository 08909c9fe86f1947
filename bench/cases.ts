// Measures registering, listing and reading cases through the real use-cases. Prints JSON.
// Usage: npm run bench -- [--cases 1000] [--database-url postgres://...]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { openBenchContext, rssMiB, summary, timed } from './support';
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

const { ctx, close } = await openBenchContext({ url, name: 'cases' });
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

await close();

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
      rssMiB: rssMiB(),
    },
    null,
    2,
  )}\n`,
);
