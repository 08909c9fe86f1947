import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEvidenceItem } from '../../server/src/db/repos/evidence-repo';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { ffmpegMissingReason, makeClip } from '../support/media';
import { createTestApp, type TestApp } from '../support/test-context';
import { newCaseInput } from '../factories';

let t: TestApp;
let base: string;
let cookie: string;
let caseId: string;
let officerIds: string[];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-tus-'));
const noFfmpeg = ffmpegMissingReason();
if (noFfmpeg) console.warn(`skipping the video upload test: ${noFfmpeg}`);

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date());
  await seedDemo({ ctx: t.ctx });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  cookie = await t.login('officer1');
  caseId = (
    await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie }, payload: newCaseInput() })
  ).json().id;
  const officers = (await t.app.inject({ method: 'GET', url: '/api/officers', headers: { cookie } })).json();
  officerIds = officers.slice(0, 2).map((o: { id: string }) => o.id);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const startUpload = async (file: string, body: Record<string, unknown>) => {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/evidence/uploads`,
    headers: { cookie },
    payload: {
      filename: path.basename(file),
      size: fs.statSync(file).size,
      recordedStartedAt: new Date(Date.now() - 3_600_000).toISOString(),
      place: '示范市新城区建设路18号',
      officerIds,
      providedBy: 'agency',
      ...body,
    },
  });
  expect(response.statusCode, response.body).toBe(201);

  return `${base}${response.json().url}`;
};

/** Runs tus-js-client, as the browser does, from a file on disk; `stopAfter` aborts once that many bytes are sent. */
const send = (file: string, uploadUrl: string, stopAfter: number | null = null) =>
  new Promise<{ evidenceId: string | null; sentFrom: number; isStopped: boolean }>((resolve, reject) => {
    let sentFrom = -1;
    const upload: tus.Upload = new tus.Upload(fs.createReadStream(file), {
      uploadUrl,
      uploadSize: fs.statSync(file).size,
      headers: { cookie },
      chunkSize: 4 * 1024 * 1024,
      retryDelays: null,
      onProgress: (sent) => {
        if (sentFrom < 0) sentFrom = sent;
        if (stopAfter !== null && sent >= stopAfter) {
          void upload.abort(false).then(() => resolve({ evidenceId: null, sentFrom, isStopped: true }));
        }
      },
      onSuccess: (payload) =>
        resolve({
          evidenceId: payload.lastResponse.getHeader('Liuhen-Evidence-Id') ?? null,
          sentFrom,
          isStopped: false,
        }),
      onError: reject,
    });
    upload.start();
  });

describe('a real tus client uploads, is interrupted, and resumes (AV-7)', () => {
  it('resumes a 40 MB file from the offset the server holds and files it with the right digest', async () => {
    const file = path.join(dir, 'scan.pdf');
    const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(40 * 1024 * 1024)]);
    fs.writeFileSync(file, content);
    const url = await startUpload(file, { kind: 'scan', place: null });

    const first = await send(file, url, 12 * 1024 * 1024);
    expect(first.isStopped).toBe(true);
    const head = await fetch(url, { method: 'HEAD', headers: { cookie, 'tus-resumable': '1.0.0' } });
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    expect(offset).toBeLessThan(content.length);

    const second = await send(file, url);
    expect(second.evidenceId).toMatch(/^[0-9a-f-]{36}$/);
    const item = await findEvidenceItem(t.ctx.db, second.evidenceId!);
    expect(item!.blobSha256).toBe(crypto.createHash('sha256').update(content).digest('hex'));
    expect(item!.mediaType).toBe('application/pdf');
  });

  it.skipIf(noFfmpeg !== null)('records a video’s own creation time and duration (AV-4)', async () => {
    const recordedAt = new Date(Date.now() - 2 * 3_600_000);
    recordedAt.setUTCMilliseconds(0);
    const clip = makeClip({ dir, seconds: 4, creationTime: recordedAt.toISOString(), format: 'mp4' });
    const keeper = await t.login('devicekeeper1');
    const device = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: { cookie: keeper },
      payload: { kind: 'body_camera', serialNumber: 'ZF-TUS-1', model: 'DSJ-V9', name: '执法记录仪' },
    });
    expect(device.statusCode, device.body).toBe(201);
    const deviceId = device.json().id as string;
    const url = await startUpload(clip, { kind: 'video', deviceId, recordedStartedAt: recordedAt.toISOString() });
    const { evidenceId } = await send(clip, url);
    const item = await findEvidenceItem(t.ctx.db, evidenceId!);
    expect(item!.mediaTiming).toMatchObject({
      creationTime: recordedAt.toISOString(),
      durationMs: 4000,
      hasTiming: true,
    });
  });
});
