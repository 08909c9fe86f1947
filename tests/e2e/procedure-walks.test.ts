import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDevicesOfAgency } from '../../server/src/db/repos/device-repo';
import { listLedgerEntries } from '../../server/src/db/repos/ledger-repo';
import { listApprovals, listCaseRecords } from '../../server/src/db/repos/record-repo';
import { popplerMissingReason } from '../../server/src/docgen/poppler';
import { receiveUploadChunk } from '../../server/src/use-cases/receive-upload';
import { startEvidenceUpload } from '../../server/src/use-cases/start-evidence-upload';
import { actorFor } from '../support/actors';
import { startE2eApp, type E2eApp } from '../support/e2e-app';
import { ffmpegMissingReason, makeClip } from '../support/media';
import {
  advance,
  approveWaiting,
  closeRecordDetail,
  loadRecordKinds,
  makeRecord,
  openRecordDetail,
  pick,
  signOpenRecord,
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
  /** What else is done in the stage after its records, by the officer and the others (REVIEW, DOC, SERVE). */
  after?: (walk: Walk) => Promise<void>;
};

type Walk = {
  officer: Page;
  approvers: Page[];
  legal: Page;
  caseUrl: string;
  caseId: string;
  kinds: Map<string, CatalogKind>;
};

const reload = async (page: Page, url: string) => {
  await page.goto(url);
  await page.getByTestId('stage-stepper').waitFor();
};

/** REVIEW-2, REVIEW-3: the drafter submits the major decision; the legal reviewer works through it and says 同意. */
const passLegalReview = async ({ officer, approvers, legal, caseUrl, kinds }: Walk) => {
  const card = officer.getByTestId('legal-review-card');
  await card.getByText('待提交法制审核', { exact: true }).waitFor();
  expect(await card.innerText()).toContain('符合重大执法决定目录');
  // REVIEW-5: without 同意 the case cannot go on to the decision.
  expect(await officer.getByTestId('transition-decision').isDisabled()).toBe(true);
  await card.getByRole('button', { name: '提交法制审核' }).click();
  const drawer = officer.getByRole('dialog', { name: '提交法制审核' });
  await drawer.getByLabel('重大行政执法决定建议及其情况说明').fill('拟对当事人处以罚款五万元，理由见调查终结报告。');
  await drawer.getByRole('button', { name: '提交', exact: true }).click();
  await card.getByText('法制审核中', { exact: true }).waitFor({ timeout: 15_000 });
  await app.shot(officer, '24-walk-review-submitted');

  await reload(legal, caseUrl);
  const legalCard = legal.getByTestId('legal-review-card');
  await legalCard.getByRole('button', { name: '出具审核意见' }).click();
  const opinion = legal.getByRole('dialog', { name: /出具法制审核意见/ });
  await opinion.getByTestId('review-point-other').waitFor();
  await opinion.getByText('同意', { exact: true }).click();
  await opinion.getByLabel('审核意见和理由').fill('主体合法，事实清楚，证据确凿，程序合法，裁量适当，文书规范。');
  await app.shot(legal, '25-walk-review-opinion', false);
  await opinion.getByRole('button', { name: '出具意见' }).click();
  await legalCard.getByText('审核同意', { exact: true }).waitFor({ timeout: 15_000 });
  await app.shot(legal, '26-walk-review-approved');

  // 行政处罚法 第五十七条: a major case is decided after the heads' collective discussion, then signed off.
  await reload(officer, caseUrl);
  await makeRecord(officer, kinds.get('collective_discussion_record')!);
  await makeRecord(officer, kinds.get('sign_off')!);
  await approveWaiting(approvers, caseUrl);
  await reload(officer, caseUrl);
};

/** DOC-2: the decision opens as a Chinese PDF, and its hash is kept. */
const generateDecision = async ({ officer }: Walk) => {
  await openRecordDetail(officer, '行政处罚决定书');
  await signOpenRecord(officer, { role: '执法人员' });
  const documents = officer.getByTestId('record-documents');
  await documents.getByRole('button', { name: '生成文书' }).click();
  const pdfLink = documents.getByRole('link', { name: /查看 PDF/ });
  await pdfLink.waitFor({ timeout: 30_000 });
  const pdf = await officer.request.get(new URL((await pdfLink.getAttribute('href'))!, officer.url()).toString());
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  if (popplerMissingReason() === null) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-e2e-')), 'decision.pdf');
    fs.writeFileSync(file, bytes);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(text).toContain('行政处罚决定书');
    expect(text).toContain('王明');
  }
  await app.shot(officer, '27-walk-decision-document', false);
  await closeRecordDetail(officer);
};

