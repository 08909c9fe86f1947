import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBlob, findUpload, listEvidenceOfCase } from '../../server/src/db/repos/evidence-repo';
import { countLedgerEntries, listLedgerEntries } from '../../server/src/db/repos/ledger-repo';
import { createEvidenceServices } from '../../server/src/ingest/evidence-services';
import { receiveUploadChunk } from '../../server/src/use-cases/receive-upload';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { actorFor } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-context';
import { newCaseInput } from '../factories';

let t: TestApp;
let officer: string;
let caseId: string;
let officerIds: string[];
let deviceId: string;

// A JPEG header, then filler: enough for the magic-byte check to see a photo.
const jpeg = (size: number, seed = 1) => {
  const bytes = crypto.createHash('sha256').update(String(seed)).digest();
  const body = Buffer.alloc(size);
  for (let i = 0; i < size; i++) body[i] = bytes[i % 32]! ^ (i & 0xff);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(body, 0);

  return body;
};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ ctx: t.ctx });
  officer = await t.login('officer1');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie: officer },
    payload: newCaseInput(),
  });
  caseId = created.json().id;
  const officers = (await t.app.inject({ method: 'GET', url: '/api/officers', headers: { cookie: officer } })).json();
  officerIds = officers
    .filter((o: { displayName: string }) => ['王明', '李华'].includes(o.displayName))
    .map((o: { id: string }) => o.id);
  deviceId = await registerDevice();
});
afterAll(() => t.close());

// The device register has its own tests; here a device is only needed to file the agency's own video.
const registerDevice = async (): Promise<string> => {
  const keeper = await t.login('devicekeeper1');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/devices',
    headers: { cookie: keeper },
    payload: { kind: 'body_camera', serialNumber: 'ZF-0003', model: 'DSJ-V9', name: '执法记录仪3号' },
  });

  expect(response.statusCode, response.body).toBe(201);

  return response.json().id;
};

