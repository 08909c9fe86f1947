import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newCaseInput } from '../factories';
import { startServerProcess, waitForOutput } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

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

const api = (pathname: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${env.PORT}${pathname}`, init);

describe('npm start as a user runs it (issue 2: restart, lock, configuration)', () => {
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
      expect(meta.demoUsers).toHaveLength(12);
    } finally {
      expect(await again.stop()).toBe(0);
    }
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
