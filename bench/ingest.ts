// Ingest benchmark (issue 5): uploads through the HTTP endpoint on loopback against a `cp` of the same file on the
// same disk; the server's peak RSS at two sizes; eight concurrent uploads. Prints JSON.
// Usage: npx tsx bench/ingest.ts [--sizes 256,2048] [--concurrent 8] [--concurrent-mib 256]
//          [--database-url postgres://postgres@127.0.0.1:5432/test] [--dir /path/on/the/disk/to/measure]
// The server runs as its own process on PostgreSQL (PGlite's WebAssembly heap alone is ~400 MB, see PERFORMANCE.md).
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freePort, startServerProcess, waitForOutput, type ServerProcess } from '../tests/support/server-process';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '256,2048' },
    concurrent: { type: 'string', default: '8' },
    'concurrent-mib': { type: 'string', default: '256' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    dir: { type: 'string' },
  },
});
const MIB = 1024 * 1024;
// The server as `npm start` runs it (ADR 0006): the bundle, under plain Node.
execFileSync(process.execPath, [path.join(import.meta.dirname, '..', 'scripts', 'build-server.mjs')], {
  stdio: 'inherit',
});
const BUNDLE = 'server/dist/main.mjs';
const sizesMib = values.sizes.split(',').map(Number);
const concurrent = Number(values.concurrent);
const concurrentMib = Number(values['concurrent-mib']);
const root = fs.mkdtempSync(path.join(values.dir ?? os.tmpdir(), 'liuhen-bench-ingest-'));

/** A file of random-looking bytes, different for each seed (identical content would be stored once). */
const makeFile = (name: string, mib: number, seed: number): string => {
  const file = path.join(root, name);
  const fd = fs.openSync(file, 'w');
  const block = crypto.randomBytes(16 * MIB);
  for (let written = 0; written < mib * MIB; written += block.length) {
    block.writeUInt32LE(seed, 0);
    block.writeUInt32LE(written / block.length, 4);
    fs.writeSync(fd, block, 0, Math.min(block.length, mib * MIB - written));
  }
  fs.closeSync(fd);

  return file;
};

const timeCp = (file: string, isSynced: boolean): number => {
  const target = `${file}.copy`;
  execFileSync('sync');
  const start = performance.now();
  execFileSync('cp', [file, target]);
  if (isSynced) execFileSync('sync', [target]);
  const ms = performance.now() - start;
  fs.rmSync(target);

  return ms;
};

const peakRssMib = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');

  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
};

type Server = {
  process: ServerProcess;
  base: string;
  cookie: string;
  caseId: string;
  officerIds: string[];
  close(): Promise<void>;
};

