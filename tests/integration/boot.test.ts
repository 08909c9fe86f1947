import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newCaseInput } from '../factories';
import { freePort, runVerifier, startServerProcess, waitForOutput } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const isPglite = inject('backend') === 'pglite';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-boot-'));
let database: TestDatabase | null = null;
let env: Record<string, string>;

beforeAll(async () => {
  env = { LIUHEN_DATA: dataDir, HOST: '127.0.0.1', PORT: String(await freePort()) };
  if (!isPglite) {
    // The same program on PostgreSQL: an empty database of its own, demo data asked for explicitly.
    database = await createTestDatabase();
    env = { ...env, DATABASE_URL: database.url!, LIUHEN_DEMO: 'true' };
  }
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** As the database owner, with triggers off, edits the leaf of the first case entry in place. */
const tamperFirstCaseLeaf = async () => {
  const statement = `update ledger_entries set leaf = convert_to(replace(convert_from(leaf, 'UTF8'), '"v":1', '"v":2'), 'UTF8')
     where seq = (select min(seq) from ledger_entries where type = 'case.created') and type = 'case.created'`;
  if (isPglite) {
    const db = await PGlite.create(path.join(dataDir, 'db'));
    await db.exec(`set session_replication_role = replica; ${statement}`);
    await db.close();
  } else {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    await client.query('set session_replication_role = replica');
    await client.query(statement);
    await client.end();
  }
};

const api = (pathname: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${env.PORT}${pathname}`, init);

// Server processes started and stopped several times on a two-core machine: a wide guard, not a timing assertion.
describe('npm start as a user runs it (issue 2: restart, lock, configuration)', { timeout: 120_000 }, () => {
  it('boots, seeds the demo agency, keeps everything across a restart and does not seed twice', async () => {
    const first = startServerProcess(env);
    await waitForOutput(first, /已启动/);
    expect(first.output()).toContain('liuhen-demo');
    expect(await (await api('/api/health')).json()).toEqual({
      status: 'ok',
      database: isPglite ? 'pglite' : 'postgres',
    });

    const login = await api('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer1', password: 'liuhen-demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const created = await api('/api/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(newCaseInput({ discoveredOn: '2026-01-05' })),
    });
    expect(created.status).toBe(201);
    const { id, number } = (await created.json()) as { id: string; number: string };

    if (isPglite) {
      const second = startServerProcess({ ...env, PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain('数据目录已被另一个 Liuhen 进程占用');
      expect(second.output()).toMatch(/pid \d+/);
    }

    expect(await first.stop()).toBe(0);
    if (isPglite) expect(fs.existsSync(path.join(dataDir, 'liuhen.lock'))).toBe(false);

    const again = startServerProcess(env);
    await waitForOutput(again, /已启动/);
    try {
      const relogin = await api('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'officer1', password: 'liuhen-demo' }),
      });
      const cookie2 = relogin.headers.get('set-cookie')!.split(';')[0]!;
      const detail = (await (await api(`/api/cases/${id}`, { headers: { cookie: cookie2 } })).json()) as {
        number: string;
        timeline: { type: string }[];
      };
      expect(detail.number).toBe(number);
      expect(detail.timeline.map((e) => e.type)).toEqual(['case.created', 'case.viewed']);
      const meta = (await (await api('/api/meta')).json()) as { demoUsers: unknown[] };
      expect(meta.demoUsers).toHaveLength(13);
      // LEDGER-2: the worker signs a checkpoint of the bureau's log within seconds.
      const code = '11990100MB0000002X';
      let checkpoint: Response | null = null;
      for (let i = 0; i < 50 && checkpoint?.status !== 200; i++) {
        checkpoint = await api(`/api/ledger/${code}/checkpoint`);
        if (checkpoint.status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(checkpoint!.status).toBe(200);
      expect(await checkpoint!.text()).toMatch(new RegExp(`^liuhen\\.local/ledger/${code}/sha256\\n\\d+\\n`));
    } finally {
      expect(await again.stop()).toBe(0);
    }

    // LEDGER-3: the offline verifier audits the stopped server's data, then names an edit made behind its back.
    const source = isPglite ? ['--data', dataDir] : ['--database-url', env.DATABASE_URL!];
    const clean = await runVerifier(['audit', ...source]);
    expect(clean.code).toBe(0);
    expect(clean.output).toContain('未发现问题');
    await tamperFirstCaseLeaf();
    const tampered = await runVerifier(['audit', ...source]);
    expect(tampered.code).toBe(1);
    expect(tampered.output).toContain('altered-leaf');
  });

  it('refuses to boot on invalid settings and lists every problem at once', async () => {
    const bad = startServerProcess({
      ...env,
      PORT: 'eighty',
      LIUHEN_DEMO: 'maybe',
      DATABASE_URL: 'mysql://localhost/x',
    });
    expect(await bad.exited).toBe(1);
    const output = bad.output();
    expect(output).toContain('PORT=eighty');
    expect(output).toContain('LIUHEN_DEMO=maybe');
    expect(output).toContain('DATABASE_URL');
  });
});
