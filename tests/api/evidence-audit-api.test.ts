import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireUploads } from '../../server/src/use-cases/expire-uploads';
import { runFixityCheck } from '../../server/src/use-cases/run-fixity-check';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { createTestApp, type TestApp } from '../support/test-context';
import { newCaseInput } from '../factories';

let t: TestApp;
let caseId: string;
let caseNumber: string;

const photo = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);

const get = async (url: string, username: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: await t.login(username) } });

const startUpload = async (cookie: string, size: number, filename = '现场照片.jpg') => {
  const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/evidence/uploads`,
    headers: { cookie },
    payload: {
      kind: 'photo',
      filename,
      size,
      recordedStartedAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
      officerIds: [me.id],
      providedBy: 'agency',
    },
  });
  expect(response.statusCode, response.body).toBe(201);

  return response.json().url as string;
};

const patch = (cookie: string, url: string, offset: number, body: Buffer) =>
  t.app.inject({
    method: 'PATCH',
    url,
    headers: {
      cookie,
      'tus-resumable': '1.0.0',
      'content-type': 'application/offset+octet-stream',
      'upload-offset': String(offset),
    },
    payload: body,
  });

/** Waits for the check a POST started in the background, through the list a supervisor reads. */
const settledFixity = async (cookie: string) => {
  for (let i = 0; i < 200; i++) {
    const body = (await t.app.inject({ method: 'GET', url: '/api/evidence/fixity', headers: { cookie } })).json();
    if (!body.isRunning) return body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the fixity check did not finish');
};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ ctx: t.ctx });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie: await t.login('officer1') },
    payload: newCaseInput(),
  });
  ({ id: caseId, number: caseNumber } = created.json());
});
afterAll(() => t.close());

describe('late uploads for supervisors (AV-6)', () => {
  it('answers supervisors and heads, and refuses officers with 403', async () => {
    for (const username of ['supervisor1', 'head1', 'archivist1', 'sectionhead1']) {
      const response = await get('/api/evidence/late', username);
      expect(response.statusCode, username).toBe(200);
      expect(response.json()).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    }
    for (const username of ['officer1', 'devicekeeper1', 'sysadmin1']) {
      const response = await get('/api/evidence/late', username);
      expect(response.statusCode, username).toBe(403);
      expect(response.json()).toEqual({ code: 'FORBIDDEN', message: '您没有执行此操作的权限' });
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/evidence/late' })).statusCode).toBe(401);
  });

  it('refuses bad filters with a code and a Chinese message for each field', async () => {
    const badDate = await get('/api/evidence/late?from=2026-02-30', 'supervisor1');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json()).toEqual({
      code: 'INVALID_DATE',
      message: '日期无效：应为真实存在的日期，格式 YYYY-MM-DD',
      details: {
        fields: [{ field: 'from', code: 'INVALID_DATE', message: '日期无效：应为真实存在的日期，格式 YYYY-MM-DD' }],
      },
    });

    const backwards = await get('/api/evidence/late?from=2026-11-20&to=2026-11-01', 'supervisor1');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({
      code: 'INVALID_DATE_RANGE',
      message: '日期范围无效：起始日期不能晚于截止日期',
      details: { fields: [{ field: 'to', code: 'INVALID_DATE_RANGE' }] },
    });

    const badIds = await get('/api/evidence/late?officerId=wangming&pageSize=500&color=red', 'supervisor1');
    expect(badIds.statusCode).toBe(400);
    expect(badIds.json().code).toBe('VALIDATION_FAILED');
    expect(badIds.json().message).toBe('提交的内容不完整或格式不正确，请检查标出的字段');
    const fields = badIds.json().details.fields.map((f: { field: string; message: string }) => [f.field, f.message]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['officerId', '格式不正确'],
        ['pageSize', '不能大于 100'],
        ['color', '不允许的字段'],
      ]),
    );
  });
});

describe('fixity of stored originals, for supervisors (AV-1, RET-2)', () => {
  it('refuses officers the list and the check with 403', async () => {
    expect((await get('/api/evidence/fixity', 'officer1')).statusCode).toBe(403);
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/evidence/fixity/runs',
      headers: { cookie: await t.login('officer1') },
    });
    expect(post.statusCode).toBe(403);
    expect(post.json().code).toBe('FORBIDDEN');
  });

  it('runs a check on request and lists an altered original with its case and file', async () => {
    const officer = await t.login('officer1');
    const bytes = photo(5000);
    const url = await startUpload(officer, bytes.length, '现场照片-改动.jpg');
    expect((await patch(officer, url, 0, bytes)).statusCode).toBe(204);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const stored = path.join(t.dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha);
    fs.chmodSync(stored, 0o644);
    fs.writeFileSync(stored, Buffer.concat([bytes.subarray(0, 4999), Buffer.from([bytes[4999]! ^ 1])]));

    const supervisor = await t.login('supervisor1');
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/evidence/fixity/runs',
      headers: { cookie: supervisor },
    });
    expect(started.statusCode, started.body).toBe(202);
    const { runId } = started.json();
    const fixity = await settledFixity(supervisor);
    expect(fixity.runs[0]).toMatchObject({
      id: runId,
      status: 'finished',
      agency: { checked: 1, bytes: 5000, missing: 0, altered: 1, unreadable: 0 },
      store: { checked: 1, bytes: 5000, unreferenced: 0 },
    });
    expect(fixity.problems).toEqual([
      expect.objectContaining({
        sha256: sha,
        outcome: 'altered',
        outcomeName: '原件被改动',
        expectedSize: 5000,
        actualSize: 5000,
        items: [
          expect.objectContaining({
            filename: '现场照片-改动.jpg',
            case: expect.objectContaining({ number: caseNumber }),
          }),
        ],
      }),
    ]);
  });

  it('answers 409 while a check is already running', async () => {
    const head = await t.login('head1');
    // A check held at its first original until the refusal is in, so nothing depends on timing.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const store = t.evidence.store;
    const running = runFixityCheck({
      ctx: t.ctx,
      store: { ...store, stat: async (sha256: string) => gate.then(() => store.stat(sha256)) },
      selection: { kind: 'all' },
      agencyId: null,
      actor: null,
    });
    const refused = await t.app.inject({ method: 'POST', url: '/api/evidence/fixity/runs', headers: { cookie: head } });
    release();
    expect((await running)?.checked).toBe(1);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'FIXITY_RUN_IN_PROGRESS',
      message: '原件完整性检查正在进行，请待本次检查完成后再试',
    });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/evidence/fixity/runs', headers: { cookie: head } })).statusCode,
    ).toBe(202);
    await settledFixity(head);
  });
});

describe('an expired upload is gone (AV-7)', () => {
  it('answers HEAD and PATCH with 410 UPLOAD_GONE once the expiry job has removed it', async () => {
    const bytes = photo(9000);
    const url = await startUpload(await t.login('officer1'), bytes.length);
    expect((await patch(await t.login('officer1'), url, 0, bytes.subarray(0, 5000))).statusCode).toBe(204);
    t.clock.advance(73 * 3_600_000);
    expect((await expireUploads({ ctx: t.ctx, evidence: t.evidence })).expired).toHaveLength(1);

    const officer = await t.login('officer1');
    const head = await t.app.inject({ method: 'HEAD', url, headers: { cookie: officer, 'tus-resumable': '1.0.0' } });
    expect(head.statusCode).toBe(410);
    const rest = await patch(officer, url, 5000, bytes.subarray(5000));
    expect(rest.statusCode).toBe(410);
    expect(rest.json()).toMatchObject({ code: 'UPLOAD_GONE', message: '上传任务已结束、已取消或已过期，请重新上传' });
  });

  it('answers HEAD with 410 past the expiry even before the job has run, and records the expiry once', async () => {
    const bytes = photo(9100);
    const url = await startUpload(await t.login('officer1'), bytes.length);
    expect((await patch(await t.login('officer1'), url, 0, bytes.subarray(0, 4000))).statusCode).toBe(204);
    t.clock.advance(73 * 3_600_000);
    const officer = await t.login('officer1');
    const head = await t.app.inject({ method: 'HEAD', url, headers: { cookie: officer, 'tus-resumable': '1.0.0' } });
    expect(head.statusCode).toBe(410);
    // Found by the HEAD already: the job has nothing left to expire.
    expect((await expireUploads({ ctx: t.ctx, evidence: t.evidence })).expired).toHaveLength(0);
  });
});
