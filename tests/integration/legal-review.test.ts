import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLedgerEntries } from '../../server/src/db/repos/ledger-repo';
import { listReviewRoundsOfCases } from '../../server/src/db/repos/legal-review-repo';
import { addMajorCatalogEntry } from '../../server/src/use-cases/add-major-catalog-entry';
import { createCase } from '../../server/src/use-cases/create-case';
import { decideApproval } from '../../server/src/use-cases/decide-approval';
import { decideLegalReview, type ReviewOpinionInput } from '../../server/src/use-cases/decide-legal-review';
import { decideReviewExtension } from '../../server/src/use-cases/decide-review-extension';
import { getLegalReview } from '../../server/src/use-cases/get-legal-review';
import { listLegalReviews } from '../../server/src/use-cases/list-legal-reviews';
import { correctCaseRecord, makeCaseRecord } from '../../server/src/use-cases/make-case-record';
import { requestReviewExtension } from '../../server/src/use-cases/request-review-extension';
import { retireMajorCatalogEntry } from '../../server/src/use-cases/retire-major-catalog-entry';
import { ruleOnLegalReview } from '../../server/src/use-cases/rule-on-legal-review';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { submitLegalReview } from '../../server/src/use-cases/submit-legal-review';
import type { UserActor } from '../../server/src/use-cases/context';
import { newCaseInput } from '../factories';
import { recordContent } from '../factories/record-content';
import { actorFor } from '../support/actors';
import { codeOf, refusalOf } from '../support/domain-error';
import { procedureWalker, type Team } from '../support/procedure-walk';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
let team: Team;
let deputy: UserActor;
let supervisor: UserActor;

beforeAll(async () => {
  t = await createTestContext();
  await seedDemo({ ctx: t.ctx });
  team = {
    officer1: await actorFor(t.ctx, 'officer1'),
    officer2: await actorFor(t.ctx, 'officer2'),
    sectionhead1: await actorFor(t.ctx, 'sectionhead1'),
    head1: await actorFor(t.ctx, 'head1'),
    legal1: await actorFor(t.ctx, 'legal1'),
  };
  deputy = await actorFor(t.ctx, 'deputy1');
  supervisor = await actorFor(t.ctx, 'supervisor1');
});
afterAll(() => t.close());

// A ¥50,000 fine on a person: the demo catalog's "对公民处以一万元以上罚款" makes it major (REVIEW-1).
const MAJOR_DRAFT = { partyType: 'individual', proposedPenaltyKinds: ['fine'], proposedAmount: '50000' };

/** Walks a fresh penalty case to the review stage with a decision draft, as officers would. */
const caseInReview = async (draft: Record<string, unknown> = MAJOR_DRAFT) => {
  const { id } = await createCase({ ctx: t.ctx, actor: team.officer1, input: newCaseInput({ source: 'complaint' }) });
  const walk = procedureWalker(t.ctx, team, id);
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
  const draftRow = await walk.record('decision_draft', { content: draft });
  await walk.approveAll(draftRow.id);
  const signOff = await walk.record('sign_off');

  return { id, walk, draft: draftRow, report, questioning, signOff };
};

const materialsOf = (c: Awaited<ReturnType<typeof caseInReview>>, draftId = c.draft.id) => [
  { material: 'investigation_report', recordIds: [c.report.id], evidenceIds: [] },
  { material: 'draft_decision', recordIds: [draftId], evidenceIds: [] },
  { material: 'basis_and_evidence', recordIds: [c.questioning.id], evidenceIds: [] },
];

const submit = (c: Awaited<ReturnType<typeof caseInReview>>, draftId = c.draft.id) =>
  submitLegalReview({
    ctx: t.ctx,
    actor: team.officer1,
    caseId: c.id,
    input: { proposal: '拟对当事人处以罚款五万元，情况说明见调查终结报告。', materials: materialsOf(c, draftId) },
  });

