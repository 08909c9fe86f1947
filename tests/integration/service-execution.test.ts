import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../server/src/use-cases/create-case';
import { correctCaseRecord } from '../../server/src/use-cases/make-case-record';
import { linkRecordAttachment } from '../../server/src/use-cases/link-record-attachment';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { signRecord } from '../../server/src/use-cases/sign-record';
import { newCaseInput } from '../factories';
import { recordContent } from '../factories/record-content';
import { actorFor } from '../support/actors';
import { codeOf } from '../support/domain-error';
import { fileScan } from '../support/evidence-files';
import { procedureWalker, type Team } from '../support/procedure-walk';
import { signaturePng } from '../support/signature-png';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
let team: Team;
let seed = 0;

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

/** A penalty case in its notification stage, where the advance notice is served. */
const caseInNotification = async () => {
  const { id } = await createCase({ ctx: t.ctx, actor: team.officer1, input: newCaseInput({ source: 'complaint' }) });
  const walk = procedureWalker(t.ctx, team, id);
  await walk.record('complaint_registration');
  await walk.advance('filing');
  await walk.approveAll((await walk.record('filing_approval')).id);
  await walk.advance('investigation');
  await walk.record('questioning_record');
  await walk.advance('report');
  await walk.record('investigation_report');
  await walk.advance('notification');
  await walk.record('advance_notice');

  return { id, walk };
};

const proofMissing = async (walk: ReturnType<typeof procedureWalker>, recordId: string) => {
  const finding = (await walk.workspace()).findings.find((f) => f.ruleId === 'service-proof')!;

  return finding.missing.filter((m) => m.recordId === recordId).map((m) => m.message);
};

const sign = (caseId: string, recordId: string, role: string, name = '张三') =>
  signRecord({
    ctx: t.ctx,
    actor: team.officer1,
    caseId,
    recordId,
    input:
      role === 'server'
        ? { role, method: 'electronic' }
        : { role, method: 'handwritten', signerName: name, imagePng: signaturePng((seed += 1)).toString('base64') },
  });

const attach = async (caseId: string, recordId: string, kind: string) =>
  linkRecordAttachment({
    ctx: t.ctx,
    actor: team.officer1,
    caseId,
    recordId,
    input: {
      evidenceId: await fileScan({ ctx: t.ctx, evidence: t.evidence, actor: team.officer1, caseId, seed: (seed += 1) }),
      kind,
    },
  });

