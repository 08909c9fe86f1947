import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCaseInput } from '../factories';
import { SHOTS, startE2eApp, type E2eApp } from '../support/e2e-app';
import { pick } from '../support/workspace-driver';

let app: E2eApp;
const cookies: Record<string, string> = {};
/** An inspection with an audio recording and a scene photo: the lawsuit and the hold are recorded on it. */
let litigatedId: string;
/** Another inspection with one audio recording, left alone until its six-month term has run. */
let expiredId: string;
let expiredEvidenceId: string;
let realNow: Date;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const call = (method: 'GET' | 'POST', url: string, as: string, payload?: unknown) =>
  app.t.app.inject({
    method,
    url,
    headers: { cookie: cookies[as]!, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });

// An MP3 as a recorder writes it (an ID3 tag, then random bytes), and a JPEG header then filler.
const mp3 = (size: number) =>
  Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), randomBytes(size - 10)]);
const jpeg = (size: number) => {
  const body = randomBytes(size);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(body, 0);

  return body;
};

/** Files one original over the HTTP upload API (tus), as the browser does; returns its evidence id. */
const file = async (caseId: string, body: Record<string, unknown>, bytes: Buffer): Promise<string> => {
  const started = await call('POST', `/api/cases/${caseId}/evidence/uploads`, 'officer1', {
    ...body,
    size: bytes.length,
    place: '示范市新城区建设路18号',
    providedBy: 'agency',
  });
  expect(started.statusCode, started.body).toBe(201);
  const sent = await app.t.app.inject({
    method: 'PATCH',
    url: started.json().url,
    headers: {
      cookie: cookies.officer1!,
      'tus-resumable': '1.0.0',
      'content-type': 'application/offset+octet-stream',
      'upload-offset': '0',
    },
    payload: bytes,
  });
  expect(sent.statusCode, sent.body).toBe(204);
  const items = (await call('GET', `/api/cases/${caseId}/evidence`, 'officer1')).json().items as {
    id: string;
    filename: string;
  }[];

  return items.find((i) => i.filename === body.filename)!.id;
};

const logInAll = async () => {
  for (const name of ['officer1', 'devicekeeper1', 'legal1', 'archivist1', 'head1'])
    cookies[name] = await app.t.login(name);
};

beforeAll(async () => {
  app = await startE2eApp();
  realNow = new Date();
  app.t.clock.set(realNow);
  await logInAll();

  // DEV-1: a body camera issued to 王明, named on the recordings below.
  const device = await call('POST', '/api/devices', 'devicekeeper1', {
    kind: 'body_camera',
    serialNumber: 'ZF-E2E-RET1',
    model: 'DSJ-V9',
    name: '执法记录仪11号',
  });
  expect(device.statusCode, device.body).toBe(201);
  const deviceId = device.json().id as string;
  const officers = (await call('GET', '/api/officers', 'officer1')).json() as { id: string; displayName: string }[];
  const wangMing = officers.find((o) => o.displayName === '王明')!.id;
  const issued = await call('POST', `/api/devices/${deviceId}/events`, 'devicekeeper1', {
    type: 'assigned',
    assigneeUserId: wangMing,
  });
  expect(issued.statusCode, issued.body).toBe(201);

  const audio = (filename: string) => {
    const startedAt = new Date(realNow.getTime() - HOUR);

    return {
      kind: 'audio',
      filename,
      recordedStartedAt: startedAt.toISOString(),
      recordedEndedAt: new Date(startedAt.getTime() + 10 * 60_000).toISOString(),
      officerIds: [wangMing],
      deviceId,
    };
  };
  const inspection = () => newCaseInput({ procedure: 'inspection', source: 'annual_plan' });

  // RET-1: in an inspection audio-video alone is kept six months; the photo is case-file material (10 years).
  litigatedId = (await call('POST', '/api/cases', 'officer1', inspection())).json().id;
  await file(litigatedId, audio('检查录音-诉讼.mp3'), mp3(20_000));
  await file(
    litigatedId,
    {
      kind: 'photo',
      filename: '现场照片.jpg',
      recordedStartedAt: new Date(realNow.getTime() - HOUR).toISOString(),
      officerIds: [wangMing],
    },
    jpeg(30_000),
  );

  expiredId = (await call('POST', '/api/cases', 'officer1', inspection())).json().id;
  expiredEvidenceId = await file(expiredId, audio('检查录音-届满.mp3'), mp3(20_000));
});
afterAll(() => app?.close());

