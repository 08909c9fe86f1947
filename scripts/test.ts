// `npm test`: every suite this machine can run, and a plain statement of what it left out and why.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { childEnvironment, loadTestConfig } from '../server/src/config';
import { cephMissingReason } from '../tests/support/ceph';
import { ffmpegMissingReason } from '../tests/support/media';
import { popplerMissingReason } from '../server/src/docgen/poppler';

const root = path.resolve(import.meta.dirname, '..');
const config = loadTestConfig();
const results: { suite: string; status: 'passed' | 'failed' | 'skipped'; note: string }[] = [];

const vitest = (suite: string, projects: string[], env: Record<string, string> = {}, exclude: string[] = []) => {
  process.stdout.write(`\n━━ ${suite} ━━\n`);
  const args = [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    ...exclude.flatMap((glob) => ['--exclude', glob]),
  ];
  const started = Date.now();
  const run = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: childEnvironment(env) });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push({ suite, status: run.status === 0 ? 'passed' : 'failed', note: `${seconds} s` });
};

vitest('unit + integration + API on PGlite', ['unit', 'integration', 'api'], { LIUHEN_TEST_BACKEND: 'pglite' });

// The stores and the media parser never touch the database: the PGlite run has tested them already.
const DATABASE_FREE = [
  'tests/integration/blob-store.test.ts',
  'tests/integration/blob-store-s3.test.ts',
  'tests/integration/media-metadata.test.ts',
];

if (config.postgresUrl) {
  vitest(
    'integration + API on PostgreSQL',
    ['integration', 'api'],
    { LIUHEN_TEST_BACKEND: 'postgres', LIUHEN_TEST_DATABASE_URL: config.postgresUrl },
    DATABASE_FREE,
  );
} else {
  results.push({
    suite: 'integration + API on PostgreSQL',
    status: 'skipped',
    note: 'LIUHEN_TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)',
  });
}

if (fs.existsSync(config.chromiumPath)) {
  const build = spawnSync('node', ['scripts/ensure-web-build.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status === 0)
    vitest('end-to-end in headless Chromium (PGlite)', ['e2e'], { LIUHEN_TEST_BACKEND: 'pglite' });
  else results.push({ suite: 'end-to-end in headless Chromium', status: 'failed', note: 'the web build failed' });
} else {
  results.push({
    suite: 'end-to-end in headless Chromium',
    status: 'skipped',
    note: `Chromium not found at ${config.chromiumPath} (apt-get install chromium fonts-noto-cjk, or set LIUHEN_CHROMIUM)`,
  });
}

// Suites that skip themselves inside a run when a system program is missing, stated here too.
const missingMedia = ffmpegMissingReason();
if (missingMedia)
  results.push({
    suite: 'audio-video continuity and timing tests (inside the runs above)',
    status: 'skipped',
    note: missingMedia,
  });
const missingPoppler = popplerMissingReason();
if (missingPoppler)
  results.push({
    suite: 'text extracted from generated PDF documents (golden tests, inside the unit run)',
    status: 'skipped',
    note: missingPoppler,
  });
const missingCeph = cephMissingReason();
if (missingCeph)
  results.push({ suite: 'S3 Object Lock store tests (inside the runs above)', status: 'skipped', note: missingCeph });

process.stdout.write('\n测试结果 / test summary\n');
for (const r of results) {
  const mark = { passed: '✔ ran, passed ', failed: '✘ ran, FAILED ', skipped: '– left out    ' }[r.status];
  process.stdout.write(`  ${mark} ${r.suite}: ${r.note}\n`);
}
process.exitCode = results.some((r) => r.status === 'failed') ? 1 : 0;
