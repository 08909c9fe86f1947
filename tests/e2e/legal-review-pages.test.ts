import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '../../server/src/use-cases/context';
import { createCase } from '../../server/src/use-cases/create-case';
import { decideLegalReview } from '../../server/src/use-cases/decide-legal-review';
import { requestReviewExtension } from '../../server/src/use-cases/request-review-extension';
import { DEMO_CATALOG } from '../../server/src/use-cases/seed-demo';
import { submitLegalReview } from '../../server/src/use-cases/submit-legal-review';
import { newCaseInput } from '../factories';
import { actorFor } from '../support/actors';
import { startE2eApp, type E2eApp } from '../support/e2e-app';
import { procedureWalker, type Team } from '../support/procedure-walk';

let app: E2eApp;
let team: Team;
/** Decided with 同意 on time; left open until it is overdue; open with an extension asked for. */
const numbers = { decided: '', overdue: '', extended: '' };

const DAY = 24 * 3_600_000;
const POINTS = ['subject', 'facts', 'procedure', 'law', 'ultra_vires', 'documents', 'crime', 'other'];

/** A penalty case walked to its review stage with a ¥50,000 fine on a person (major under the demo catalog). */
const caseInReview = async () => {
  const created = await createCase({
    ctx: app.t.ctx,
    actor: team.officer1,
    input: newCaseInput({ source: 'complaint' }),
  });
  const walk = procedureWalker(app.t.ctx, team, created.id);
  await walk.record('complaint_registration');
  await walk.advance('filing');
  await walk.approveAll((await walk.record('filing_approval')).id);
  await walk.advance('investigation');
  const questioning = await walk.record('questioning_record');
  await walk.advance('report');
  const report = await walk.record('investigation_report');
  await walk.advance('notification');
  await walk.record('advance_notice');
  await walk.record('statement_defence_record');
  await walk.advance('review');
  const draft = await walk.record('decision_draft', {
    content: { partyType: 'individual', proposedPenaltyKinds: ['fine'], proposedAmount: '50000' },
  });
  await walk.approveAll(draft.id);
  await walk.record('sign_off');
  const submission = await submitLegalReview({
    ctx: app.t.ctx,
    actor: team.officer1,
    caseId: created.id,
    input: {
      proposal: '拟对当事人处以罚款五万元，情况说明见调查终结报告。',
      materials: [
        { material: 'investigation_report', recordIds: [report.id], evidenceIds: [] },
        { material: 'draft_decision', recordIds: [draft.id], evidenceIds: [] },
        { material: 'basis_and_evidence', recordIds: [questioning.id], evidenceIds: [] },
      ],
    },
  });

  return { number: created.number, submissionId: submission.id };
};

beforeAll(async () => {
  app = await startE2eApp();
  const { t } = app;
  const realNow = new Date();
  t.clock.set(realNow);
  const actor = (name: string): Promise<UserActor> => actorFor(t.ctx, name);
  team = {
    officer1: await actor('officer1'),
    officer2: await actor('officer2'),
    sectionhead1: await actor('sectionhead1'),
    head1: await actor('head1'),
    legal1: await actor('legal1'),
  };

  // REVIEW-3: one round reviewed at once with 同意; REVIEW-4: another left without an opinion.
  const decided = await caseInReview();
  numbers.decided = decided.number;
  await decideLegalReview({
    ctx: t.ctx,
    actor: team.legal1,
    submissionId: decided.submissionId,
    input: {
      points: POINTS.map((point) => ({ point, finding: 'no_issue', note: '' })),
      conclusion: 'approve',
      reasons: '主体合法，事实清楚，证据确凿，程序合法，裁量适当。',
      correctionItems: '',
    },
  });
  numbers.overdue = (await caseInReview()).number;

  // Twenty days on, past the ten working days: the second is overdue; a third arrives and its reviewer asks for more.
  t.clock.set(new Date(realNow.getTime() + 20 * DAY));
  const extended = await caseInReview();
  numbers.extended = extended.number;
  await requestReviewExtension({
    ctx: t.ctx,
    actor: team.legal1,
    submissionId: extended.submissionId,
    input: { workingDays: 5, reason: '案情复杂，需补充调取相关证据' },
  });
  // The browser below works at this instant of the server's clock; it stays put, so sessions never idle out.
});
afterAll(() => app?.close());

