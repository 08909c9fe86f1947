import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUpload } from '../../server/src/db/repos/evidence-repo';
import { newCaseInput } from '../factories';
import { SHOTS, startE2eApp, type E2eApp } from '../support/e2e-app';
import { ffmpegMissingReason, makeClip } from '../support/media';
import { h264MissingReason, makePlayableClip } from '../support/playable-clip';
import { pick } from '../support/workspace-driver';

const MB = 1024 * 1024;
const noMedia = ffmpegMissingReason() ?? h264MissingReason();
if (noMedia) console.warn(`skipping the evidence browser test: ${noMedia}`);

let app: E2eApp;
let caseUrl: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-e2e-evidence-'));
// Two clips of one body camera: 20 s, then 160 s without recording, then 10 s (AV-4 finds the stop).
const firstStart = new Date(Math.floor((Date.now() - 2 * 3_600_000) / 60_000) * 60_000);
const secondStart = new Date(firstStart.getTime() + 180_000);
let bigClip: string;
let playableClip: string;

const sha256Of = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const pad = (n: number) => String(n).padStart(2, '0');
/** China wall time as the pickers take it: YYYY-MM-DD HH:mm:ss. */
const chinaTime = (at: Date, plusSeconds = 0): string => {
  const d = new Date(at.getTime() + plusSeconds * 1000 + 8 * 3_600_000);

  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

beforeAll(async () => {
  if (noMedia) return;
  app = await startE2eApp();
  const { t } = app;
  const officer = await t.login('officer1');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie: officer },
    payload: newCaseInput({ summary: '群众举报该工地夜间违规施工，执法人员现场检查并全程录像' }),
  });
  expect(created.statusCode, created.body).toBe(201);
  caseUrl = `${app.base}/cases/${created.json().id}`;

  // DEV-1: the device keeper registers a body camera and issues it to 王明 (who may hold a demo camera too).
  const keeper = await t.login('devicekeeper1');
  const device = await t.app.inject({
    method: 'POST',
    url: '/api/devices',
    headers: { cookie: keeper },
    payload: { kind: 'body_camera', serialNumber: 'ZF-E2E-03', model: 'DSJ-V9', name: '执法记录仪3号' },
  });
  expect(device.statusCode, device.body).toBe(201);
  const officers = (await t.app.inject({ method: 'GET', url: '/api/officers', headers: { cookie: officer } })).json();
  const wangMing = officers.find((o: { displayName: string }) => o.displayName === '王明');
  const issued = await t.app.inject({
    method: 'POST',
    url: `/api/devices/${device.json().id}/events`,
    headers: { cookie: keeper },
    payload: { type: 'assigned', assigneeUserId: wangMing.id },
  });
  expect(issued.statusCode, issued.body).toBe(201);

  // A camera's own file (MPEG-4 Part 2, big enough to pause mid-way) and an H.264 clip a browser can play.
  bigClip = makeClip({
    dir,
    seconds: 20,
    sizeMb: 40,
    creationTime: firstStart.toISOString(),
    format: 'mp4',
    name: 'ZF03-0001',
  });
  playableClip = makePlayableClip({ dir, seconds: 10, creationTime: secondStart.toISOString(), name: 'ZF03-0002' });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const fillDate = async (input: Locator, text: string) => {
  await input.click();
  await input.fill(text);
  await input.press('Enter');
};

/**
 * Opens 上传证据, picks the file and states its times, ticks two focus items and names the camera; the rest (case
 * stage, place, party, 王明 as officer) keeps the defaults the form starts with.
 */
const fillUploadForm = async (page: Page, file: string, start: string, end: string) => {
  await page.getByRole('button', { name: '上传证据' }).click();
  const drawer = page.getByRole('dialog', { name: '上传证据' });
  await drawer.getByLabel('摄录地点').waitFor();
  await drawer.locator('input[type=file]').setInputFiles(file);
  const row = drawer.getByTestId('upload-file-row').filter({ hasText: path.basename(file) });
  await fillDate(row.getByLabel('摄录开始时间'), start);
  await fillDate(row.getByLabel('摄录结束时间'), end);
  await drawer.getByLabel('执法现场环境').check();
  await drawer.getByLabel('执法人员出示执法证件及告知当事人权利和义务').check();
  // A device issued to 王明 is preselected; he names the camera he used, the same for both clips.
  expect(await drawer.locator('[title^="执法记录仪"][title$=" · 王明"]').count()).toBe(1);
  await pick(page, drawer.getByLabel('记录设备'), '执法记录仪3号（ZF-E2E-03）');

  return drawer;
};

