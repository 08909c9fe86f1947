import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { randomCreditCode } from '../factories';

const isPglite = inject('backend') === 'pglite';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-admin-'));
let database: TestDatabase | null = null;
let env: Record<string, string>;

beforeAll(async () => {
  env = { LIUHEN_DATA: dataDir, LIUHEN_DEMO: 'false' };
  if (!isPglite) {
    database = await createTestDatabase();
    env = { ...env, DATABASE_URL: database.url! };
  }
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const admin = async (args: string[], stdin?: string) => {
  const run = startServerProcess(env, 'server/src/cli/admin.ts', args);
  if (stdin !== undefined) run.child.stdin!.end(stdin);
  else run.child.stdin!.end();

  return { code: await run.exited, output: run.output() };
};

// Each command is a fresh process that opens and migrates the database: a wide guard, not a timing assertion.
describe('first administrator of a real deployment (issue 2 §6)', { timeout: 120_000 }, () => {
  it('creates an agency, a section, an administrator and a credential from the command line', async () => {
    const code = randomCreditCode();
    expect(
      (
        await admin([
          'create-agency',
          '--name',
          '某市城市管理综合执法局',
          '--short-name',
          '某城管',
          '--code',
          code,
          '--level',
          'city',
        ])
      ).code,
    ).toBe(0);
    expect((await admin(['create-section', '--agency', code, '--name', '办公室', '--kind', 'office'])).code).toBe(0);
    const created = await admin(
      [
        'create-user',
        '--agency',
        code,
        '--username',
        'admin',
        '--name',
        '管理员',
        '--roles',
        'system_admin',
        '--section',
        '办公室',
        '--password-stdin',
      ],
      'Admin-pass-2026\n',
    );
    expect(created).toMatchObject({ code: 0 });
    const credential = await admin([
      'add-credential',
      '--username',
      'admin',
      '--number',
      'C2026001',
      '--field',
      '城市管理',
      '--issuer',
      '某市人民政府',
      '--from',
      '2026-01-01',
      '--to',
      '2028-12-31',
    ]);
    expect(credential.code).toBe(0);
    const list = await admin(['list']);
    expect(list.output).toContain('某市城市管理综合执法局');
    expect(list.output).toMatch(/admin\s+管理员\s+system_admin/);
  });

  it('refuses bad input with the Chinese message and changes nothing', async () => {
    const weak = await admin(
      ['create-user', '--agency', 'NOPE', '--username', 'x1', '--name', '某', '--roles', 'officer', '--password-stdin'],
      'short\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.output).toContain('没有代码为 NOPE 的机关');
    const badCode = await admin([
      'create-agency',
      '--name',
      '某局',
      '--short-name',
      '某',
      '--code',
      '91350100M000100Y44',
      '--level',
      'city',
    ]);
    expect(badCode.code).toBe(1);
    expect(badCode.output).toContain('统一社会信用代码无效');
    const list = await admin(['list']);
    expect(list.output).not.toContain('某局 (');
  });
});
