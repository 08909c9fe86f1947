import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listApprovals, listCaseRecords } from '../../server/src/db/repos/record-repo';
import { startE2eApp, type E2eApp } from '../support/e2e-app';
import {
  advance,
  approveWaiting,
  loadRecordKinds,
  makeRecord,
  pick,
  type CatalogKind,
} from '../support/workspace-driver';

let app: E2eApp;

beforeAll(async () => {
  app = await startE2eApp();
});
afterAll(() => app?.close());

type Step = {
  stage: string;
  records: { kind: string; overrides?: Record<string, string>; secondOfficer?: string }[];
  to: string;
};

// PROC-2: the ordinary penalty procedure, stage by stage, with the records the seeds require of each.
const PENALTY_WALK: Step[] = [
  { stage: 'source', records: [{ kind: 'complaint_registration', overrides: { decision: '受理' } }], to: 'filing' },
  { stage: 'filing', records: [{ kind: 'filing_approval' }], to: 'investigation' },
  {
    stage: 'investigation',
    records: [
      {
        kind: 'questioning_record',
        secondOfficer: '李华',
        overrides: { isTruthfulnessDutyNotified: 'true', isReadBackConfirmed: 'true' },
      },
    ],
    to: 'report',
  },
  {
    stage: 'report',
    records: [{ kind: 'investigation_report', overrides: { proposedHandling: '给予行政处罚' } }],
    to: 'notification',
  },
  {
    stage: 'notification',
    records: [
      { kind: 'advance_notice' },
      {
        kind: 'statement_defence_record',
        overrides: { stage: '作出行政处罚决定前', reviewOutcome: '不予采纳' },
      },
    ],
    to: 'review',
  },
  { stage: 'review', records: [{ kind: 'decision_draft' }, { kind: 'sign_off' }], to: 'decision' },
  { stage: 'decision', records: [{ kind: 'penalty_decision' }], to: 'service' },
  {
    stage: 'service',
    records: [{ kind: 'service_receipt', overrides: { documentKind: '行政处罚决定书', method: '直接送达' } }],
    to: 'execution',
  },
  { stage: 'execution', records: [{ kind: 'performance_record' }], to: 'closing' },
  { stage: 'closing', records: [{ kind: 'closing_approval' }], to: 'archived' },
];

const ruleStatuses = async (page: Page) =>
  page
    .locator('[data-testid^="rule-"]')
    .evaluateAll((elements) =>
      elements.map((e) => `${(e as HTMLElement).dataset.testid}=${(e as HTMLElement).dataset.status}`),
    );

describe('a penalty case walked in the browser from its source to the archive (PROC-1, PROC-2, DOC-1, REVIEW-6, SUP-2)', () => {
  it(
    'is refused each stage until its records and approvals are in, and ends with every rule met',
    { timeout: 600_000 },
    async () => {
      const stop = app.tickingClock();
      const officer = await app.newPage();
      const approvers: (Page & { errors: string[] })[] = [];
      try {
        await app.logIn(officer, 'officer1');
        await officer.goto(`${app.base}/cases/new`);
        await officer.getByLabel('举报投诉').check();
        await officer.getByLabel('地点').fill('示范市新城区建设路18号');
        await officer.getByLabel('案情摘要').fill('群众举报该工地未取得施工许可证擅自施工');
        await officer.getByLabel('姓名').fill('张三丰');
        await officer.getByLabel('身份证号码').fill('11010519491231002X');
        await officer.getByRole('button', { name: '提交登记' }).click();
        await officer.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
        const caseUrl = officer.url();
        const caseId = caseUrl.split('/').pop()!;
        await officer.getByTestId('stage-stepper').waitFor();

        // An officer cannot skip a blocking step: filing waits for the complaint registration.
        expect(await officer.getByTestId('transition-filing').isDisabled()).toBe(true);
        expect(await officer.getByTestId('transition-blocked-reason').innerText()).toContain('举报登记表');
        await app.shot(officer, '20-walk-source-blocked');

        const kinds = new Map((await loadRecordKinds(officer, app.base)).map((k) => [k.id, k]));
        for (const name of ['officer1', 'sectionhead1', 'legal1', 'head1']) {
          const page = name === 'officer1' ? officer : await app.newPage();
          if (page !== officer) await app.logIn(page, name);
          approvers.push(page);
        }

        for (const step of PENALTY_WALK) {
          expect(await officer.getByTestId('stage-stepper').getAttribute('data-current')).toBe(step.stage);
          for (const record of step.records) {
            const kind: CatalogKind = kinds.get(record.kind)!;
            await makeRecord(officer, kind, record);
            if (kind.approvalSteps.length > 0) {
              // Until the named roles approve, the stage cannot be left (REVIEW-6).
              expect(await officer.getByTestId(`transition-${step.to}`).isDisabled()).toBe(true);
              await approveWaiting(approvers, caseUrl);
              await officer.goto(caseUrl);
              await officer.getByTestId('stage-stepper').waitFor();
            }
          }
          await app.shot(officer, `21-walk-${step.stage}`);
          await advance(officer, step.to);
        }

        expect(await officer.getByTestId('stage-stepper').getAttribute('data-current')).toBe('archived');
        const statuses = await ruleStatuses(officer);
        expect(statuses.length).toBeGreaterThanOrEqual(8);
        expect(statuses.filter((s) => !s.endsWith('=met') && !s.endsWith('=not_applicable'))).toEqual([]);
        await app.shot(officer, '22-walk-archived');

        // SUP-2: a supervisor opens the case and sees, rule by rule with citations, that its process was recorded.
        const supervisor = await app.newPage();
        approvers.push(supervisor);
        await app.logIn(supervisor, 'supervisor1');
        await supervisor.goto(caseUrl);
        await supervisor.getByTestId('compliance-panel').waitFor();
        expect(await ruleStatuses(supervisor)).toEqual(statuses);
        expect(await supervisor.getByTestId('compliance-panel').innerText()).toContain('《行政处罚法》');
        expect(await supervisor.getByRole('button', { name: /^制作/ }).count()).toBe(0);
        await supervisor.getByTestId('compliance-panel').scrollIntoViewIfNeeded();
        await app.shot(supervisor, '23-walk-supervisor');

        const records = await listCaseRecords(app.t.ctx.db, caseId);
        expect(records.map((r) => r.kind)).toEqual(PENALTY_WALK.flatMap((s) => s.records.map((r) => r.kind)));
        const approvals = await listApprovals(
          app.t.ctx.db,
          records.map((r) => r.id),
        );
        expect(approvals.every((a) => a.approval.decision === 'approved' && a.approval.opinion === '同意。')).toBe(
          true,
        );
        expect(approvals.length).toBeGreaterThanOrEqual(8);
        for (const page of [officer, ...approvers]) expect(page.errors).toEqual([]);
      } finally {
        stop();
        for (const page of approvers) if (page !== officer) await page.close();
        await officer.close();
      }
    },
  );
});