const section = (page: Page) => page.getByTestId('retention-section');
const rowOf = (page: Page, filename: string) => page.getByTestId('evidence-row').filter({ hasText: filename });

const openCase = async (page: Page, caseId: string) => {
  await page.goto(`${app.base}/cases/${caseId}`);
  await section(page).waitFor();
};

describe('retention facts and legal holds on the case page (RET-1, RET-2)', () => {
  it('RET-1 RET-2 records a lawsuit after previewing the term changes, then places and releases a hold', async () => {
    const archivist = await app.newPage();
    try {
      await app.logIn(archivist, 'archivist1');
      await openCase(archivist, litigatedId);
      expect(await section(archivist).textContent()).toContain('未登记');
      const audioTermBefore = await rowOf(archivist, '检查录音-诉讼.mp3').textContent();

      // RET-1: choosing the fact asks the server what it would lengthen, before anything is recorded.
      await section(archivist).getByRole('button', { name: '登记延长保存事由' }).click();
      const dialog = archivist.getByRole('dialog', { name: '登记延长保存事由' });
      await pick(archivist, dialog.getByTestId('retention-fact-select'), '当事人提起行政诉讼');
      const preview = dialog.getByTestId('retention-preview');
      await preview.waitFor();
      expect(await preview.textContent()).toContain('以下证据的保存期限将延长：');
      const lines = await dialog.getByTestId('retention-preview-line').allTextContents();
      const audioLine = lines.find((l) => l.startsWith('检查录音-诉讼.mp3 '));
      expect(audioLine, lines.join('\n')).toMatch(/^检查录音-诉讼\.mp3 \d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2}$/);
      const newTerm = audioLine!.split('→ ')[1]!;
      expect(await dialog.textContent()).toContain('依据：');
      // Nothing is stored by the preview.
      expect((await call('GET', `/api/cases/${litigatedId}/evidence`, 'archivist1')).json().retentionFacts).toEqual([]);
      await dialog.getByLabel('说明（可选）').fill('当事人已向人民法院提起行政诉讼');
      await app.shot(archivist, 'evidence-retention-01-fact-preview', false);
      await dialog.getByRole('button', { name: '确认登记' }).click();

      const fact = section(archivist).getByTestId('retention-fact');
      await expect.poll(() => fact.count()).toBe(1);
      expect(await fact.textContent()).toContain('当事人提起行政诉讼');
      expect(await fact.textContent()).toContain('当事人已向人民法院提起行政诉讼');
      expect(await fact.textContent()).toMatch(/登记/);
      await expect.poll(() => rowOf(archivist, '检查录音-诉讼.mp3').textContent()).toContain(`至 ${newTerm}`);
      expect(audioTermBefore).not.toContain(`至 ${newTerm}`);
      expect(archivist.errors).toEqual([]);
    } finally {
      await archivist.close();
    }

    // RET-2: the legal officer holds the whole case, with a required reason, then releases it with another.
    const legal = await app.newPage();
    try {
      await app.logIn(legal, 'legal1');
      await openCase(legal, litigatedId);
      await section(legal).getByRole('button', { name: '采取保全' }).click();
      const holdDialog = legal.getByRole('dialog', { name: '采取保全' });
      await holdDialog.getByRole('button', { name: '确认保全' }).click();
      await expect.poll(() => holdDialog.getByText('请填写保全理由').isVisible()).toBe(true);
      await holdDialog.getByLabel('保全理由').fill('行政诉讼期间保全');
      await holdDialog.getByRole('button', { name: '确认保全' }).click();
      const hold = section(legal).getByTestId('legal-hold');
      await expect.poll(() => hold.count()).toBe(1);
      expect(await hold.textContent()).toContain('保全中 · 全案证据');
      expect(await hold.textContent()).toContain('行政诉讼期间保全');
      await expect.poll(() => rowOf(legal, '现场照片.jpg').textContent()).toContain('已冻结');
      await section(legal).screenshot({ path: path.join(SHOTS, 'evidence-retention-02-hold.png') });

      await hold.getByRole('button', { name: '解除保全' }).click();
      const releaseDialog = legal.getByRole('dialog', { name: '解除保全' });
      await releaseDialog.getByRole('button', { name: '确认解除' }).click();
      await expect.poll(() => releaseDialog.getByText('请填写解除理由').isVisible()).toBe(true);
      await releaseDialog.getByLabel('解除理由').fill('判决已生效');
      await releaseDialog.getByRole('button', { name: '确认解除' }).click();
      await expect.poll(() => hold.count()).toBe(0);
      const released = section(legal).getByTestId('released-hold');
      await expect.poll(() => released.count()).toBe(1);
      expect(await released.textContent()).toContain('行政诉讼期间保全');
      expect(await released.textContent()).toContain('判决已生效');
      expect(await rowOf(legal, '现场照片.jpg').textContent()).not.toContain('已冻结');
      await app.shot(legal, 'evidence-retention-03-released');
      await section(legal).screenshot({ path: path.join(SHOTS, 'evidence-retention-03b-released-section.png') });
      expect(legal.errors).toEqual([]);
    } finally {
      await legal.close();
    }
  });

  it('RET-2 asks for disposal of a recording past its six-month term, showing the server refusal while held', async () => {
    // Seven months on, the inspection recording's six-month term has run.
    app.t.clock.set(new Date(realNow.getTime() + 210 * DAY));
    await logInAll();
    const page = await app.newPage();
    try {
      await app.logIn(page, 'archivist1');
      await openCase(page, expiredId);
      const row = rowOf(page, '检查录音-届满.mp3');
      await row.getByRole('button', { name: '申请销毁 检查录音-届满.mp3' }).click();
      const dialog = page.getByRole('dialog', { name: '申请销毁证据原件' });
      expect(await dialog.getByTestId('disposal-request-warning').textContent()).toContain('机关负责人审批');
      await dialog.getByRole('button', { name: '提交销毁申请' }).click();
      await expect.poll(() => dialog.getByText('请填写申请销毁的理由').isVisible()).toBe(true);
      await dialog.getByLabel('申请理由').fill('保存期限届满，无延长保存事由');

      // Meanwhile the legal officer holds this recording: the server's Chinese refusal is shown in the dialog.
      const hold = await call('POST', `/api/cases/${expiredId}/legal-holds`, 'legal1', {
        reason: '当事人信访尚未办结',
        evidenceId: expiredEvidenceId,
      });
      expect(hold.statusCode, hold.body).toBe(201);
      await dialog.getByRole('button', { name: '提交销毁申请' }).click();
      await expect.poll(() => dialog.getByText('证据处于保全（冻结）状态，不得销毁').isVisible()).toBe(true);
      await app.shot(page, 'evidence-retention-04-disposal-refused', false);
      // The server refused: the hold is released and the same dialog sends the request again.
      const released = await call('POST', `/api/legal-holds/${hold.json().id}/release`, 'legal1', {
        reason: '信访已办结',
      });
      expect(released.statusCode, released.body).toBe(200);

      await dialog.getByRole('button', { name: '提交销毁申请' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await expect.poll(() => row.getByTestId('evidence-disposal').textContent()).toBe('待审批销毁');
      expect(await row.getByRole('button', { name: /申请销毁/ }).count()).toBe(0);
      await row.scrollIntoViewIfNeeded();
      await app.shot(page, 'evidence-retention-05-pending', false);
      const queue = (await call('GET', '/api/evidence/disposal-requests', 'head1')).json() as {
        evidence: { id: string };
        reason: string;
      }[];
      expect(queue).toMatchObject([{ evidence: { id: expiredEvidenceId }, reason: '保存期限届满，无延长保存事由' }]);
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
