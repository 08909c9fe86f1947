import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newCaseInput } from '../factories';
import {
  freePort,
  runVerifier,
  startServerProcess,
  waitForOutput,
  type ServerProcess,
} from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const isPglite = inject('backend') === 'pglite';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-crash-'));
let database: TestDatabase | null = null;
let env: Record<string, string>;

beforeAll(async () => {
  env = { LIUHEN_DATA: dataDir, PORT: String(await freePort()), LIUHEN_CHECKPOINT_INTERVAL_MS: '200' };
  if (!isPglite) {
    database = await createTestDatabase();
    env = { ...env, DATABASE_URL: database.url!, LIUHEN_DEMO: 'true' };
  }
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const api = (pathname: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${env.PORT}${pathname}`, init);

const logIn = async (): Promise<string> => {
  const response = await api('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer1', password: 'liuhen-demo' }),
  });

  return response.headers.get('set-cookie')!.split(';')[0]!;
};

// Two server starts, 150 writes and an audit on a two-core machine: a wide guard, not a timing assertion.
describe('crash safety (issue 3 §9, LEDGER-1)', { timeout: 120_000 }, () => {
  it('loses nothing acknowledged when killed with SIGKILL in the middle of a batch, and the audit passes', async () => {
    let server: ServerProcess = startServerProcess(env);
    await waitForOutput(server, /已启动/);
    const cookie = await logIn();
    const acknowledged: string[] = [];
    let isKilled = false;
    const writer = async () => {
      while (!isKilled) {
        try {
          const response = await api('/api/cases', {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify(newCaseInput({ discoveredOn: '2026-01-02' })),
          });
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
        } catch {
          return;
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 20));
    // Killed without warning while writers are mid-request and entries sit in the queue.
    server.child.kill('SIGKILL');
    isKilled = true;
    await server.exited;
    await Promise.all(writers);

    server = startServerProcess(env);
    await waitForOutput(server, /已启动/);
    try {
      const cookie2 = await logIn();
      for (const id of acknowledged) {
        const detail = await api(`/api/cases/${id}`, { headers: { cookie: cookie2 } });
        expect(detail.status).toBe(200);
      }
      // Every acknowledged case's entry gets its position once the restarted worker has run.
      const sample = acknowledged.at(-1)!;
      let seq: number | null = null;
      for (let i = 0; i < 50 && seq === null; i++) {
        const detail = (await (await api(`/api/cases/${sample}`, { headers: { cookie: cookie2 } })).json()) as {
          timeline: { type: string; seq: number | null }[];
        };
        seq = detail.timeline.find((e) => e.type === 'case.created')!.seq;
        if (seq === null) await new Promise((r) => setTimeout(r, 200));
      }
      expect(seq).toEqual(expect.any(Number));
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const source = isPglite ? ['--data', dataDir] : ['--database-url', env.DATABASE_URL!];
    const audit = await runVerifier(['audit', ...source]);
    expect(audit.code).toBe(0);
    expect(audit.output).toContain('未发现问题');
  });
});