const catalogRows = (page: Page) => page.getByTestId('catalog-table').locator('tbody tr.ant-table-row');

describe('the catalog of major decisions in the browser (REVIEW-1)', () => {
  it('REVIEW-1 lists the demo entries, adds one through the form and retires it with a reason', async () => {
    const page = await app.newPage();
    try {
      await app.logIn(page, 'legal1');
      await page.getByRole('menuitem', { name: '重大执法决定目录' }).click();
      await page.waitForURL(`${app.base}/major-catalog`);
      expect(await page.getByTestId('catalog-intro').textContent()).toContain('行政处罚法 第五十八条');
      await expect.poll(() => catalogRows(page).count(), { timeout: 10_000 }).toBe(DEMO_CATALOG.length);
      for (const entry of DEMO_CATALOG)
        expect(await catalogRows(page).filter({ hasText: entry.title }).count()).toBe(1);
      const organization = catalogRows(page).filter({ hasText: DEMO_CATALOG[0].title });
      expect(await organization.getByTestId('catalog-amount').textContent()).toBe('¥100,000.00 以上');
      expect(await organization.textContent()).toContain('法人或者其他组织');
      const revoking = catalogRows(page).filter({ hasText: DEMO_CATALOG[2].title });
      expect(await revoking.textContent()).toContain('吊销许可证件');
      expect(await catalogRows(page).filter({ hasText: '强制拆除违法建设' }).textContent()).toContain('城乡规划');
      await app.shot(page, 'legal-review-01-catalog');

      // The form: required fields, and an entry for every field needs a penalty kind or an amount.
      await page.getByRole('button', { name: '新增事项' }).click();
      const drawer = page.locator('.ant-drawer');
      await drawer.getByRole('button', { name: '新增', exact: true }).click();
      await expect.poll(() => drawer.getByText('请填写事项名称').isVisible()).toBe(true);
      expect(await drawer.getByText('请填写设定该事项的依据').isVisible()).toBe(true);
      const title = '对当事人处以五十万元以上罚款';
      await drawer.getByLabel('事项名称').fill(title);
      await drawer.getByLabel('依据').fill('《示范自治区重大行政执法决定法制审核办法》第四条');
      await drawer.getByRole('button', { name: '新增', exact: true }).click();
      await expect.poll(() => drawer.getByTestId('catalog-form-error').isVisible()).toBe(true);
      expect(await drawer.getByTestId('catalog-form-error').textContent()).toContain('应至少设定处罚种类或金额标准');
      await app.shot(page, 'legal-review-02a-criteria-error', false);
      await drawer.getByLabel('金额标准').fill('500000');
      await app.shot(page, 'legal-review-02-add-entry', false);
      await drawer.getByRole('button', { name: '新增', exact: true }).click();
      await expect.poll(() => page.getByText(`已新增目录事项「${title}」`).isVisible()).toBe(true);
      await expect.poll(() => catalogRows(page).count()).toBe(DEMO_CATALOG.length + 1);
      const added = catalogRows(page).filter({ hasText: title });
      expect(await added.getByTestId('catalog-amount').textContent()).toBe('¥500,000.00 以上');
      expect(await added.getByTestId('catalog-status').textContent()).toBe('有效');

      // Retiring needs a reason; the entry stays listed as withdrawn.
      await page.getByRole('button', { name: `废止 ${title}` }).click();
      const dialog = page.getByRole('dialog', { name: '废止目录事项' });
      await dialog.getByRole('button', { name: '确认废止' }).click();
      await expect.poll(() => dialog.getByText('请填写废止理由').isVisible()).toBe(true);
      await dialog.getByLabel('废止理由').fill('已并入对法人处以十万元以上罚款事项');
      await app.shot(page, 'legal-review-03-retire-dialog', false);
      await dialog.getByRole('button', { name: '确认废止' }).click();
      await expect.poll(() => added.getByTestId('catalog-status').textContent()).toBe('已废止');
      expect(await added.getByTestId('catalog-retirement').textContent()).toContain(
        '已并入对法人处以十万元以上罚款事项',
      );
      expect(await added.getByRole('button', { name: /废止/ }).count()).toBe(0);
      await app.shot(page, 'legal-review-04-catalog-retired');
      await page.getByTestId('catalog-shown').getByText('仅有效').click();
      await expect.poll(() => catalogRows(page).count()).toBe(DEMO_CATALOG.length);
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('REVIEW-1 shows an officer the catalog without the means to change it, and no review oversight', async () => {
    const page = await app.newPage();
    try {
      await app.logIn(page, 'officer1');
      await page.getByRole('menuitem', { name: '重大执法决定目录' }).click();
      await page.waitForURL(`${app.base}/major-catalog`);
      await expect
        .poll(() => catalogRows(page).filter({ hasText: DEMO_CATALOG[0].title }).count(), { timeout: 10_000 })
        .toBe(1);
      expect(await page.getByRole('button', { name: '新增事项' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^废止/ }).count()).toBe(0);
      expect(await page.getByRole('menuitem', { name: '法制审核' }).count()).toBe(0);
      await page.goto(`${app.base}/legal-reviews`);
      await expect.poll(() => page.getByText('您的角色不能查看法制审核。').isVisible()).toBe(true);
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

const openRows = (page: Page) => page.getByTestId('reviews-open').locator('tbody tr.ant-table-row');

describe('legal reviews under supervision in the browser (REVIEW-4)', () => {
  it('REVIEW-4 shows the supervisor open and decided reviews with the overdue one called out', async () => {
    const page = await app.newPage();
    try {
      await app.logIn(page, 'supervisor1');
      await page.getByRole('menuitem', { name: '法制审核' }).click();
      await page.waitForURL(`${app.base}/legal-reviews`);
      await expect.poll(() => openRows(page).count(), { timeout: 10_000 }).toBe(2);
      const alert = page.getByTestId('overdue-alert');
      expect(await alert.textContent()).toContain('1 件法制审核已逾期未完成');
      expect(await alert.textContent()).toContain(numbers.overdue);

      const overdue = openRows(page).filter({ hasText: numbers.overdue });
      expect(await overdue.getByTestId('review-timeliness').textContent()).toBe('已逾期');
      expect(await overdue.getByRole('link', { name: numbers.overdue }).isVisible()).toBe(true);
      expect(await overdue.textContent()).toContain('第1轮');
      expect(await overdue.textContent()).toContain('王明');
      const extended = openRows(page).filter({ hasText: numbers.extended });
      expect(await extended.getByTestId('review-timeliness').textContent()).toBe('正常');
      expect(await extended.getByTestId('pending-extension').textContent()).toContain('申请延长 5 个工作日');
      // REVIEW-4: a supervisor sees the request; the deputy head in charge decides it.
      expect(await extended.getByRole('button').count()).toBe(0);
      expect(await extended.textContent()).toContain('待分管负责人批准');

      const decided = page.getByTestId('reviews-decided').locator('tbody tr.ant-table-row');
      expect(await decided.count()).toBe(1);
      expect(await decided.first().getByTestId('review-conclusion').textContent()).toBe('同意');
      expect(await decided.first().getByTestId('review-timeliness').textContent()).toBe('按期作出');
      expect(await decided.first().textContent()).toContain('陈静');
      await app.shot(page, 'legal-review-05-supervisor');
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('REVIEW-4 lets the deputy head approve an extension with a required opinion', async () => {
    const page = await app.newPage();
    try {
      await app.logIn(page, 'deputy1');
      await page.getByRole('menuitem', { name: '法制审核' }).click();
      await expect.poll(() => openRows(page).count(), { timeout: 10_000 }).toBe(2);
      const extended = openRows(page).filter({ hasText: numbers.extended });
      const dueBefore = await extended.locator('td').nth(4).textContent();
      await page.getByRole('button', { name: `批准 ${numbers.extended} 延期`, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: '批准延长审核期限' });
      await dialog.getByRole('button', { name: '确认批准' }).click();
      await expect.poll(() => dialog.getByText('请填写审批意见').isVisible()).toBe(true);
      await dialog.getByLabel('审批意见').fill('同意延长五个工作日');
      await app.shot(page, 'legal-review-06-extension-dialog', false);
      await dialog.getByRole('button', { name: '确认批准' }).click();
      await expect.poll(() => page.getByText(`已批准延长 ${numbers.extended} 的法制审核期限`).isVisible()).toBe(true);
      await expect.poll(() => extended.getByTestId('pending-extension').count()).toBe(0);
      expect(await extended.locator('td').nth(4).textContent()).not.toBe(dueBefore);
      await app.shot(page, 'legal-review-07-extension-approved');
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