const startServer = async (name: string): Promise<Server> => {
  const admin = new pg.Client({ connectionString: values['database-url'] });
  await admin.connect();
  const database = `liuhen_bench_ingest_${Date.now()}`;
  await admin.query(`create database ${database}`);
  const url = new URL(values['database-url']);
  url.pathname = `/${database}`;
  const port = await freePort();
  const dataDir = path.join(root, `data-${name}`);
  const server = startServerProcess(
    {
      PORT: String(port),
      LIUHEN_DATA: dataDir,
      DATABASE_URL: url.toString(),
      LIUHEN_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
    BUNDLE,
  );
  await waitForOutput(server, /is running/);
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer1', password: 'liuhen-demo' }),
  });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const json = (response: Response) => response.json() as Promise<Record<string, unknown>>;
  const created = await json(
    await fetch(`${base}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        source: 'own_initiative',
        place: '示范市新城区建设路18号',
        discoveredOn: '2026-11-01',
        summary: '基准测试案件',
        party: { kind: 'person', name: '张三', idNumber: '11010519491231002X' },
      }),
    }),
  );
  const officers = (await (await fetch(`${base}/api/officers`, { headers: { cookie } })).json()) as { id: string }[];

  return {
    process: server,
    base,
    cookie,
    caseId: created.id as string,
    officerIds: officers.slice(0, 2).map((o) => o.id),
    close: async () => {
      await server.stop();
      await admin.query(`drop database ${database} with (force)`);
      await admin.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** States the file, then sends it in one streamed PATCH, as a browser on a good link does. */
const upload = async (server: Server, file: string): Promise<{ ms: number; bytes: number }> => {
  const size = fs.statSync(file).size;
  const started = performance.now();
  const response = await fetch(`${server.base}/api/cases/${server.caseId}/evidence/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: server.cookie },
    body: JSON.stringify({
      kind: 'electronic_data',
      filename: path.basename(file),
      size,
      recordedStartedAt: new Date(Date.now() - 3_600_000).toISOString(),
      officerIds: server.officerIds,
      providedBy: 'agency',
    }),
  });
  const { url } = (await response.json()) as { url: string };
  await new Promise<void>((resolve, reject) => {
    const request = http.request(`${server.base}${url}`, {
      method: 'PATCH',
      headers: {
        cookie: server.cookie,
        'tus-resumable': '1.0.0',
        'content-type': 'application/offset+octet-stream',
        'upload-offset': '0',
        'content-length': String(size),
      },
    });
    request.on('response', (res) => {
      res.resume();
      if (res.statusCode === 204 && res.headers['liuhen-evidence-id']) resolve();
      else reject(new Error(`upload answered ${res.statusCode}`));
    });
    request.on('error', reject);
    fs.createReadStream(file, { highWaterMark: MIB }).pipe(request);
  });

  return { ms: performance.now() - started, bytes: size };
};

const mbps = (bytes: number, ms: number) => Number((bytes / MIB / (ms / 1000)).toFixed(1));

const single = [];
for (const mib of sizesMib) {
  const file = makeFile(`single-${mib}.bin`, mib, mib);
  const cpMs = Math.min(timeCp(file, false), timeCp(file, false));
  const cpSyncMs = timeCp(file, true);
  const server = await startServer(`single-${mib}`);
  const idleRss = peakRssMib(server.process.child.pid!);
  const { ms, bytes } = await upload(server, file);
  const peak = peakRssMib(server.process.child.pid!);
  await server.close();
  fs.rmSync(file);
  single.push({
    mib,
    uploadMiBps: mbps(bytes, ms),
    cpMiBps: mbps(bytes, cpMs),
    cpThenSyncMiBps: mbps(bytes, cpSyncMs),
    ratioToCp: Number((cpMs / ms).toFixed(2)),
    serverPeakRssMiB: peak,
    serverRssBeforeUploadMiB: idleRss,
  });
}

const files = Array.from({ length: concurrent }, (_, i) => makeFile(`concurrent-${i}.bin`, concurrentMib, 1000 + i));
const server = await startServer('concurrent');
const wallStart = performance.now();
const results = await Promise.all(files.map((file) => upload(server, file)));
const wallMs = performance.now() - wallStart;
const peak = peakRssMib(server.process.child.pid!);
await server.close();
const rates = results.map((r) => mbps(r.bytes, r.ms));
// Jain's fairness index: 1 when every upload got the same rate, 1/n when one got everything.
const jain = rates.reduce((a, b) => a + b, 0) ** 2 / (rates.length * rates.reduce((a, b) => a + b * b, 0));
fs.rmSync(root, { recursive: true, force: true });

process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'ingest',
      node: process.version,
      cpus: os.cpus().length,
      database: 'postgres',
      blobStore: 'fs',
      single,
      concurrent: {
        uploads: concurrent,
        mibEach: concurrentMib,
        aggregateMiBps: mbps(concurrent * concurrentMib * MIB, wallMs),
        perUploadMiBps: { min: Math.min(...rates), max: Math.max(...rates) },
        jainFairness: Number(jain.toFixed(3)),
        serverPeakRssMiB: peak,
      },
    },
    null,
    2,
  )}\n`,
);
