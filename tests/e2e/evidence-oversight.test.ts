import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCaseInput } from '../factories';
import { startE2eApp, type E2eApp } from '../support/e2e-app';

let app: E2eApp;
const cookies: Record<string, string> = {};
let penaltyNumber: string;
let inspectionNumber: string;
/** The inspection's three recordings, each with a disposal request: the archivist's, the head's own, the archivist's. */
const requests: { evidenceId: string; requestId: string; filename: string }[] = [];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const call = async (method: 'GET' | 'POST' | 'PUT', url: string, as: string, payload?: unknown) => {
  const response = await app.t.app.inject({
    method,
    url,
    headers: { cookie: cookies[as]!, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });

  return response;
};

// An MP3 as a recorder writes it: an ID3 tag, then (here) random bytes, so each recording is its own content.
const mp3 = (size: number) =>
  Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), randomBytes(size - 10)]);

/** Files one audio recording over the HTTP upload API (tus), as the browser does. */
const fileAudio = async (
  caseId: string,
  filename: string,
  recordedStartedAt: Date,
  officerId: string,
  deviceId: string,
): Promise<string> => {
  const bytes = mp3(20_000);
  const started = await call('POST', `/api/cases/${caseId}/evidence/uploads`, 'officer1', {
    kind: 'audio',
    filename,
    size: bytes.length,
    recordedStartedAt: recordedStartedAt.toISOString(),
    recordedEndedAt: new Date(recordedStartedAt.getTime() + 10 * 60_000).toISOString(),
    place: '示范市新城区建设路18号',
    officerIds: [officerId],
    deviceId,
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

  return items.find((i) => i.filename === filename)!.id;
};

const logInAll = async () => {
  for (const name of ['officer1', 'devicekeeper1', 'legal1', 'archivist1', 'head1'])
    cookies[name] = await app.t.login(name);
};

beforeAll(async () => {
  app = await startE2eApp();
  const { t } = app;
  const realNow = new Date();
  t.clock.set(realNow);
  await logInAll();

  // DEV-1: a body camera issued to 王明, named on every recording below.
  const device = await call('POST', '/api/devices', 'devicekeeper1', {
    kind: 'body_camera',
    serialNumber: 'ZF-E2E-OV1',
    model: 'DSJ-V9',
    name: '执法记录仪9号',
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

  // AV-6: a questioning recorded three days ago and uploaded only now, 48 hours past the 24-hour limit.
  const penalty = (await call('POST', '/api/cases', 'officer1', newCaseInput())).json();
  penaltyNumber = penalty.number;
  await fileAudio(penalty.id, '询问录音-逾期.mp3', new Date(realNow.getTime() - 3 * DAY), wangMing, deviceId);
  // RET-2: the penalty case is under a legal hold (its audio keeps the case file's 30 years anyway).
  const hold = await call('POST', `/api/cases/${penalty.id}/legal-holds`, 'legal1', { reason: '行政诉讼期间保全' });
  expect(hold.statusCode, hold.body).toBe(201);

  // RET-1: in an inspection audio-video alone is kept six months; three recordings made an hour ago, on time.
  const inspection = (
    await call('POST', '/api/cases', 'officer1', newCaseInput({ procedure: 'inspection', source: 'annual_plan' }))
  ).json();
  inspectionNumber = inspection.number;
  const filenames = ['检查录音-1.mp3', '检查录音-2.mp3', '检查录音-3.mp3'];
  const ids: string[] = [];
  for (const [i, filename] of filenames.entries())
    ids.push(
      await fileAudio(inspection.id, filename, new Date(realNow.getTime() - (3 - i) * HOUR), wangMing, deviceId),
    );

  // Seven months on, the six-month term has run: the archivist asks for two, the agency head for one.
  t.clock.set(new Date(realNow.getTime() + 210 * DAY));
  await logInAll();
  for (const [i, as] of (['archivist1', 'head1', 'archivist1'] as const).entries()) {
    const made = await call('POST', `/api/evidence/${ids[i]}/disposal-requests`, as, {
      reason: '保存期限届满，无延长保存事由',
    });
    expect(made.statusCode, made.body).toBe(201);
    requests.push({ evidenceId: ids[i]!, requestId: made.json().requestId, filename: filenames[i]! });
  }
  // The browser below works at this instant of the server's clock; it stays put, so sessions never idle out.
});
afterAll(() => app?.close());

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Picks an antd Select option by the start of its text, clicking again when the click landed mid-animation. */
const pick = async (page: Page, select: Locator, option: string) => {
  await openDropdown(page).first().waitFor({ state: 'hidden' });
  await select.click();
  for (let attempt = 1; ; attempt++) {
    await openDropdown(page).locator('.ant-select-item-option', { hasText: option }).first().click();
    try {
      await openDropdown(page).first().waitFor({ state: 'hidden', timeout: 3000 });

      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
};

const fillDate = async (input: Locator, text: string) => {
  await input.click();
  await input.fill(text);
  await input.press('Enter');
};

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

describe('evidence oversight for the agency head in the browser (AV-6, AV-4, RET-2)', () => {
  it('AV-6 AV-4 RET-2 lists late uploads, runs a fixity check, decides disposals, previews and changes settings', async () => {
    const page = await app.newPage();
    try {
      await app.logIn(page, 'head1');
      await page.getByRole('menuitem', { name: '证据监督' }).click();
      await page.waitForURL(`${app.base}/evidence`);

      // AV-6: the late questioning, with its delay, officer, uploader and device.
      const late = page.getByTestId('late-table');
      await expect.poll(() => late.locator('tbody tr.ant-table-row').count(), { timeout: 10_000 }).toBe(1);
      const row = late.locator('tbody tr.ant-table-row').first();
      expect(await row.getByRole('link', { name: penaltyNumber }).isVisible()).toBe(true);
      const rowText = await row.textContent();
      for (const text of ['询问录音-逾期.mp3', '王明', 'ZF-E2E-OV1', 'DSJ-V9']) expect(rowText).toContain(text);
      expect(await row.getByTestId('late-delay').textContent()).toMatch(/^2 天$|^47\.\d 小时$/);
      expect(await page.getByTestId('late-total').textContent()).toContain('共 1 份');
      await app.shot(page, 'evidence-oversight-01-late');
      // Filters go to the server and into the address: another officer has no late uploads.
      await pick(page, page.getByTestId('late-filter-officer'), '李华');
      await expect.poll(() => page.getByText('没有符合条件的逾期上传').isVisible()).toBe(true);
      expect(new URL(page.url()).searchParams.get('officer')).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: '重置' }).click();
      await expect.poll(() => late.locator('tbody tr.ant-table-row').count()).toBe(1);
      await pick(page, page.getByTestId('late-filter-device'), '执法记录仪9号');
      await expect.poll(() => late.locator('tbody tr.ant-table-row').count()).toBe(1);

      // Fixity: nothing checked yet; a check of every original on request, polled until it is done.
      await tab(page, '完整性核验').click();
      const summary = page.getByTestId('fixity-summary');
      await expect.poll(() => summary.getAttribute('data-state')).toBe('never');
      await page.getByRole('button', { name: '立即核验' }).click();
      await expect.poll(() => summary.getAttribute('data-state'), { timeout: 20_000 }).toBe('clean');
      expect(await summary.textContent()).toContain('所有原件核验无误');
      expect(await summary.textContent()).toContain('核验本机关原件 4 份');
      const runs = page.getByTestId('fixity-runs').locator('tbody tr.ant-table-row');
      expect(await runs.count()).toBe(1);
      expect(await runs.first().textContent()).toContain('已完成');
      expect(await page.getByText('没有无记录对应的文件').isVisible()).toBe(true);
      await app.shot(page, 'evidence-oversight-02-fixity');

      // RET-2: the queue. The head's own request says why he may not decide it (four eyes).
      await tab(page, '销毁审批').click();
      const pending = page.getByTestId('disposal-pending').locator('tbody tr.ant-table-row');
      await expect.poll(() => pending.count()).toBe(3);
      const own = pending.filter({ hasText: requests[1]!.filename });
      expect(await own.getByTestId('disposal-undecidable').textContent()).toBe('申请人不得审批自己的申请');
      expect(await own.getByRole('button').count()).toBe(0);
      expect(await own.getByRole('link', { name: inspectionNumber }).isVisible()).toBe(true);
      expect(await page.getByText('尚无审批记录').isVisible()).toBe(true);

      // A request decided elsewhere meanwhile: the server's Chinese message is shown in the dialog.
      await page.getByRole('button', { name: `不予批准 ${requests[2]!.filename}` }).click();
      const rejectDialog = page.getByRole('dialog', { name: '不予批准销毁' });
      await rejectDialog.getByLabel('审批意见').fill('尚需保留');
      const elsewhere = await call(
        'POST',
        `/api/evidence/disposal-requests/${requests[2]!.requestId}/decision`,
        'head1',
        {
          decision: 'rejected',
          opinion: '与本案关联的信访尚未办结，继续保存',
        },
      );
      expect(elsewhere.statusCode, elsewhere.body).toBe(200);
      await rejectDialog.getByRole('button', { name: '确认不予批准' }).click();
      await expect.poll(() => rejectDialog.getByText('该销毁申请已经审批').isVisible()).toBe(true);
      await rejectDialog.getByRole('button', { name: '取消' }).click();
      await expect.poll(() => pending.count()).toBe(2);

      // Approving says it destroys the original for good and is recorded in the ledger; the opinion is required.
      await page.getByRole('button', { name: `批准销毁 ${requests[0]!.filename}` }).click();
      const approveDialog = page.getByRole('dialog', { name: '批准销毁证据原件' });
      const warning = await approveDialog.getByTestId('disposal-approval-warning').textContent();
      expect(warning).toContain('不可逆');
      expect(warning).toContain('留痕账本');
      await approveDialog.getByRole('button', { name: '确认批准并销毁' }).click();
      await expect.poll(() => approveDialog.getByText('请填写审批意见').isVisible()).toBe(true);
      await app.shot(page, 'evidence-oversight-03-approve-dialog', false);
      await approveDialog.getByLabel('审批意见').fill('保存期限届满，未被保全，同意销毁');
      await approveDialog.getByRole('button', { name: '确认批准并销毁' }).click();
      await expect.poll(() => page.getByText(`已批准销毁「${requests[0]!.filename}」`).isVisible()).toBe(true);
      await expect.poll(() => pending.count()).toBe(1);
      const history = page.getByTestId('disposal-history').locator('tbody tr.ant-table-row');
      await expect.poll(() => history.count()).toBe(2);
      const approved = history.filter({ hasText: requests[0]!.filename });
      expect(await approved.textContent()).toContain('批准销毁');
      expect(await approved.textContent()).toContain('保存期限届满，未被保全，同意销毁');
      expect(await history.filter({ hasText: requests[2]!.filename }).textContent()).toContain('不予批准');
      await app.shot(page, 'evidence-oversight-04-disposal');
      const content = await call('GET', `/api/evidence/${requests[0]!.evidenceId}/content`, 'head1');
      expect(content.statusCode).toBe(410);

      // RET-2 preview: today nothing has run its term; in 2060 the held and the pending are named with their blockers.
      await tab(page, '可销毁预览').click();
      expect(await page.getByTestId('preview-notice').textContent()).toContain('不会改变任何证据');
      const disposable = page.getByTestId('preview-disposable').locator('tbody tr.ant-table-row');
      const blocked = page.getByTestId('preview-blocked').locator('tbody tr.ant-table-row');
      await expect.poll(() => page.getByText('该日没有可以销毁的证据原件').isVisible()).toBe(true);
      expect(await blocked.count()).toBe(0);
      await fillDate(page.getByLabel('预览日期'), '2060-01-01');
      await expect.poll(() => blocked.count()).toBe(2);
      expect(await blocked.filter({ hasText: penaltyNumber }).getByTestId('preview-blocker').textContent()).toBe(
        '处于保全（冻结）状态：复议、诉讼、投诉或调查尚未终结',
      );
      expect(
        await blocked.filter({ hasText: requests[1]!.filename }).getByTestId('preview-blocker').textContent(),
      ).toBe('已有待审批的销毁申请');
      // The rejected request's recording may be asked for again; the destroyed one is no longer listed.
      await expect.poll(() => disposable.count()).toBe(1);
      expect(await disposable.first().textContent()).toContain(requests[2]!.filename);
      await app.shot(page, 'evidence-oversight-05a-preview-blocked');
      await pick(page, page.getByTestId('preview-hold'), penaltyNumber);
      await expect.poll(() => disposable.count()).toBe(2);
      expect(await disposable.filter({ hasText: penaltyNumber }).textContent()).toContain('解除该保全后可以销毁');
      expect(await blocked.count()).toBe(1);
      await app.shot(page, 'evidence-oversight-05-preview');

      // AV-6, AV-4: the head picks the two-working-day limit and a two-minute gap threshold.
      await tab(page, '证据设置').click();
      await page.getByLabel(/音像记录制作完成后2个工作日内存储至专用存储器/).check();
      const gap = page.getByLabel(/最大允许间隔/);
      await gap.fill('120');
      await page.getByRole('button', { name: '保存设置' }).click();
      await expect.poll(() => page.getByText('证据设置已保存').isVisible()).toBe(true);
      await app.shot(page, 'evidence-oversight-06-settings');
      expect((await call('GET', '/api/evidence/settings', 'officer1')).json()).toMatchObject({
        avUpload: 'within_2_working_days',
        maxGapSeconds: 120,
      });
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('who sees evidence oversight (AV-6, RET-2)', () => {
  it('AV-6 shows the supervisor late uploads and fixity with read-only settings, and a plain officer nothing', async () => {
    const page = await app.newPage();
    try {
      await app.logIn(page, 'supervisor1');
      await page.getByRole('menuitem', { name: '证据监督' }).click();
      await page.waitForURL(`${app.base}/evidence`);
      await expect.poll(() => page.getByRole('tab').allTextContents()).toEqual(['逾期上传', '完整性核验', '证据设置']);
      await page.goto(`${app.base}/evidence?tab=disposal`);
      await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('逾期上传');
      await tab(page, '证据设置').click();
      await expect.poll(() => page.getByTestId('settings-read-only').isVisible()).toBe(true);
      expect(await page.getByLabel(/音像记录制作完成后2个工作日内存储至专用存储器/).isChecked()).toBe(true);
      expect(await page.getByLabel(/最大允许间隔/).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: '保存设置' }).count()).toBe(0);
      await app.shot(page, 'evidence-oversight-07-supervisor-settings');
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }

    const officer = await app.newPage();
    try {
      await app.logIn(officer, 'officer2');
      await officer.getByTestId('header-user').waitFor();
      expect(await officer.getByRole('menuitem', { name: '证据监督' }).count()).toBe(0);
      await officer.goto(`${app.base}/evidence`);
      await expect.poll(() => officer.getByText('您的角色不能查看证据监督。').isVisible()).toBe(true);
    } finally {
      await officer.close();
    }
  });
});