/** SERVE-1: left at the residence: filmed, signed by the server and a witness, and its receipt generated. */
const proveLeftAtResidence = async ({ officer, caseId, caseUrl }: Walk) => {
  const receipt = (await listCaseRecords(app.t.ctx.db, caseId)).findLast((r) => r.kind === 'service_receipt')!;
  if (ffmpegMissingReason() === null) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-e2e-clip-'));
    const clip = makeClip({
      dir,
      seconds: 4,
      format: 'mp4',
      creationTime: new Date(Date.now() - 30 * 60_000).toISOString(),
    });
    const actor = await actorFor(app.t.ctx, 'officer1');
    const size = fs.statSync(clip).size;
    const upload = await startEvidenceUpload({
      ctx: app.t.ctx,
      evidence: app.t.evidence,
      actor,
      caseId,
      input: {
        kind: 'video',
        filename: '留置送达.mp4',
        size,
        recordId: receipt.id,
        recordedStartedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
        place: '示范市新城区建设路18号',
        officerIds: [actor.userId],
        deviceId: (await listDevicesOfAgency(app.t.ctx.db, actor.agencyId)).find(
          (d) => d.serialNumber === 'DEMO-ZFY-0001',
        )!.id,
        focusItems: ['documents_made_served'],
        providedBy: 'agency',
      },
    });
    await receiveUploadChunk({
      ctx: app.t.ctx,
      evidence: app.t.evidence,
      actor,
      uploadId: upload.id,
      offset: 0,
      checksum: null,
      contentLength: size,
      body: fs.createReadStream(clip),
    });
    await reload(officer, caseUrl);
  }
  await openRecordDetail(officer, '送达回证');
  const proof = officer.getByTestId('service-proof');
  expect(await proof.innerText()).toContain('留置送达须具备');
  await signOpenRecord(officer, { role: '送达人' });
  await signOpenRecord(officer, {
    role: '见证人',
    name: '李四',
    from: proof.getByRole('button', { name: '签名', exact: true }),
  });
  await officer.getByTestId('record-documents').getByRole('button', { name: '生成文书' }).click();
  await officer
    .getByTestId('record-documents')
    .getByRole('link', { name: /查看 PDF/ })
    .waitFor({ timeout: 30_000 });
  expect(await proof.locator('[aria-label="缺少"]').count()).toBe(0);
  await app.shot(officer, '28-walk-service-left-at-residence', false);
  await closeRecordDetail(officer);
};

// PROC-2, REVIEW-1..5, SERVE-1..2: a penalty the demo catalog makes major (¥50,000 on a person), from its source to
// the archive: legal review, collective discussion, the decision as a PDF, service left at the residence, payment.
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
  {
    stage: 'review',
    records: [
      {
        kind: 'decision_draft',
        overrides: { partyType: '公民', proposedPenaltyKinds: '罚款', proposedAmount: '50000' },
      },
    ],
    after: passLegalReview,
    to: 'decision',
  },
  {
    stage: 'decision',
    records: [{ kind: 'penalty_decision', overrides: { penaltyKinds: '罚款', fineAmount: '50000' } }],
    after: generateDecision,
    to: 'service',
  },
  {
    stage: 'service',
    records: [{ kind: 'service_receipt', overrides: { documentKind: '行政处罚决定书', method: '留置送达' } }],
    after: proveLeftAtResidence,
    to: 'execution',
  },
  {
    stage: 'execution',
    records: [{ kind: 'performance_record', overrides: { performanceStatus: '已全部履行', amountPaid: '50000' } }],
    after: async ({ officer }) => {
      await officer.getByTestId('execution-panel').getByText('罚款已全部缴纳').waitFor();
    },
    to: 'closing',
  },
  { stage: 'closing', records: [{ kind: 'closing_approval' }], to: 'archived' },
];

const ruleStatuses = async (page: Page) =>
  page
    .locator('[data-testid^="rule-"]')
    .evaluateAll((elements) =>
      elements.map((e) => `${(e as HTMLElement).dataset.testid}=${(e as HTMLElement).dataset.status}`),
    );

describe('a major penalty case walked in the browser from its source to the archive (PROC-2, REVIEW-1..6, DOC-2, DOC-4, SERVE-1, SERVE-2, SUP-2)', () => {
  it(
    'is refused each stage until its records, approvals and legal review are in, and ends with every rule met',
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
        const walk: Walk = { officer, approvers, legal: approvers[2]!, caseUrl, caseId, kinds };

        for (const step of PENALTY_WALK) {
          expect(await officer.getByTestId('stage-stepper').getAttribute('data-current')).toBe(step.stage);
          for (const record of step.records) {
            const kind: CatalogKind = kinds.get(record.kind)!;
            await makeRecord(officer, kind, record);
            if (kind.approvalSteps.length > 0) {
              // Until the named roles approve, the stage cannot be left (REVIEW-6).
              expect(await officer.getByTestId(`transition-${step.to}`).isDisabled()).toBe(true);
              await approveWaiting(approvers, caseUrl);
              await reload(officer, caseUrl);
            }
          }
          if (step.after) await step.after(walk);
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
        expect(records.map((r) => r.kind)).toEqual([
          ...PENALTY_WALK.slice(0, 5).flatMap((s) => s.records.map((r) => r.kind)),
          'decision_draft',
          'legal_review_opinion',
          'collective_discussion_record',
          'sign_off',
          ...PENALTY_WALK.slice(6).flatMap((s) => s.records.map((r) => r.kind)),
        ]);
        const approvals = await listApprovals(
          app.t.ctx.db,
          records.map((r) => r.id),
        );
        expect(approvals.every((a) => a.approval.decision === 'approved' && a.approval.opinion === '同意。')).toBe(
          true,
        );
        expect(approvals.length).toBeGreaterThanOrEqual(8);
        // Each step is in the ledger: the review, the documents and the signatures too.
        await app.t.settle();
        const types = (await listLedgerEntries(app.t.ctx.db, (await actorFor(app.t.ctx, 'officer1')).agencyId))
          .map((e) => JSON.parse(new TextDecoder().decode(e.leaf)) as { type: string; case: string | null })
          .filter((leaf) => leaf.case === caseId)
          .map((leaf) => leaf.type);
        for (const type of ['legal_review.submitted', 'legal_review.decided', 'document.generated', 'record.signed'])
          expect(types).toContain(type);
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