const POINTS = ['subject', 'facts', 'procedure', 'law', 'ultra_vires', 'documents', 'crime', 'other'];
const opinion = (conclusion: string, issues: Record<string, string> = {}): ReviewOpinionInput => ({
  points: POINTS.map((point) => ({
    point,
    finding: point in issues ? 'issue' : 'no_issue',
    note: issues[point] ?? '',
  })),
  conclusion,
  reasons:
    conclusion === 'approve' ? '主体合法，事实清楚，证据确凿，程序合法，裁量适当。' : '存在以下问题，详见逐项意见。',
  correctionItems: conclusion === 'correct' ? '补充违法所得计算依据，调整裁量说明。' : '',
});

const blockedRules = async (promise: Promise<unknown>): Promise<string[]> => {
  const refusal = await refusalOf(promise);
  expect(refusal.code).toBe('TRANSITION_BLOCKED');

  return (refusal.details as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
};

describe('a decision the catalog marks as major cannot be decided without legal review (REVIEW-1, REVIEW-5)', () => {
  it('matches the demo catalog, blocks the sign-off and the decision, and leaves a non-major draft alone', async () => {
    const major = await caseInReview();
    const review = await getLegalReview({ ctx: t.ctx, actor: team.officer1, caseId: major.id });
    expect(review.isMajorDecision).toBe(true);
    expect(review.catalogMatches.map((m) => m.title)).toEqual([
      '对公民处以一万元以上罚款、没收违法所得或者没收非法财物',
    ]);
    expect(review.status).toBe('not_submitted');
    // REVIEW-5: the head cannot sign it off, and the case cannot go on to the decision.
    expect(
      await codeOf(
        decideApproval({
          ctx: t.ctx,
          actor: team.head1,
          caseId: major.id,
          recordId: major.signOff.id,
          input: { decision: 'approved', opinion: '同意' },
        }),
      ),
    ).toBe('LEGAL_REVIEW_REQUIRED');
    expect(await blockedRules(major.walk.advance('decision'))).toEqual(
      expect.arrayContaining(['stage-records', 'approvals-complete', 'legal-review']),
    );

    // The same case with a ¥1,000 fine is not major: no review is asked for.
    const minor = await caseInReview({ ...MAJOR_DRAFT, proposedAmount: '1000' });
    const minorReview = await getLegalReview({ ctx: t.ctx, actor: team.officer1, caseId: minor.id });
    expect(minorReview.isMajorDecision).toBe(false);
    await minor.walk.approveAll(minor.signOff.id);
    await minor.walk.advance('decision');
  });

  it('a legal reviewer cannot write the opinion by hand: it comes from the review (REVIEW-3)', async () => {
    const c = await caseInReview();
    expect(
      await codeOf(
        makeCaseRecord({
          ctx: t.ctx,
          actor: team.legal1,
          caseId: c.id,
          input: {
            kind: 'legal_review_opinion',
            recordedAt: '2026-11-20T09:00:00+08:00',
            officers: [{ userId: team.legal1.userId, isCredentialShown: false }],
            content: recordContent('legal_review_opinion'),
          },
        }),
      ),
    ).toBe('RECORD_MADE_BY_WORKFLOW');
  });
});

describe('submission, review, correction and resubmission (REVIEW-2, REVIEW-3, REVIEW-5)', () => {
  it('refuses missing materials, reviews the eight points, keeps each round and opens the gate only on 同意', async () => {
    const c = await caseInReview();
    // REVIEW-2: without the investigation report and the evidence the submission is refused; nothing is written.
    const refusal = await refusalOf(
      submitLegalReview({
        ctx: t.ctx,
        actor: team.officer1,
        caseId: c.id,
        input: { proposal: '', materials: [{ material: 'draft_decision', recordIds: [c.draft.id], evidenceIds: [] }] },
      }),
    );
    expect(refusal.code).toBe('REVIEW_MATERIALS_MISSING');
    expect((refusal.details as { missing: { material: string }[] }).missing.map((m) => m.material).sort()).toEqual([
      'basis_and_evidence',
      'investigation_report',
      'proposal',
    ]);
    expect(await listReviewRoundsOfCases(t.ctx.db, [c.id])).toEqual([]);

    const round1 = await submit(c);
    expect(round1.round).toBe(1);
    // REVIEW-4: ten working days from Friday 2026-11-20 is Friday 2026-12-04.
    expect(round1.dueOn).toBe('2026-12-04');
    expect(await codeOf(submit(c))).toBe('REVIEW_PENDING');

    // REVIEW-3: the drafter cannot review, every point must be worked through, and 同意 cannot carry an issue.
    expect(
      await codeOf(
        decideLegalReview({ ctx: t.ctx, actor: team.officer1, submissionId: round1.id, input: opinion('approve') }),
      ),
    ).toBe('FORBIDDEN');
    const partial = { ...opinion('approve'), points: (opinion('approve').points as unknown[]).slice(0, 5) };
    expect(
      await codeOf(decideLegalReview({ ctx: t.ctx, actor: team.legal1, submissionId: round1.id, input: partial })),
    ).toBe('REVIEW_POINTS_INCOMPLETE');
    expect(
      await codeOf(
        decideLegalReview({
          ctx: t.ctx,
          actor: team.legal1,
          submissionId: round1.id,
          input: { ...opinion('approve', { law: '裁量过重' }), conclusion: 'approve' },
        }),
      ),
    ).toBe('REVIEW_CONCLUSION_INCONSISTENT');

    const corrected = await decideLegalReview({
      ctx: t.ctx,
      actor: team.legal1,
      submissionId: round1.id,
      input: opinion('correct', { law: '罚款数额未说明裁量基准的适用' }),
    });
    expect(corrected.conclusion).toBe('correct');
    let review = await getLegalReview({ ctx: t.ctx, actor: team.officer1, caseId: c.id });
    expect(review.status).toBe('correction_required');
    expect(review.rounds[0]!.opinion!.recordId).toBe(corrected.recordId);
    // The drafter revises before resubmitting (REVIEW-5).
    expect(await codeOf(submit(c))).toBe('REVIEW_DRAFT_NOT_REVISED');
    const revised = await correctCaseRecord({
      ctx: t.ctx,
      actor: team.officer1,
      caseId: c.id,
      recordId: c.draft.id,
      reason: '根据法制审核意见补充裁量基准',
      input: {
        kind: 'decision_draft',
        recordedAt: '2026-11-20T10:00:00+08:00',
        officers: [{ userId: team.officer1.userId, isCredentialShown: false }],
        content: recordContent('decision_draft', {
          ...MAJOR_DRAFT,
          discretionStandard: '示范自治区住建领域行政处罚裁量基准第12项',
        }),
      },
    });
    await c.walk.approveAll(revised.id);
    const round2 = await submit(c, revised.id);
    expect(round2.round).toBe(2);
    await decideLegalReview({ ctx: t.ctx, actor: team.legal1, submissionId: round2.id, input: opinion('approve') });
    review = await getLegalReview({ ctx: t.ctx, actor: team.officer1, caseId: c.id });
    expect(review.status).toBe('approved');
    expect(review.canDecide).toBe(true);
    expect(review.rounds.map((r) => r.opinion?.conclusion)).toEqual(['correct', 'approve']);

    // A major case also needs its collective discussion (行政处罚法 第五十七条) before the decision.
    await c.walk.approveAll(c.signOff.id);
    expect(await blockedRules(c.walk.advance('decision'))).toEqual(['stage-records']);
    await c.walk.record('collective_discussion_record');
    await c.walk.advance('decision');

    // Every step is in the ledger: two rounds, two opinions (each with its filed record).
    await t.settle();
    const types = (await listLedgerEntries(t.ctx.db, team.officer1.agencyId))
      .map((e) => JSON.parse(new TextDecoder().decode(e.leaf)) as { type: string; case: string | null })
      .filter((leaf) => leaf.case === c.id)
      .map((leaf) => leaf.type);
    expect(types.filter((x) => x === 'legal_review.submitted')).toHaveLength(2);
    expect(types.filter((x) => x === 'legal_review.decided')).toHaveLength(2);
  });

  it('a draft changed after 同意 closes the gate again until it is reviewed (REVIEW-5)', async () => {
    const c = await caseInReview();
    const round = await submit(c);
    await decideLegalReview({ ctx: t.ctx, actor: team.legal1, submissionId: round.id, input: opinion('approve') });
    await correctCaseRecord({
      ctx: t.ctx,
      actor: team.officer1,
      caseId: c.id,
      recordId: c.draft.id,
      reason: '罚款改为六万元',
      input: {
        kind: 'decision_draft',
        recordedAt: '2026-11-20T09:30:00+08:00',
        officers: [{ userId: team.officer1.userId, isCredentialShown: false }],
        content: recordContent('decision_draft', { ...MAJOR_DRAFT, proposedAmount: '60000' }),
      },
    });
    const review = await getLegalReview({ ctx: t.ctx, actor: team.officer1, caseId: c.id });
    expect(review.status).toBe('draft_changed');
    expect(review.canDecide).toBe(false);
    expect(review.can.submit).toBe(true);
  });
});

describe('review deadline and its extension (REVIEW-4)', () => {
  it('moves the due date by the working days the deputy head approves, and shows overdue reviews to supervisors', async () => {
    const c = await caseInReview();
    const round = await submit(c);
    // Only the reviewer asks, with a reason and 1..10 working days; only the deputy head (or head) decides.
    expect(
      await codeOf(
        requestReviewExtension({
          ctx: t.ctx,
          actor: team.legal1,
          submissionId: round.id,
          input: { workingDays: 30, reason: '需补充鉴定' },
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    const extension = await requestReviewExtension({
      ctx: t.ctx,
      actor: team.legal1,
      submissionId: round.id,
      input: { workingDays: 5, reason: '涉及多个法律关系，需征求上级主管部门意见' },
    });
    expect(
      await codeOf(
        decideReviewExtension({
          ctx: t.ctx,
          actor: team.legal1,
          extensionId: extension.id,
          input: { decision: 'approved', opinion: '同意' },
        }),
      ),
    ).toBe('FORBIDDEN');
    const decided = await decideReviewExtension({
      ctx: t.ctx,
      actor: deputy,
      extensionId: extension.id,
      input: { decision: 'approved', opinion: '同意延长五个工作日' },
    });
    // 2026-12-04 plus five working days.
    expect(decided.dueOn).toBe('2026-12-11');
    expect(
      await codeOf(
        decideReviewExtension({
          ctx: t.ctx,
          actor: deputy,
          extensionId: extension.id,
          input: { decision: 'rejected', opinion: '重复' },
        }),
      ),
    ).toBe('REVIEW_EXTENSION_DECIDED');

    const before = await listLegalReviews({ ctx: t.ctx, actor: supervisor });
    expect(before.open.find((r) => r.submissionId === round.id)).toMatchObject({
      dueOn: '2026-12-11',
      timeliness: 'on_time',
    });
    t.clock.set('2026-12-14T02:00:00.000Z');
    try {
      const after = await listLegalReviews({ ctx: t.ctx, actor: supervisor });
      expect(after.open.find((r) => r.submissionId === round.id)?.timeliness).toBe('overdue');
      expect(await codeOf(listLegalReviews({ ctx: t.ctx, actor: team.officer1 }))).toBe('FORBIDDEN');
    } finally {
      t.clock.set('2026-11-20T02:00:00.000Z');
    }
  });
});

describe('a review due in a year the calendar does not cover yet (REVIEW-4, PROC-8)', () => {
  it('says its due date is provisional', async () => {
    const c = await caseInReview();
    t.clock.set('2026-12-21T02:00:00.000Z');
    try {
      const round = await submit(c);
      expect(round.dueOn.startsWith('2027-')).toBe(true);
      const review = await getLegalReview({ ctx: t.ctx, actor: team.officer1, caseId: c.id });
      expect(review.rounds[0]!.isDueDateCovered).toBe(false);
      const open = await listLegalReviews({ ctx: t.ctx, actor: supervisor });
      expect(open.open.find((r) => r.submissionId === round.id)?.isDueDateCovered).toBe(false);
      expect(open.open.filter((r) => r.dueOn.startsWith('2026-')).every((r) => r.isDueDateCovered)).toBe(true);
    } finally {
      t.clock.set('2026-11-20T02:00:00.000Z');
    }
  });
});

describe('when drafter and reviewer disagree, the head rules after a collective discussion (REVIEW-5)', () => {
  it('refuses a ruling without a recorded discussion, and lets the decision proceed after one', async () => {
    const c = await caseInReview();
    const round = await submit(c);
    await decideLegalReview({
      ctx: t.ctx,
      actor: team.legal1,
      submissionId: round.id,
      input: opinion('do_not_decide', { facts: '违法主体认定证据不足' }),
    });
    expect((await getLegalReview({ ctx: t.ctx, actor: team.head1, caseId: c.id })).status).toBe('not_to_be_decided');
    const discussion = await c.walk.record('collective_discussion_record');
    expect(
      await codeOf(
        ruleOnLegalReview({
          ctx: t.ctx,
          actor: team.legal1,
          submissionId: round.id,
          input: { outcome: 'proceed', reasons: '经讨论', discussionRecordId: discussion.id },
        }),
      ),
    ).toBe('FORBIDDEN');
    const ruling = await ruleOnLegalReview({
      ctx: t.ctx,
      actor: team.head1,
      submissionId: round.id,
      input: {
        outcome: 'proceed',
        reasons: '经局务会集体讨论，现场勘验笔录和询问笔录相互印证，违法主体认定清楚，按代拟稿作出决定。',
        discussionRecordId: discussion.id,
      },
    });
    expect(ruling.outcome).toBe('proceed');
    const review = await getLegalReview({ ctx: t.ctx, actor: team.head1, caseId: c.id });
    expect(review.status).toBe('ruled_proceed');
    expect(review.canDecide).toBe(true);
    expect(review.rounds[0]!.ruling?.discussionRecordId).toBe(discussion.id);
  });
});

describe('the catalog is data the agency keeps (REVIEW-1)', () => {
  it('adds and retires entries; a retired entry no longer makes a decision major', async () => {
    const entry = await addMajorCatalogEntry({
      ctx: t.ctx,
      actor: team.legal1,
      input: {
        category: 'penalty',
        level: 'any',
        field: 'construction_market',
        title: '对建筑市场违法行为处以警告以外的处罚',
        penaltyKinds: ['warning'],
        partyType: 'any',
        amountThreshold: null,
        basis: '示范测试',
      },
    });
    const c = await caseInReview({
      ...MAJOR_DRAFT,
      proposedAmount: '1000',
      proposedPenaltyKinds: ['warning'],
      enforcementField: 'construction_market',
    });
    expect((await getLegalReview({ ctx: t.ctx, actor: team.officer1, caseId: c.id })).isMajorDecision).toBe(true);
    await retireMajorCatalogEntry({ ctx: t.ctx, actor: team.legal1, entryId: entry.id, input: { reason: '目录修订' } });
    expect((await getLegalReview({ ctx: t.ctx, actor: team.officer1, caseId: c.id })).isMajorDecision).toBe(false);
    expect(await codeOf(addMajorCatalogEntry({ ctx: t.ctx, actor: team.officer1, input: { title: 'x' } }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(addMajorCatalogEntry({ ctx: t.ctx, actor: team.legal1, input: { title: '' } }))).toBe(
      'VALIDATION_FAILED',
    );
  });
});