const start = (overrides: Record<string, unknown> = {}, cookie = officer) =>
  t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/evidence/uploads`,
    headers: { cookie },
    payload: {
      kind: 'photo',
      filename: '现场照片1.jpg',
      size: 300_000,
      recordedStartedAt: '2026-11-20T09:30:00+08:00',
      place: '示范市新城区建设路18号',
      officerIds,
      focusItems: ['scene_environment'],
      providedBy: 'agency',
      ...overrides,
    },
  });

const patch = (url: string, offset: number, body: Buffer, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'PATCH',
    url,
    headers: {
      cookie: officer,
      'tus-resumable': '1.0.0',
      'content-type': 'application/offset+octet-stream',
      'upload-offset': String(offset),
      ...headers,
    },
    payload: body,
  });

describe('resumable upload of an original (AV-7, tus 1.0)', () => {
  it('takes a file in several requests, reports its offset, and files it with its digest on the last byte', async () => {
    const file = jpeg(300_000);
    const started = await start();
    expect(started.statusCode).toBe(201);
    const { url, id } = started.json();
    expect(url).toBe(`/api/uploads/${id}`);

    const first = await patch(url, 0, file.subarray(0, 100_000));
    expect(first.statusCode).toBe(204);
    expect(first.headers['upload-offset']).toBe('100000');
    const head = await t.app.inject({ method: 'HEAD', url, headers: { cookie: officer, 'tus-resumable': '1.0.0' } });
    expect(head.headers['upload-offset']).toBe('100000');
    expect(head.headers['upload-length']).toBe('300000');

    // A chunk sent at the wrong offset changes nothing and says where to resume.
    const wrong = await patch(url, 50_000, file.subarray(50_000, 60_000));
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json()).toMatchObject({ code: 'UPLOAD_OFFSET_MISMATCH', details: { offset: 100_000 } });

    // A chunk whose checksum does not match is discarded whole.
    const badSum = crypto.createHash('sha256').update('something else').digest('base64');
    const refused = await patch(url, 100_000, file.subarray(100_000, 200_000), {
      'upload-checksum': `sha256 ${badSum}`,
    });
    expect(refused.statusCode).toBe(460);
    expect(refused.json().code).toBe('UPLOAD_CHECKSUM_MISMATCH');
    expect((await findUpload(t.ctx.db, id))!.receivedBytes).toBe(100_000);

    const goodSum = crypto.createHash('sha256').update(file.subarray(100_000, 200_000)).digest('base64');
    expect(
      (await patch(url, 100_000, file.subarray(100_000, 200_000), { 'upload-checksum': `sha256 ${goodSum}` }))
        .statusCode,
    ).toBe(204);
    const last = await patch(url, 200_000, file.subarray(200_000));
    expect(last.statusCode).toBe(204);
    const evidenceId = last.headers['liuhen-evidence-id'] as string;
    expect(evidenceId).toMatch(/^[0-9a-f-]{36}$/);

    const sha256 = crypto.createHash('sha256').update(file).digest('hex');
    const [item] = (await listEvidenceOfCase(t.ctx.db, caseId)).filter((e) => e.id === evidenceId);
    expect(item).toMatchObject({ blobSha256: sha256, size: 300_000, kind: 'photo', mediaType: 'image/jpeg' });
    expect(await findBlob(t.ctx.db, sha256)).toMatchObject({ size: 300_000, store: 'fs' });
    expect(await t.evidence.store.stat(sha256)).toEqual({ size: 300_000 });
    expect(fs.existsSync(path.join(t.evidence.stagingDir, id))).toBe(false);
    await t.settle();
    const leaves = (await listLedgerEntries(t.ctx.db, item!.agencyId)).map((e) =>
      JSON.parse(new TextDecoder().decode(e.leaf)),
    );
    expect(leaves.find((l) => l.type === 'evidence.added' && l.subject.id === evidenceId)).toBeTruthy();

    // Finished: further bytes are refused.
    expect((await patch(url, 300_000, Buffer.from('x'))).statusCode).toBe(410);
  });

  it('stores identical content once, however often it is filed', async () => {
    const file = jpeg(5000, 7);
    const ids: string[] = [];
    for (const name of ['a.jpg', 'b.jpg']) {
      const { url } = (await start({ filename: name, size: file.length })).json();
      ids.push((await patch(url, 0, file)).headers['liuhen-evidence-id'] as string);
    }
    const items = (await listEvidenceOfCase(t.ctx.db, caseId)).filter((e) => ids.includes(e.id));
    expect(items).toHaveLength(2);
    expect(new Set(items.map((i) => i.blobSha256)).size).toBe(1);
  });

  it('resumes after a restart from the saved hash state, not from zero', async () => {
    const file = jpeg(9 * 1024 * 1024, 3);
    const { url, id } = (await start({ filename: 'big.jpg', size: file.length })).json();
    expect((await patch(url, 0, file.subarray(0, 6 * 1024 * 1024))).statusCode).toBe(204);
    await t.evidence.hashes.settled();
    const saved = await findUpload(t.ctx.db, id);
    expect(saved!.hashedBytes).toBe(6 * 1024 * 1024);

    // A new process: its own hashes, nothing in memory; the rest arrives through it.
    const restarted = createEvidenceServices({
      db: t.ctx.db,
      clock: t.clock,
      store: t.evidence.store,
      stagingDir: t.evidence.stagingDir,
      maxUploadBytes: t.evidence.maxUploadBytes,
      uploadExpiryHours: 72,
      withSm3: false,
      onError: (error) => {
        throw error;
      },
    });
    const result = await receiveUploadChunk({
      ctx: t.ctx,
      evidence: restarted,
      actor: await actorFor(t.ctx, 'officer1'),
      uploadId: id,
      offset: 6 * 1024 * 1024,
      checksum: null,
      contentLength: null,
      body: (async function* () {
        yield file.subarray(6 * 1024 * 1024);
      })(),
    });
    await restarted.hashes.close();
    const item = (await listEvidenceOfCase(t.ctx.db, caseId)).find((e) => e.id === result.evidenceId);
    expect(item!.blobSha256).toBe(crypto.createHash('sha256').update(file).digest('hex'));
  });
});

describe('what the upload form needs (AV-1, AV-3, AV-7)', () => {
  it('gives the kinds, focus items and interruption reasons as data, and lists unfinished uploads to resume', async () => {
    const catalog = (
      await t.app.inject({ method: 'GET', url: '/api/evidence/catalog', headers: { cookie: officer } })
    ).json();
    expect(catalog.kinds.map((k: { id: string }) => k.id)).toEqual([
      'video',
      'audio',
      'photo',
      'scan',
      'electronic_data',
      'system_operation_data',
    ]);
    expect(catalog.focusItems[0].citations[0].text).toMatch(/第.+条/);
    const { url, id } = (await start({ filename: 'half.jpg', size: 4000 })).json();
    await patch(url, 0, jpeg(4000).subarray(0, 2000));
    const open = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/evidence/uploads`, headers: { cookie: officer } })
    ).json();
    expect(open.find((u: { id: string }) => u.id === id)).toMatchObject({
      offset: 2000,
      size: 4000,
      filename: 'half.jpg',
    });
    const other = await t.login('officer2');
    const theirs = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/evidence/uploads`, headers: { cookie: other } })
    ).json();
    expect(theirs.find((u: { id: string }) => u.id === id)).toBeUndefined();
  });
});

describe('the agency’s own video names its device; an upload can be given up (AV-3, DEV-2, tus termination)', () => {
  it('accepts the metadata with a registered device, then cancels and keeps nothing', async () => {
    const started = await start({ kind: 'video', filename: 'ZF03.MP4', size: 10_000_000, deviceId });
    expect(started.statusCode, started.body).toBe(201);
    const { url, id } = started.json();
    const gone = await t.app.inject({ method: 'DELETE', url, headers: { cookie: officer, 'tus-resumable': '1.0.0' } });
    expect(gone.statusCode).toBe(204);
    expect((await findUpload(t.ctx.db, id))!.status).toBe('cancelled');
    expect(fs.existsSync(path.join(t.evidence.stagingDir, id))).toBe(false);
    expect((await patch(url, 0, jpeg(100))).statusCode).toBe(410);
  });
});

describe('bad uploads are refused and store nothing (SEC-3, AV-1, AV-3)', () => {
  it('refuses wrong metadata before any byte is sent', async () => {
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['an empty file', { size: 0 }, 400, 'EMPTY_FILE'],
      ['a file over the limit', { size: 30 * 1024 ** 3 }, 413, 'UPLOAD_TOO_LARGE'],
      ['no time', { recordedStartedAt: 'yesterday' }, 400, 'INVALID_DATE'],
      ['no officer', { officerIds: [] }, 400, 'VALIDATION_FAILED'],
      ['own video without a device', { kind: 'video', filename: 'a.mp4' }, 400, 'VALIDATION_FAILED'],
      ['an unknown device', { kind: 'video', filename: 'a.mp4', deviceId: crypto.randomUUID() }, 400, 'INVALID_DEVICE'],
      ['an officer of nowhere', { officerIds: [crypto.randomUUID()] }, 400, 'INVALID_OFFICER'],
      ['a stage not yet reached', { stage: 'decision' }, 400, 'VALIDATION_FAILED'],
      ['an unknown field', { isVerified: true }, 400, 'VALIDATION_FAILED'],
    ];
    await t.settle();
    const before = await countLedgerEntries(t.ctx.db);
    const staged = fs.readdirSync(t.evidence.stagingDir).length;
    for (const [what, overrides, status, code] of cases) {
      const response = await start(overrides);
      expect(response.statusCode, what).toBe(status);
      expect(response.json().code, what).toBe(code);
      expect(response.json().message, what).toMatch(/[\u4e00-\u9fff]/);
    }
    await t.settle();
    expect(await countLedgerEntries(t.ctx.db)).toBe(before);
    expect(fs.readdirSync(t.evidence.stagingDir)).toHaveLength(staged);
  });

  it('refuses bytes that contradict the declared kind, keeping nothing of them', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), crypto.randomBytes(8190)]);
    const { url, id } = (await start({ kind: 'photo', filename: 'photo.jpg', size: exe.length })).json();
    const response = await patch(url, 0, exe);
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('TYPE_MISMATCH');
    expect((await findUpload(t.ctx.db, id))!.status).toBe('refused');
    expect(fs.existsSync(path.join(t.evidence.stagingDir, id))).toBe(false);
  });

  it('keeps another person’s upload out of reach, and refuses a body past the declared length', async () => {
    const { url } = (await start({ filename: 'c.jpg', size: 1000 })).json();
    const other = await t.login('officer2');
    const foreign = await t.app.inject({
      method: 'PATCH',
      url,
      headers: {
        cookie: other,
        'tus-resumable': '1.0.0',
        'content-type': 'application/offset+octet-stream',
        'upload-offset': '0',
      },
      payload: jpeg(1000),
    });
    expect(foreign.statusCode).toBe(404);
    expect((await patch(url, 0, jpeg(2000))).statusCode).toBe(413);
    expect((await patch(url, 0, jpeg(1000), { 'tus-resumable': '0.2.2' })).statusCode).toBe(412);
  });
});
