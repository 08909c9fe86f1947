// Procedures benchmark (issue 4): making records, deciding approvals and changing stages (each evaluates the
// compliance rules in its transaction), opening a case workspace, and the to-do list over many open cases.
// Usage: npx tsx bench/procedures.ts [--cases 500] [--database-url postgres://...]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { getCaseWorkspace } from '../server/src/use-cases/case-workspace';
import { createCase } from '../server/src/use-cases/create-case';
import { getMyWork } from '../server/src/use-cases/my-work';
import { seedDemo } from '../server/src/use-cases/seed-demo';
import { ensureCalendarSeeded } from '../server/src/use-cases/work-calendar';
import { actorFor } from '../tests/support/actors';
import { procedureWalker, type Team } from '../tests/support/procedure-walk';
import { openBenchContext, rssMiB, summary, timed } from './support';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '500' }, 'database-url': { type: 'string' } },
});
const total = Number(values.cases);
const url = values['database-url'];

const { ctx, close } = await openBenchContext({ url, name: 'procedures' });
await ensureCalendarSeeded({ ctx });
await seedDemo({ ctx });
const team: Team = {
  officer1: await actorFor(ctx, 'officer1'),
  officer2: await actorFor(ctx, 'officer2'),
  sectionhead1: await actorFor(ctx, 'sectionhead1'),
  head1: await actorFor(ctx, 'head1'),
  legal1: await actorFor(ctx, 'legal1'),
};

// Each case: registered, filed with its approval chain, and two investigation records; open, as most cases are.
const recordSamples: number[] = [];
const approvalSamples: number[] = [];
const stageSamples: number[] = [];
const ids: string[] = [];
const walkStart = performance.now();
for (let i = 0; i < total; i++) {
  const { id } = await createCase({
    ctx,
    actor: team.officer1,
    input: {
      procedure: 'penalty',
      source: 'own_initiative',
      place: `示范市新城区建设路${i}号`,
      discoveredOn: '2026-11-01',
      summary: `第${i}号测试案件：未取得施工许可擅自施工`,
      party: { kind: 'person', name: `当事人${i}`, idNumber: '11010519491231002X', phone: '13800138000' },
    },
  });
  ids.push(id);
  const walk = procedureWalker(ctx, team, id);
  await timed(stageSamples, () => walk.advance('filing'));
  const filing = await timed(recordSamples, () => walk.record('filing_approval'));
  await timed(approvalSamples, () => walk.approveAll(filing.id));
  await timed(stageSamples, () => walk.advance('investigation'));
  await timed(recordSamples, () => walk.record('questioning_record'));
  await timed(recordSamples, () => walk.record('inspection_record'));
}
const walkWall = performance.now() - walkStart;

const workspaceSamples: number[] = [];
const workspaceStart = performance.now();
for (let i = 0; i < 200; i++)
  await timed(workspaceSamples, () =>
    getCaseWorkspace({ ctx, actor: team.officer1, caseId: ids[(i * 37) % ids.length]! }),
  );
const workspaceWall = performance.now() - workspaceStart;

const myWorkSamples: number[] = [];
let deadlines = 0;
const myWorkStart = performance.now();
for (let i = 0; i < 10; i++)
  deadlines = (await timed(myWorkSamples, () => getMyWork({ ctx, actor: team.officer1 }))).deadlines.length;
const myWorkWall = performance.now() - myWorkStart;

await close();

const busy = (samples: number[]) => samples.reduce((a, b) => a + b, 0);

process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'procedures',
      database: url ? 'postgres' : 'pglite',
      node: process.version,
      cpus: os.cpus().length,
      openCases: total,
      walkSeconds: Number((walkWall / 1000).toFixed(1)),
      // Interleaved steps: their rate is per second of their own time. A chain is three decisions plus the
      // workspace reads between them.
      makeRecord: summary(recordSamples, busy(recordSamples)),
      approveChain: summary(approvalSamples, busy(approvalSamples)),
      changeStage: summary(stageSamples, busy(stageSamples)),
      openWorkspace: summary(workspaceSamples, workspaceWall),
      myWork: { ...summary(myWorkSamples, myWorkWall), deadlinesListed: deadlines },
      rssMiB: rssMiB(),
    },
    null,
    2,
  )}\n`,
);