// PROC-3: a supervision inspection from its plan to its result, with an order to correct and its verification.
const INSPECTION_WALK: Step[] = [
  { stage: 'plan', records: [{ kind: 'inspection_plan' }], to: 'on_site' },
  { stage: 'on_site', records: [{ kind: 'inspection_record', secondOfficer: '李华' }], to: 'rights' },
  { stage: 'rights', records: [{ kind: 'rights_notice' }], to: 'correction' },
  {
    stage: 'correction',
    // A verification on site is an inspection too: two credentialed officers (S4 第四十一条).
    records: [{ kind: 'order_to_correct' }, { kind: 'correction_verification', secondOfficer: '李华' }],
    to: 'result',
  },
  { stage: 'result', records: [{ kind: 'inspection_summary' }], to: 'archived' },
];

describe('a supervision inspection walked in the browser from its plan to its result (PROC-3)', () => {
  it('records each stage and ends archived with every rule met', { timeout: 300_000 }, async () => {
    const stop = app.tickingClock();
    const officer = await app.newPage();
    try {
      await app.logIn(officer, 'officer1');
      await officer.goto(`${app.base}/cases/new`);
      await pick(officer, officer.getByLabel('执法程序', { exact: true }), '行政监督检查');
      await officer.getByLabel('年度检查计划').check();
      await officer.getByLabel('地点').fill('示范市新城区建设路18号');
      await officer.getByLabel('案情摘要').fill('2026年度建筑工地安全生产监督检查');
      await officer.getByLabel('姓名').fill('张三丰');
      await officer.getByLabel('身份证号码').fill('11010519491231002X');
      await officer.getByRole('button', { name: '提交登记' }).click();
      await officer.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await officer.getByTestId('stage-stepper').waitFor();

      const kinds = new Map((await loadRecordKinds(officer, app.base)).map((k) => [k.id, k]));
      for (const step of INSPECTION_WALK) {
        expect(await officer.getByTestId('stage-stepper').getAttribute('data-current')).toBe(step.stage);
        expect(await officer.getByTestId(`transition-${step.to}`).isDisabled()).toBe(true);
        for (const record of step.records) await makeRecord(officer, kinds.get(record.kind)!, record);
        await advance(officer, step.to);
      }
      const statuses = await ruleStatuses(officer);
      expect(statuses.filter((s) => !s.endsWith('=met') && !s.endsWith('=not_applicable'))).toEqual([]);
      // An inspection is not a penalty: the rules that apply to it cite the inspection rules, not the 行政处罚法.
      const applicable = officer.locator('[data-testid^="rule-"][data-status="met"]');
      for (const text of await applicable.allInnerTexts()) expect(text).not.toContain('《行政处罚法》');
      await app.shot(officer, '24-inspection-archived');
      expect(officer.errors).toEqual([]);
    } catch (error) {
      await app.shot(officer, 'fail-inspection');
      throw error;
    } finally {
      stop();
      await officer.close();
    }
  });
});
