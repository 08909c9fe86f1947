import { DomainError } from '@liuhen/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLedgerEntries } from '../../server/src/db/repos/ledger-repo';
import { listCaseRecords } from '../../server/src/db/repos/record-repo';
import { findAgencyById } from '../../server/src/db/repos/agency-repo';
import { createCase } from '../../server/src/use-cases/create-case';
import { correctCaseRecord } from '../../server/src/use-cases/make-case-record';
import { decideApproval } from '../../server/src/use-cases/decide-approval';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { actorFor } from '../support/actors';
import { codeOf, refusalOf } from '../support/domain-error';
import { procedureWalker, type Team } from '../support/procedure-walk';
import { createTestContext, type TestContext } from '../support/test-context';
import { newCaseInput } from '../factories';
import { recordContent } from '../factories/record-content';

let t: TestContext;
let team: Team;

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
});
afterAll(() => t.close());

const blockedRules = async (promise: Promise<unknown>): Promise<string[]> => {
  const refusal = await refusalOf(promise);
  expect(refusal.code).toBe('TRANSITION_BLOCKED');

  return (refusal.details as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
};

describe('a penalty case from its source to the archive (PROC-2, REVIEW-6, SUP-2)', () => {
  it('is walked stage by stage, each refused until its records and approvals are complete', async () => {
    const { id } = await createCase({ ctx: t.ctx, actor: team.officer1, input: newCaseInput({ source: 'complaint' }) });
    const walk = procedureWalker(t.ctx, team, id);

    expect(await blockedRules(walk.advance('filing'))).toEqual(['stage-records']);
    await walk.record('complaint_registration');
    await walk.advance('filing');

    const filing = await walk.record('filing_approval');
    expect(await blockedRules(walk.advance('investigation'))).toEqual(['approvals-complete']);
    // REVIEW-6: each step by its role, in order; the agency head cannot sign before the section head.
    expect(
      await codeOf(
        decideApproval({
          ctx: t.ctx,
          actor: team.head1,
          caseId: id,
          recordId: filing.id,
          input: { decision: 'approved', opinion: '同意' },
        }),
      ),
    ).toBe('APPROVAL_WRONG_ROLE');
    await walk.approveAll(filing.id);
    await walk.advance('investigation');

    expect(await blockedRules(walk.advance('report'))).toEqual(['stage-records']);
    await walk.record('questioning_record');
    await walk.advance('report');
    await walk.record('investigation_report');
    await walk.advance('notification');

    await walk.record('advance_notice');
    expect(await blockedRules(walk.advance('review'))).toEqual(['statement-period']);
    await walk.record('statement_defence_record');
    await walk.advance('review');

    const draft = await walk.record('decision_draft');
    const signOff = await walk.record('sign_off');
    await walk.approveAll(draft.id);
    await walk.approveAll(signOff.id);
    await walk.advance('decision');
    await walk.record('penalty_decision');
    await walk.advance('service');
    await walk.record('service_receipt', { content: { documentKind: 'penalty_decision', method: 'direct' } });
    await walk.advance('execution');
    await walk.record('performance_record', { content: { performanceStatus: 'fully_performed' } });
    await walk.advance('closing');
    const closing = await walk.record('closing_approval');
    await walk.approveAll(closing.id);
    await walk.advance('archived');

    const workspace = await walk.workspace();
    expect(workspace.stage.id).toBe('archived');
    expect(workspace.visitedStages).toEqual([
      'source',
      'filing',
      'investigation',
      'report',
      'notification',
      'review',
      'decision',
      'service',
      'execution',
      'closing',
      'archived',
    ]);
    // A supervisor sees every rule of the whole process met (SUP-2).
    expect(workspace.findings.filter((f) => f.status !== 'met' && f.status !== 'not_applicable')).toEqual([]);
    const deadlines = new Map(workspace.deadlines.map((d) => [d.ruleId, d.status]));
    expect(deadlines.get('penalty.decision')).toBe('met');
    expect(deadlines.get('penalty.decision_service')).toBe('met');
    expect(deadlines.get('archive.filing')).toBe('met');

    await t.settle();
    const agency = await findAgencyById(t.ctx.db, team.officer1.agencyId);
    const types = (await listLedgerEntries(t.ctx.db, agency!.id))
      .map((e) => JSON.parse(new TextDecoder().decode(e.leaf)) as { type: string; case: string | null })
      .filter((leaf) => leaf.case === id)
      .map((leaf) => leaf.type);
    expect(types.filter((x) => x === 'record.created')).toHaveLength(12);
    expect(types.filter((x) => x === 'case.stage_changed')).toHaveLength(10);
    expect(types.filter((x) => x === 'approval.decided')).toHaveLength(3 + 1 + 1 + 3);
  });
});

describe('what the law forbids is refused, and nothing is written (SEC-3, ORG-3, PROC-7)', () => {
  it('blocks an investigation with one officer, an expired credential, or audio-video with no reason', async () => {
    const { id } = await createCase({
      ctx: t.ctx,
      actor: team.officer1,
      input: newCaseInput({ source: 'own_initiative' }),
    });
    const walk = procedureWalker(t.ctx, team, id);
    await walk.advance('filing');
    const filing = await walk.record('filing_approval');
    await walk.approveAll(filing.id);
    await walk.advance('investigation');

    await walk.record('questioning_record', { officers: [{ userId: team.officer1.userId, isCredentialShown: true }] });
    expect(await blockedRules(walk.advance('report'))).toEqual(['two-credentialed-officers']);
    const inspection = await walk.record('inspection_record', { avReason: null });
    expect(await blockedRules(walk.advance('report'))).toEqual(['two-credentialed-officers', 'av-or-reason']);
    expect((await walk.workspace()).findings.find((f) => f.ruleId === 'av-or-reason')!.missing[0]!.recordId).toBe(
      inspection.id,
    );
  });

  it('refuses unknown officers, officers of another agency, records for the wrong stage and forged fields', async () => {
    const { id } = await createCase({ ctx: t.ctx, actor: team.officer1, input: newCaseInput() });
    const walk = procedureWalker(t.ctx, team, id);
    const before = (await listCaseRecords(t.ctx.db, id)).length;
    expect(await codeOf(walk.record('penalty_decision'))).toBe('RECORD_NOT_FOR_STAGE');
    expect(
      await codeOf(
        walk.record('complaint_registration', { officers: [{ userId: t.ctx.newId(), isCredentialShown: true }] }),
      ),
    ).toBe('INVALID_OFFICER');
    expect(await codeOf(walk.record('complaint_registration', { content: { signedBy: '王明' } }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await codeOf(walk.record('complaint_registration', { recordedAt: '2099-01-01T00:00:00+08:00' }))).toBe(
      'DATE_IN_FUTURE',
    );
    expect(await codeOf(walk.record('complaint_registration', { partySignature: 'signed' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(walk.advance('investigation'))).toBe('TRANSITION_NOT_ALLOWED');
    expect((await listCaseRecords(t.ctx.db, id)).length).toBe(before);
  });

  it('corrects a record by a new version, keeping the original, and restarts a returned approval', async () => {
    const { id } = await createCase({
      ctx: t.ctx,
      actor: team.officer1,
      input: newCaseInput({ source: 'own_initiative' }),
    });
    const walk = procedureWalker(t.ctx, team, id);
    await walk.advance('filing');
    const filing = await walk.record('filing_approval');
    await decideApproval({
      ctx: t.ctx,
      actor: team.officer1,
      caseId: id,
      recordId: filing.id,
      input: { decision: 'returned', opinion: '立案理由不充分，请补充' },
    });
    expect(await blockedRules(walk.advance('investigation'))).toEqual(['approvals-complete']);
    const corrected = await correctCaseRecord({
      ctx: t.ctx,
      actor: team.officer1,
      caseId: id,
      recordId: filing.id,
      reason: '补充立案理由',
      input: {
        kind: 'filing_approval',
        recordedAt: '2026-11-20T10:00:00+08:00',
        officers: [{ userId: team.officer1.userId, isCredentialShown: true }],
        content: recordContent('filing_approval'),
      },
    });
    expect(corrected.version).toBe(2);
    expect(
      await codeOf(
        correctCaseRecord({
          ctx: t.ctx,
          actor: team.officer1,
          caseId: id,
          recordId: filing.id,
          reason: '再改',
          input: {
            kind: 'filing_approval',
            recordedAt: '2026-11-20T10:00:00+08:00',
            officers: [{ userId: team.officer1.userId, isCredentialShown: true }],
            content: recordContent('filing_approval'),
          },
        }),
      ),
    ).toBe('RECORD_SUPERSEDED');
    const rows = await listCaseRecords(t.ctx.db, id);
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(rows[1]!.supersedesId).toBe(filing.id);
    await walk.approveAll(corrected.id);
    await walk.advance('investigation');
    const workspace = await walk.workspace();
    expect(workspace.records.find((r) => r.row.id === corrected.id)!.versions.map((v) => v.version)).toEqual([1, 2]);
  });
});

describe('a supervision inspection from its plan to its result (PROC-3)', () => {
  it('is walked to the archive', async () => {
    const { id, number } = await createCase({
      ctx: t.ctx,
      actor: team.officer1,
      input: newCaseInput({ procedure: 'inspection', source: 'annual_plan' }),
    });
    expect(number).toMatch(/检〔2026〕\d+号$/);
    const walk = procedureWalker(t.ctx, team, id);
    await walk.record('inspection_plan');
    await walk.advance('on_site');
    await walk.record('inspection_record');
    await walk.advance('rights');
    await walk.record('rights_notice');
    await walk.advance('correction');
    await walk.record('order_to_correct');
    await walk.record('correction_verification');
    await walk.advance('result');
    await walk.record('inspection_summary');
    await walk.advance('archived');
    const workspace = await walk.workspace();
    expect(workspace.findings.filter((f) => f.status !== 'met' && f.status !== 'not_applicable')).toEqual([]);
  });

  it('refuses a source the procedure does not have', async () => {
    const refusal = await refusalOf(
      createCase({
        ctx: t.ctx,
        actor: team.officer1,
        input: newCaseInput({ procedure: 'inspection', source: 'complaint' }),
      }),
    );
    expect(refusal.code).toBe('UNKNOWN_CASE_SOURCE');
    expect(
      await codeOf(createCase({ ctx: t.ctx, actor: team.officer1, input: newCaseInput({ procedure: 'magic' }) })),
    ).toBe('UNKNOWN_PROCEDURE');
  });
});

describe('compulsory measures and licensing follow their own definitions (PROC-4, PROC-5)', () => {
  it('walk a seizure from approval to the archive', async () => {
    const { id } = await createCase({
      ctx: t.ctx,
      actor: team.officer1,
      input: newCaseInput({ procedure: 'compulsion', source: 'inspection' }),
    });
    const walk = procedureWalker(t.ctx, team, id);
    const approval = await walk.record('compulsion_approval');
    await walk.approveAll(approval.id);
    await walk.advance('execution');
    await walk.record('sealing_seizure_decision');
    await walk.record('compulsion_site_record');
    await walk.advance('handling');
    await walk.record('compulsion_release_decision');
    await walk.advance('closing');
    const closing = await walk.record('closing_approval');
    await walk.approveAll(closing.id);
    await walk.advance('archived');
    expect((await walk.workspace()).deadlines.find((d) => d.ruleId === 'compulsion.seizure_period')?.status).toBe(
      'met',
    );
  });

  it('walk a licence from acceptance to service', async () => {
    const { id } = await createCase({
      ctx: t.ctx,
      actor: team.officer1,
      input: newCaseInput({ procedure: 'licensing', source: 'window' }),
    });
    const walk = procedureWalker(t.ctx, team, id);
    await walk.record('application_acceptance');
    await walk.advance('review');
    const review = await walk.record('licensing_review_record');
    await walk.approveAll(review.id);
    await walk.advance('decision');
    await walk.record('licensing_decision');
    await walk.advance('service');
    await walk.record('service_receipt', { content: { documentKind: 'licensing_decision', method: 'direct' } });
    await walk.advance('archived');
    const workspace = await walk.workspace();
    expect(workspace.stage.id).toBe('archived');
    expect(workspace.deadlines.find((d) => d.ruleId === 'licensing.decision')?.status).toBe('met');
  });
});

void DomainError;
