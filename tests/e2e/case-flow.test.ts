import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCases } from '../../server/src/db/repos/case-repo';
import { runVerifier } from '../support/server-process';
import { SHOTS, startE2eApp, type E2eApp } from '../support/e2e-app';
import type { TestApp } from '../support/test-context';

let app: E2eApp;
let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  app = await startE2eApp();
  ({ t, browser, base } = app);
});
afterAll(() => app?.close());

const tickingClock = () => app.tickingClock();
const logIn = (page: Page, username: string) => app.logIn(page, username);

describe('an officer registers a penalty case in the browser (PROC-2, LEDGER-1)', () => {
  it('logs in, creates a case, finds it in the list and opens its timeline', async () => {
    const stop = tickingClock();
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    try {
      await page.goto(`${base}/`);
      await expect.poll(() => page.getByText('演示模式').first().isVisible()).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, '01-login.png') });

      await logIn(page, 'officer1');
      await page.waitForURL(`${base}/cases`);
      await expect.poll(() => page.getByTestId('header-user').textContent()).toContain('王明');

      await page.getByRole('button', { name: '登记案件' }).first().click();
      await page.waitForURL(`${base}/cases/new`);
      await page.getByLabel('举报投诉').check();
      await page.getByLabel('地点').fill('示范市新城区建设路18号');
      await page.getByLabel('案情摘要').fill('群众举报该工地未取得施工许可证擅自施工');
      await page.getByLabel('姓名').fill('张三丰');
      await page.getByLabel('身份证号码').fill('110105194912310021');
      await page.getByLabel('联系电话').fill('13800138000');
      await page.getByRole('button', { name: '提交登记' }).click();
      // A wrong check digit is named beside the field and nothing is sent.
      await expect.poll(() => page.getByText('身份证号码校验位不正确').first().isVisible()).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, '02-new-case-invalid-id.png'), fullPage: true });
      expect(await countCases(t.ctx.db)).toBe(0);

      await page.getByLabel('身份证号码').fill('11010519491231002X');
      await page.getByRole('button', { name: '提交登记' }).click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await expect
        .poll(() => page.getByText('示范住建罚立〔2026〕1号').first().isVisible(), { timeout: 10_000 })
        .toBe(true);
      await expect.poll(() => page.getByTestId('timeline-entry').count()).toBeGreaterThanOrEqual(1);
      expect(await page.getByTestId('timeline-entry').first().textContent()).toContain('登记案件');
      await page.screenshot({ path: path.join(SHOTS, '03-case-detail.png'), fullPage: true });

      await page.getByRole('menuitem', { name: '案件列表' }).click();
      await page.waitForURL(`${base}/cases`);
      await page.getByPlaceholder('搜索案件编号、当事人、地点或摘要').fill('张三丰');
      await page.getByPlaceholder('搜索案件编号、当事人、地点或摘要').press('Enter');
      await expect.poll(() => page.getByTestId('case-total').textContent()).toContain('共 1 件');
      await expect.poll(() => page.getByRole('link', { name: '示范住建罚立〔2026〕1号' }).isVisible()).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, '04-case-list.png'), fullPage: true });

      await page.getByRole('link', { name: '示范住建罚立〔2026〕1号' }).click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.getByTestId('timeline-entry').count()).toBeGreaterThanOrEqual(1);
      await page.getByLabel('显示查阅记录').click();
      await page.screenshot({ path: path.join(SHOTS, '06-case-detail-views.png'), fullPage: true });
      await expect.poll(() => page.getByText('查阅案件').first().isVisible()).toBe(true);

      // LEDGER-2/3: verify the registration entry in the browser, download its proof and check it offline.
      await page.getByTestId('verify-entry').first().click();
      await expect
        .poll(
          () =>
            page
              .getByTestId('verify-result')
              .getAttribute('data-status')
              .catch(() => null),
          { timeout: 15_000 },
        )
        .toBe('verified');
      await page.screenshot({ path: path.join(SHOTS, '07-verified.png'), fullPage: true });
      const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-proof-'));
      const saved: string[] = [];
      for (const name of ['叶子', '证明', '公钥']) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: new RegExp(`^${name} `) }).click(),
        ]);
        const file = path.join(downloads, download.suggestedFilename());
        await download.saveAs(file);
        saved.push(file);
      }
      const [leafFile, proofFile, vkeyFile] = saved as [string, string, string];
      const check = ['proof', '--vkey', `@${vkeyFile}`, '--proof', proofFile, '--leaf', leafFile];
      expect((await runVerifier(check)).code).toBe(0);
      fs.writeFileSync(leafFile, fs.readFileSync(leafFile, 'utf8').replace('"v":1', '"v":2'));
      expect((await runVerifier(check)).code).toBe(1);
      fs.rmSync(downloads, { recursive: true, force: true });
      expect(pageErrors).toEqual([]);
    } finally {
      stop();
      await page.close();
    }
  });

  it('keeps the system administrator out of case content and shows the agency’s people (ORG-4)', async () => {
    const stop = tickingClock();
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    try {
      await logIn(page, 'sysadmin1');
      await page.waitForURL(`${base}/people`);
      await expect.poll(() => page.getByText('officer1').first().isVisible()).toBe(true);
      expect(await page.getByRole('menuitem', { name: '案件列表' }).count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, '05-people.png'), fullPage: true });
      await page.goto(`${base}/cases`);
      await expect
        .poll(() =>
          page
            .getByText('无权访问')
            .first()
            .isVisible()
            .catch(() => false),
        )
        .toBe(true);

      // An explicit logout lands on a plain login page, not on a redirect back for the next person.
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL(`${base}/login`);

      // LEDGER-3/4: supervisors see each log's checkpoint, witness and audit, and can run an audit.
      await logIn(page, 'supervisor1');
      await page.waitForURL(`${base}/cases`);
      await page.getByRole('menuitem', { name: '账本完整性' }).click();
      await page.waitForURL(`${base}/integrity`);
      const bureau = page.getByTestId('integrity-log-11990100MB0000002X');
      await expect.poll(() => bureau.isVisible()).toBe(true);
      await bureau.getByRole('button', { name: '立即核验' }).click();
      await expect
        .poll(
          () =>
            bureau
              .getByTestId('audit-result')
              .getAttribute('data-status')
              .catch(() => null),
          {
            timeout: 15_000,
          },
        )
        .toBe('ok');
      await page.screenshot({ path: path.join(SHOTS, '08-integrity.png'), fullPage: true });
    } finally {
      stop();
      await page.close();
    }
  });
});