describe('each method of service records exactly what the rules require (SERVE-1)', () => {
  const CASES: { method: string; content: Record<string, unknown>; signatures: string[]; attachments: string[] }[] = [
    { method: 'direct', content: {}, signatures: ['server', 'recipient'], attachments: [] },
    {
      method: 'mail',
      content: { mailType: 'express', trackingNumber: 'EMS1234567890CN', isPostalReceiptKept: true },
      signatures: [],
      attachments: ['mail_registration', 'postage_voucher', 'return_receipt'],
    },
    {
      method: 'left_at_residence',
      content: { refusalReason: '受送达人拒绝签收', witness: '李四（社区居委会）' },
      signatures: ['server', 'witness'],
      attachments: [],
    },
    { method: 'entrusted', content: {}, signatures: ['server'], attachments: ['entrust_receipt'] },
    { method: 'announcement', content: {}, signatures: [], attachments: ['announcement_copy'] },
    {
      method: 'electronic',
      content: { isElectronicConsentSigned: true },
      signatures: [],
      attachments: ['electronic_consent', 'delivery_record'],
    },
  ];

  for (const method of CASES) {
    it(`${method.method}: listed as missing until each signature and proof is on file`, async () => {
      const c = await caseInNotification();
      const receipt = await c.walk.record('service_receipt', {
        content: { documentKind: 'advance_notice', method: method.method, ...method.content },
        isUnsigned: true,
      });
      const missing = await proofMissing(c.walk, receipt.id);
      expect(missing).toHaveLength(method.signatures.length + method.attachments.length);
      for (const role of method.signatures) await sign(c.id, receipt.id, role);
      for (const kind of method.attachments.slice(0, -1)) await attach(c.id, receipt.id, kind);
      if (method.attachments.length > 0) {
        expect(await proofMissing(c.walk, receipt.id)).toHaveLength(1);
        await attach(c.id, receipt.id, method.attachments.at(-1)!);
      }
      expect(await proofMissing(c.walk, receipt.id)).toEqual([]);
    });
  }

  it('refuses a proof that is not this case’s, a kind it does not know, and a signature that is no image', async () => {
    const c = await caseInNotification();
    const other = await caseInNotification();
    const receipt = await c.walk.record('service_receipt', {
      content: {
        documentKind: 'advance_notice',
        method: 'mail',
        mailType: 'registered',
        trackingNumber: 'X1',
        isPostalReceiptKept: true,
      },
    });
    const foreign = await fileScan({
      ctx: t.ctx,
      evidence: t.evidence,
      actor: team.officer1,
      caseId: other.id,
      seed: 999,
    });
    expect(
      await codeOf(
        linkRecordAttachment({
          ctx: t.ctx,
          actor: team.officer1,
          caseId: c.id,
          recordId: receipt.id,
          input: { evidenceId: foreign, kind: 'return_receipt' },
        }),
      ),
    ).toBe('EVIDENCE_NOT_FOUND');
    expect(
      await codeOf(
        linkRecordAttachment({
          ctx: t.ctx,
          actor: team.officer1,
          caseId: c.id,
          recordId: receipt.id,
          input: { evidenceId: foreign, kind: 'selfie' },
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        signRecord({
          ctx: t.ctx,
          actor: team.officer1,
          caseId: c.id,
          recordId: receipt.id,
          input: {
            role: 'recipient',
            method: 'handwritten',
            signerName: '张三',
            imagePng: Buffer.from('not a png').toString('base64'),
          },
        }),
      ),
    ).toBe('INVALID_SIGNATURE');
    // A party cannot sign "electronically" through an officer's session.
    expect(
      await codeOf(
        signRecord({
          ctx: t.ctx,
          actor: team.officer1,
          caseId: c.id,
          recordId: receipt.id,
          input: { role: 'party', method: 'electronic' },
        }),
      ),
    ).toBe('INVALID_SIGNATURE');
    expect(await proofMissing(c.walk, receipt.id)).toHaveLength(3);
  });

  it('an announcement is deemed served thirty days after it is published (民事诉讼法 第九十五条)', async () => {
    const c = await caseInNotification();
    const receipt = await c.walk.record('service_receipt', {
      content: { documentKind: 'advance_notice', method: 'announcement', announcedOn: '2026-11-20' },
    });
    await attach(c.id, receipt.id, 'announcement_copy');
    const finding = (await c.walk.workspace()).findings.find((f) => f.ruleId === 'statement-period')!;
    // Served 2026-12-20 (deemed), so the statement period has not even begun.
    expect(finding.missing[0]?.message).toContain('2026-12-2');
  });
});

describe('execution: payment, surcharge, demand notice and court application (SERVE-2)', () => {
  it('computes the 3% daily surcharge capped at the fine, and asks a court only ten days after the demand notice', async () => {
    const c = await caseInNotification();
    await c.walk.record('statement_defence_record');
    await c.walk.advance('review');
    const draft = await c.walk.record('decision_draft');
    await c.walk.approveAll(draft.id);
    await c.walk.approveAll((await c.walk.record('sign_off')).id);
    await c.walk.advance('decision');
    await c.walk.record('penalty_decision', { content: { penaltyKinds: ['fine'], fineAmount: '5000' } });
    await c.walk.advance('service');
    await c.walk.record('service_receipt', { content: { documentKind: 'penalty_decision', method: 'direct' } });
    await c.walk.advance('execution');

    let execution = (await c.walk.workspace()).execution!;
    expect(execution).toMatchObject({ fineAmount: '5000.00', decisionServedOn: '2026-11-20', dueOn: '2026-12-05' });
    expect(execution.surcharge).toMatchObject({ daysOverdue: 0, amount: '0.00' });
    t.clock.set('2026-12-15T02:00:00.000Z');
    try {
      // 行政处罚法 第七十二条: ten days late, 3% of ¥5,000 a day.
      execution = (await c.walk.workspace()).execution!;
      expect(execution.surcharge).toMatchObject({ daysOverdue: 10, amount: '1500.00', isCapped: false });
      t.clock.set('2027-02-15T02:00:00.000Z');
      execution = (await c.walk.workspace()).execution!;
      expect(execution.surcharge).toMatchObject({ amount: '5000.00', isCapped: true });
      t.clock.set('2026-12-15T02:00:00.000Z');

      // The demand notice is served; a court application within ten days of it is refused.
      await c.walk.record('demand_notice', { recordedAt: '2026-12-15T09:00:00+08:00' });
      await c.walk.record('service_receipt', {
        recordedAt: '2026-12-15T09:30:00+08:00',
        content: { documentKind: 'demand_notice', method: 'direct', servedOn: '2026-12-15' },
      });
      const application = (appliedOn: string) =>
        c.walk.record('court_enforcement_application', {
          recordedAt: '2026-12-15T09:40:00+08:00',
          content: { appliedOn, demandServedOn: '2026-12-15' },
        });
      expect(await codeOf(application('2026-12-20'))).toBe('COURT_APPLICATION_TOO_EARLY');
      t.clock.set('2026-12-28T02:00:00.000Z');
      // The party stated and defended after the demand; until that is re-examined no application goes out.
      const statement = await c.walk.record('statement_defence_record', {
        recordedAt: '2026-12-18T09:00:00+08:00',
        content: { stage: 'after_demand', reviewOutcome: undefined, reviewOpinion: undefined },
      });
      expect(await codeOf(application('2026-12-28'))).toBe('VALIDATION_FAILED');
      await correctCaseRecord({
        ctx: t.ctx,
        actor: team.officer1,
        caseId: c.id,
        recordId: statement.id,
        reason: '记录复核意见',
        input: {
          kind: 'statement_defence_record',
          recordedAt: '2026-12-18T09:00:00+08:00',
          officers: [{ userId: team.officer1.userId, isCredentialShown: false }],
          partySignature: 'signed',
          content: recordContent('statement_defence_record', {
            stage: 'after_demand',
            reviewOpinion: '当事人称资金困难，不构成不履行的正当理由。',
            reviewOutcome: 'not_adopted',
          }),
        },
      });
      const applied = await application('2026-12-28');
      expect(applied.kind).toBe('court_enforcement_application');
    } finally {
      t.clock.set('2026-11-20T02:00:00.000Z');
    }
  });
});