const throttleUploads = (cdp: CDPSession, bytesPerSecond: number) =>
  cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });

/** A screenshot of one part of the page, scrolled into view. */
const shotOf = async (part: Locator, name: string) => {
  await part.scrollIntoViewIfNeeded();
  await part.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};

const sentOf = async (task: Locator) => Number(await task.getAttribute('data-sent'));

const waitForSent = async (task: Locator, bytes: number) =>
  expect.poll(() => sentOf(task), { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(bytes);

/** The bytes the server holds once it has settled, read twice to be sure nothing more is arriving. */
const settledOffset = async (uploadId: string): Promise<number> => {
  let previous = -1;
  for (;;) {
    const now = (await findUpload(app.t.ctx.db, uploadId))!.receivedBytes;
    if (now === previous) return now;
    previous = now;
    await new Promise((r) => setTimeout(r, 700));
  }
};

describe.skipIf(noMedia !== null)(
  'audio-video records and evidence files in the browser (AV-1, AV-3, AV-4, AV-6, AV-7)',
  () => {
    it(
      'uploads a 40 MB clip with pause, reload and resume, files a second clip, explains the gap, and plays it (AV-3, AV-4, AV-6, AV-7)',
      { timeout: 300_000 },
      async () => {
        const stop = app.tickingClock();
        const page = await app.newPage();
        const cdp = await page.context().newCDPSession(page);
        try {
          await app.logIn(page, 'officer1');
          await page.goto(caseUrl);
          const card = page.getByTestId('evidence-card');
          await card.getByText('尚未上传证据').first().waitFor();

          // AV-3: the form starts from the case and the officer: current stage, the case's place, 王明, his camera.
          const drawer = await fillUploadForm(page, bigClip, chinaTime(firstStart), chinaTime(firstStart, 20));
          expect(await drawer.getByTestId('upload-file-row').innerText()).toMatch(/ZF03-0001\.mp4 · \d+\.\d MB/);
          expect(await drawer.getByLabel('摄录地点').inputValue()).toBe('示范市新城区建设路18号');
          expect(await drawer.locator('.ant-select-selection-item', { hasText: '王明' }).count()).toBe(1);
          await app.shot(page, '30-evidence-upload-form', false);
          await drawer.getByTestId('upload-file-row').scrollIntoViewIfNeeded();
          await app.shot(page, '30-evidence-upload-form-file', false);

          // AV-7: a slow link (4 MB/s up), so there is time to pause.
          await cdp.send('Network.enable');
          await throttleUploads(cdp, 4 * MB);
          await drawer.getByRole('button', { name: '开始上传' }).click();
          await drawer.waitFor({ state: 'hidden' });
          const task = card.getByTestId('upload-task').first();
          await task.waitFor();
          const uploadId = (await task.getAttribute('data-id'))!;
          const size = fs.statSync(bigClip).size;
          await waitForSent(task, size * 0.2);
          await expect.poll(() => task.getByTestId('upload-task-detail').innerText()).toMatch(/MB\/s · 剩余约/);
          await shotOf(card, '31-evidence-uploading');

          await task.getByRole('button', { name: '暂停' }).click();
          await expect.poll(() => task.getAttribute('data-status')).toBe('paused');
          const pausedAt = await settledOffset(uploadId);
          expect(pausedAt).toBeGreaterThan(0);
          expect(pausedAt).toBeLessThan(size);
          await new Promise((r) => setTimeout(r, 1500));
          expect((await findUpload(app.t.ctx.db, uploadId))!.receivedBytes).toBe(pausedAt);
          await shotOf(card, '32-evidence-paused');

          await task.getByRole('button', { name: '继续' }).click();
          await expect.poll(() => task.getAttribute('data-status')).toBe('uploading');
          await waitForSent(task, Math.max(pausedAt + 4 * MB, size * 0.5));

          // Reloading mid-transfer: the browser asks first; the server keeps what arrived.
          const dialogs: string[] = [];
          page.on('dialog', (dialog) => {
            dialogs.push(dialog.type());
            void dialog.accept();
          });
          await page.reload();
          expect(dialogs).toEqual(['beforeunload']);
          const unfinished = card.getByTestId('unfinished-upload').filter({ hasText: 'ZF03-0001.mp4' });
          await unfinished.waitFor();
          expect(await unfinished.getAttribute('data-id')).toBe(uploadId);
          const keptAt = await settledOffset(uploadId);
          expect(keptAt).toBeGreaterThan(pausedAt);
          await shotOf(card, '33-evidence-unfinished');

          // Another file cannot continue it; the same file continues from the server's offset.
          const reselect = async (file: string) => {
            const [chooser] = await Promise.all([
              page.waitForEvent('filechooser'),
              unfinished.getByRole('button', { name: '选择同一文件继续上传' }).click(),
            ]);
            await chooser.setFiles(file);
          };
          await reselect(playableClip);
          expect(await unfinished.getByTestId('resume-problem').innerText()).toContain(
            '不是未完成上传的「ZF03-0001.mp4」',
          );
          await throttleUploads(cdp, -1);
          await reselect(bigClip);
          const resumed = card.getByTestId('upload-task').filter({ hasText: 'ZF03-0001.mp4' });
          await expect.poll(() => resumed.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
          expect(await resumed.innerText()).toMatch(/从 [\d.]+ MB 处续传/);
          await unfinished.waitFor({ state: 'detached' });

          // The filed original: its digest is the file's, with its device, deadline and continuity (AV-3, AV-6, AV-7).
          const first = card.getByTestId('evidence-row').filter({ hasText: 'ZF03-0001.mp4' });
          await first.waitFor();
          await first.getByRole('button', { name: '展开' }).click();
          const shown = first.getByTestId('evidence-sha256');
          expect((await shown.innerText()).replace(/\s/g, '')).toBe(sha256Of(bigClip));
          expect(await shown.getAttribute('data-sha256')).toBe(sha256Of(bigClip));
          expect(await first.getByTestId('evidence-device').innerText()).toBe('执法记录仪3号（ZF-E2E-03）');
          expect(await first.getByTestId('evidence-officers').innerText()).toBe('王明');
          expect(await first.getByTestId('evidence-deadline').innerText()).toBe('按时上传');
          expect(await first.getByTestId('continuity-tag').innerText()).toBe('未发现问题');
          await shotOf(card, '34-evidence-first-filed');

          // AV-1: a video declared as a photo is refused by its first bytes, with the server's reason in Chinese.
          const mislabelled = await fillUploadForm(
            page,
            playableClip,
            chinaTime(secondStart),
            chinaTime(secondStart, 10),
          );
          await pick(page, mislabelled.getByLabel('证据类型'), '照片');
          await mislabelled.getByRole('button', { name: '开始上传' }).click();
          await mislabelled.waitFor({ state: 'hidden' });
          const refused = card.locator('[data-testid="upload-task"][data-status="failed"]');
          await refused.waitFor({ timeout: 15_000 });
          expect(await refused.getByTestId('upload-task-detail').innerText()).toBe(
            '文件内容与声明的证据类型不符，未予保存。请核对所选的证据类型后重新上传。',
          );
          expect(await refused.getByRole('button', { name: '继续' }).count()).toBe(0);
          await shotOf(refused, '34-evidence-refused');
          await refused.getByRole('button', { name: '从列表中移去' }).click();
          await refused.waitFor({ state: 'detached' });

          // AV-4: the second clip starts 160 s after the first ends: an unexplained stop, until it is explained.
          const second = await fillUploadForm(page, playableClip, chinaTime(secondStart), chinaTime(secondStart, 10));
          await second.getByRole('button', { name: '开始上传' }).click();
          await second.waitFor({ state: 'hidden' });
          await expect
            .poll(
              () => card.getByTestId('upload-task').filter({ hasText: 'ZF03-0002.mp4' }).getAttribute('data-status'),
              {
                timeout: 30_000,
              },
            )
            .toBe('done');
          const gap = card.locator('[data-testid="continuity-finding"][data-code="gap"]');
          await expect.poll(() => gap.getAttribute('data-status')).toBe('unexplained');
          expect(await gap.innerText()).toContain('未录制 2 分 40 秒');
          await card.getByTestId('unexplained-gaps').waitFor();
          expect(await card.getByTestId('continuity-tag').allInnerTexts()).toEqual([
            '中断 2 分 40 秒 未说明',
            '中断 2 分 40 秒 未说明',
          ]);
          await shotOf(card, '35-evidence-gap');

          await gap.getByRole('button', { name: '说明中断原因' }).click();
          const form = gap.getByTestId('gap-statement-form');
          await pick(page, form.getByLabel('中断原因'), '电量不足');
          await form.getByLabel('情况说明').fill('执法记录仪电量耗尽，更换备用电池后恢复录制，期间现场无执法活动');
          await form.getByRole('button', { name: '提交说明' }).click();
          await expect.poll(() => gap.getAttribute('data-status'), { timeout: 15_000 }).toBe('explained');
          expect(await gap.getByTestId('gap-statement').innerText()).toContain('电量不足——执法记录仪电量耗尽');
          await card.getByTestId('unexplained-gaps').waitFor({ state: 'detached' });
          await shotOf(card, '36-evidence-gap-explained');

          // ACCESS-4, AV-7: the H.264 clip plays from range requests.
          const secondRow = card.getByTestId('evidence-row').filter({ hasText: 'ZF03-0002.mp4' });
          const secondId = await secondRow.getAttribute('data-id');
          const ranged = page.waitForResponse(
            (r) => r.url().endsWith(`/api/evidence/${secondId}/content`) && r.status() === 206,
          );
          await secondRow.getByRole('button', { name: '查看' }).click();
          expect((await ranged).headers()['content-range']).toMatch(/^bytes 0-\d+\/\d+$/);
          const detail = page.getByTestId('evidence-detail');
          const video = detail.locator('video');
          await expect
            .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 })
            .toBeGreaterThanOrEqual(2);
          await video.evaluate((v: HTMLVideoElement) => {
            v.muted = true;

            return v.play();
          });
          await expect
            .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
            .toBeGreaterThan(0.3);
          await app.shot(page, '37-evidence-playing', false);

          // Originals cannot be deleted, and this officer may not download them.
          for (const scope of [card, detail]) {
            expect(await scope.getByRole('button', { name: /删除/ }).count()).toBe(0);
            expect(await scope.getByRole('link', { name: /删除/ }).count()).toBe(0);
            expect(await scope.locator('a[download]').count()).toBe(0);
          }
          await page.keyboard.press('Escape');
          await detail.waitFor({ state: 'detached' });

          // The camera's MPEG-4 Part 2 picture does not decode in a browser: the page says so instead of a black box.
          await first.getByRole('button', { name: '查看' }).click();
          await detail
            .getByTestId('player-no-picture')
            .or(detail.getByText('浏览器无法直接播放此文件的编码格式'))
            .waitFor({ timeout: 15_000 });
          await app.shot(page, '37-evidence-no-picture', false);
          await page.keyboard.press('Escape');
          expect(page.errors).toEqual([]);
        } finally {
          stop();
          await page.close();
        }
      },
    );

    it('shows another officer the evidence without a download button, and a section head with one (AV-1, ACCESS-4)', async () => {
      const stop = app.tickingClock();
      const officer = await app.newPage();
      const head = await app.newPage();
      try {
        await app.logIn(officer, 'officer2');
        await officer.goto(caseUrl);
        const card = officer.getByTestId('evidence-card');
        await expect.poll(() => card.getByTestId('evidence-row').count(), { timeout: 15_000 }).toBe(2);
        expect(await card.locator('a[download]').count()).toBe(0);
        expect(await card.getByText('下载', { exact: true }).count()).toBe(0);
        await card.getByTestId('evidence-row').first().getByRole('button', { name: '查看' }).click();
        await officer.getByTestId('evidence-detail').waitFor();
        expect(await officer.getByText('下载原件').count()).toBe(0);
        await app.shot(officer, '38-evidence-officer2', false);

        await app.logIn(head, 'sectionhead1');
        await head.goto(caseUrl);
        const row = head.getByTestId('evidence-row').filter({ hasText: 'ZF03-0002.mp4' });
        await row.waitFor();
        const [download] = await Promise.all([
          head.waitForEvent('download'),
          row.getByRole('link', { name: '下载' }).click(),
        ]);
        const saved = path.join(dir, 'downloaded.mp4');
        await download.saveAs(saved);
        expect(sha256Of(saved)).toBe(sha256Of(playableClip));
        expect(officer.errors).toEqual([]);
        expect(head.errors).toEqual([]);
      } finally {
        stop();
        await officer.close();
        await head.close();
      }
    });
  },
);
