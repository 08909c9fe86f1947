import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { RECORD_KINDS } from '../records/catalog';
import type { CaseFacts, RecordFact, RecordOfficer } from './case-facts';
import { evaluateCompliance, blockingFindings } from './compliance';
import { PENALTY_PROCEDURE } from './penalty';
import { PROCEDURE_DEFINITIONS, procedureDefinitionFor } from './registry';
import { assertRecordAllowed, checkTransition, isMajorCase } from './transitions';

describe('procedure definitions are consistent data (PROC-1..5)', () => {
  for (const definition of PROCEDURE_DEFINITIONS) {
    it(`${definition.id}`, () => {
      const stageIds = definition.stages.map((s) => s.id);
      expect(new Set(stageIds).size).toBe(stageIds.length);
      expect(stageIds).toContain(definition.initialStage);
      for (const t of definition.transitions) {
        expect(stageIds).toContain(t.from);
        expect(stageIds).toContain(t.to);
        expect(t.citations.length).toBeGreaterThan(0);
      }
      for (const stage of definition.stages) {
        expect(stage.citations.length).toBeGreaterThan(0);
        const outgoing = definition.transitions.filter((t) => t.from === stage.id);
        expect(outgoing.length > 0).toBe(!stage.isTerminal);
        for (const record of stage.records) {
          expect(RECORD_KINDS[record.kind]).toBeDefined();
          expect(record.citations.length).toBeGreaterThan(0);
          if (record.requirement === 'required_if') expect(record.condition).toBeDefined();
        }
        for (const group of stage.anyOf ?? []) {
          for (const kind of group.kinds) expect(stage.records.map((r) => r.kind)).toContain(kind);
        }
      }
      // Every stage can be reached from the first one.
      const reached = new Set([definition.initialStage]);
      for (let grown = true; grown;) {
        grown = false;
        for (const t of definition.transitions) {
          if (reached.has(t.from) && !reached.has(t.to)) {
            reached.add(t.to);
            grown = true;
          }
        }
      }
      expect([...reached].sort()).toEqual([...stageIds].sort());
    });
  }

  it('lists audio-video where AV-2 requires it, with its citation', () => {
    const investigation = PENALTY_PROCEDURE.stages.find((s) => s.id === 'investigation')!;
    for (const kind of [
      'questioning_record',
      'inspection_record',
      'sampling_notice',
      'evidence_preservation_notice',
    ] as const) {
      const record = investigation.records.find((r) => r.kind === kind)!;
      expect(record.av.level).toBe('required');
      expect('citations' in record.av && record.av.citations.length).toBeGreaterThan(0);
    }
  });

  it('chooses the variant in force for the agency and the date, else the national procedure (PROC-1)', () => {
    expect(procedureDefinitionFor({ type: 'penalty', variant: 'xinjiang-housing', date: '2026-11-21' }).id).toBe(
      'penalty.xinjiang-housing',
    );
    expect(procedureDefinitionFor({ type: 'penalty', variant: 'xinjiang-housing', date: '2023-01-01' }).id).toBe(
      'penalty.national',
    );
    expect(procedureDefinitionFor({ type: 'inspection', variant: 'xinjiang-housing', date: '2026-11-21' }).id).toBe(
      'inspection.national',
    );
  });
});

const officer = (name: string, overrides: Partial<RecordOfficer> = {}): RecordOfficer => ({
  userId: name,
  name,
  credentialNumber: `C-${name}`,
  isCredentialValid: true,
  isCredentialShown: true,
  ...overrides,
});

let counter = 0;
const record = (kind: RecordFact['kind'], stage: string, overrides: Partial<RecordFact> = {}): RecordFact => ({
  id: `r${(counter += 1)}`,
  kind,
  stage,
  recordedOn: '2026-11-02',
  officers: [officer('王明'), officer('李华')],
  partySignature: RECORD_KINDS[kind].partySignature === 'required' ? 'signed' : 'not_required',
  avEvidenceCount: 0,
  avUnexplainedGaps: 0,
  avReason: null,
  content: RECORD_KINDS[kind].isRightsNoticeRecorded ? { rightsNotified: ['statement', 'defence'] } : {},
  approval: RECORD_KINDS[kind].approvalSteps.length > 0 ? 'approved' : 'not_required',
  signatures: [],
  attachments: [],
  ...overrides,
});

const facts = (overrides: Partial<CaseFacts>): CaseFacts => ({
  definition: PENALTY_PROCEDURE,
  stage: 'investigation',
  source: 'own_initiative',
  isMajorCase: false,
  legalReview: { isMajorDecision: false, status: 'not_required', canDecide: true, message: '' },
  visitedStages: ['source', 'filing', 'investigation'],
  records: [record('filing_approval', 'filing')],
  unlinkedAvGaps: [],
  today: '2026-11-20',
  // Weekends only, enough for these rules; calendar arithmetic is tested with the official schedule.
  addWorkingDays: (date, days) => {
    const d = new Date(`${date}T00:00:00Z`);
    for (let left = days; left > 0;) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left -= 1;
    }

    return { date: d.toISOString().slice(0, 10), isCovered: true };
  },
  ...overrides,
});

const codeOf = (fn: () => unknown): { code: string; details: unknown } | null => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }

  return null;
};

const statusOf = (f: CaseFacts, ruleId: string) => evaluateCompliance(f).find((r) => r.ruleId === ruleId)!;

describe('compliance rules, each both ways (SUP-2)', () => {
  const questioned = record('questioning_record', 'investigation', { avReason: null, avEvidenceCount: 1 });

  it('two credentialed officers at an investigation (行政处罚法 第四十二条)', () => {
    expect(statusOf(facts({ records: [questioned] }), 'two-credentialed-officers').status).toBe('met');
    const alone = { ...questioned, officers: [officer('王明')] };
    expect(statusOf(facts({ records: [alone] }), 'two-credentialed-officers').status).toBe('broken');
    const expired = { ...questioned, officers: [officer('王明'), officer('李华', { isCredentialValid: false })] };
    const finding = statusOf(facts({ records: [expired] }), 'two-credentialed-officers');
    expect(finding.status).toBe('broken');
    expect(finding.broken[0]!.message).toContain('仅有 1 名');
  });

  it('audio-video or a written reason where AV-2 requires it (S1 第十八条)', () => {
    const bare = { ...questioned, avEvidenceCount: 0, avReason: null };
    expect(statusOf(facts({ records: [bare] }), 'av-or-reason').status).toBe('missing');
    expect(
      statusOf(facts({ records: [{ ...bare, avReason: '当事人在医院病房接受询问，不宜录像' }] }), 'av-or-reason')
        .status,
    ).toBe('met');
    // Service by leaving at the residence needs AV, direct service does not (S4 第二十七条).
    const service = (method: string) => record('service_receipt', 'service', { content: { method } });
    const served = (method: string) =>
      statusOf(facts({ stage: 'service', visitedStages: ['service'], records: [service(method)] }), 'av-or-reason')
        .status;
    expect(served('direct')).toBe('met');
    expect(served('left_at_residence')).toBe('missing');
  });

  it('audio-video without unexplained interruptions (S2 第十六条, AV-4)', () => {
    const filmed = record('questioning_record', 'investigation', { avEvidenceCount: 3, avReason: null });
    expect(statusOf(facts({ records: [filmed] }), 'av-continuity').status).toBe('met');
    const cut = { ...filmed, avUnexplainedGaps: 2 };
    const finding = statusOf(facts({ records: [cut] }), 'av-continuity');
    expect(finding.status).toBe('broken');
    expect(finding.broken[0]!.message).toContain('2 处中断');
    expect(statusOf(facts({ records: [cut] }), 'av-or-reason').status).toBe('met');
    // Clips filed to the stage without naming a record are checked too.
    const loose = facts({ records: [filmed], unlinkedAvGaps: [{ stage: 'investigation', count: 1 }] });
    expect(statusOf(loose, 'av-continuity').broken[0]!.message).toContain('未关联文字记录的音像记录有 1 处中断');
  });

  it('a signature neither given nor refused (PROC-7)', () => {
    expect(statusOf(facts({ records: [{ ...questioned, partySignature: 'pending' }] }), 'party-signature').status).toBe(
      'missing',
    );
    expect(statusOf(facts({ records: [{ ...questioned, partySignature: 'refused' }] }), 'party-signature').status).toBe(
      'met',
    );
  });

  it('credentials shown and rights told (行政处罚法 第五十五条, PROC-6)', () => {
    const hidden = { ...questioned, officers: [officer('王明'), officer('李华', { isCredentialShown: false })] };
    expect(statusOf(facts({ records: [hidden] }), 'credentials-shown').status).toBe('broken');
    expect(statusOf(facts({ records: [{ ...questioned, content: {} }] }), 'rights-notified').status).toBe('missing');
    expect(statusOf(facts({ records: [questioned] }), 'rights-notified').status).toBe('met');
  });

  it('required records of each visited stage, and the evidence needed before leaving the investigation', () => {
    const finding = statusOf(facts({ records: [] }), 'stage-records');
    expect(finding.status).toBe('missing');
    expect(finding.missing.map((m) => m.message)).toEqual(['缺少立案审批表', '缺少至少一份调查取证记录']);
    expect(
      statusOf(facts({ records: [record('filing_approval', 'filing'), questioned] }), 'stage-records').status,
    ).toBe('met');
  });

  it('legal review and collective discussion only for major cases (行政处罚法 第五十七条, 第五十八条)', () => {
    const review = facts({
      stage: 'review',
      visitedStages: ['review'],
      records: [record('decision_draft', 'review'), record('sign_off', 'review')],
    });
    expect(statusOf(review, 'stage-records').status).toBe('met');
    const major = { ...review, isMajorCase: true };
    expect(statusOf(major, 'stage-records').missing.map((m) => m.kind)).toEqual([
      'legal_review_opinion',
      'collective_discussion_record',
    ]);
    expect(isMajorCase([{ content: { isMajorCase: true } }])).toBe(true);
  });

  it('approvals pending or returned (REVIEW-6)', () => {
    expect(
      statusOf(facts({ records: [record('filing_approval', 'filing', { approval: 'pending' })] }), 'approvals-complete')
        .status,
    ).toBe('missing');
    expect(
      statusOf(
        facts({ records: [record('filing_approval', 'filing', { approval: 'returned' })] }),
        'approvals-complete',
      ).status,
    ).toBe('broken');
  });

  it('no decision before the advance notice is served and the statement period has run (行政处罚法 第四十四条)', () => {
    const notice = record('advance_notice', 'notification');
    const base = { stage: 'notification', visitedStages: ['notification'] };
    expect(statusOf(facts({ ...base, records: [notice] }), 'statement-period').missing[0]!.message).toContain(
      '尚未送达',
    );
    const receipt = record('service_receipt', 'notification', {
      content: { documentKind: 'advance_notice', method: 'direct', servedOn: '2026-11-18' },
    });
    // Served Wednesday 18th: three working days run to Monday 23rd; on the 20th the period is still open.
    const open = statusOf(facts({ ...base, records: [notice, receipt] }), 'statement-period');
    expect(open.status).toBe('missing');
    expect(open.missing[0]!.message).toContain('2026-11-23');
    expect(
      statusOf(facts({ ...base, today: '2026-11-24', records: [notice, receipt] }), 'statement-period').status,
    ).toBe('met');
    const stated = record('statement_defence_record', 'notification');
    expect(statusOf(facts({ ...base, records: [notice, receipt, stated] }), 'statement-period').status).toBe('met');
  });

  it('hearing notice at least seven working days ahead, as a warning (行政处罚法 第六十四条)', () => {
    const notice = (hearingAt: string) =>
      record('hearing_notice', 'notification', {
        recordedOn: '2026-11-02',
        content: { hearingAt, rightsNotified: ['recusal'] },
      });
    const base = { stage: 'notification', visitedStages: ['notification'] };
    expect(
      statusOf(facts({ ...base, records: [notice('2026-11-06T09:00:00+08:00')] }), 'hearing-notice-lead-time').status,
    ).toBe('broken');
    expect(
      statusOf(facts({ ...base, records: [notice('2026-11-12T09:00:00+08:00')] }), 'hearing-notice-lead-time').status,
    ).toBe('met');
    expect(
      statusOf(facts({ ...base, records: [notice('2026-11-06T09:00:00+08:00')] }), 'hearing-notice-lead-time').severity,
    ).toBe('warning');
  });
});

describe('citations of shared rules (SUP-2)', () => {
  const licensing = procedureDefinitionFor({ type: 'licensing', variant: 'national', date: '2026-11-20' });
  const sources = (definition: CaseFacts['definition'], ruleId: string) =>
    evaluateCompliance(facts({ definition }))
      .find((f) => f.ruleId === ruleId)!
      .citations.map((c) => c.source);

  it('cites, for each case, only the sources that govern its procedure', () => {
    expect(sources(PENALTY_PROCEDURE, 'stage-records')).toContain('行政处罚法');
    expect(sources(licensing, 'stage-records')).not.toContain('行政处罚法');
    expect(sources(licensing, 'credentials-shown')).toEqual(['S1']);
    expect(sources(PENALTY_PROCEDURE, 'credentials-shown')).toEqual(['行政处罚法', 'S4']);
  });
});

describe('transitions (PROC-1)', () => {
  it('refuses a transition that is not defined, naming the allowed ones', () => {
    expect(codeOf(() => checkTransition(facts({}), 'decision'))).toEqual({
      code: 'TRANSITION_NOT_ALLOWED',
      details: { from: 'investigation', to: 'decision', allowed: ['report'] },
    });
  });

  it('blocks leaving a stage while a blocking rule is missing or broken, and lets it go when met', () => {
    const blocked = codeOf(() => checkTransition(facts({ records: [record('filing_approval', 'filing')] }), 'report'));
    expect(blocked?.code).toBe('TRANSITION_BLOCKED');
    expect((blocked?.details as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).toEqual([
      'stage-records',
    ]);
    const questioned = record('questioning_record', 'investigation', { avEvidenceCount: 1 });
    expect(checkTransition(facts({ records: [record('filing_approval', 'filing'), questioned] }), 'report').to).toBe(
      'report',
    );
    expect(
      blockingFindings(evaluateCompliance(facts({ records: [record('filing_approval', 'filing'), questioned] }))),
    ).toEqual([]);
  });

  it('refuses a record for the wrong stage and any record in a closed case', () => {
    expect(codeOf(() => assertRecordAllowed(PENALTY_PROCEDURE, 'filing', 'penalty_decision'))?.code).toBe(
      'RECORD_NOT_FOR_STAGE',
    );
    expect(codeOf(() => assertRecordAllowed(PENALTY_PROCEDURE, 'archived', 'performance_record'))?.code).toBe(
      'CASE_CLOSED',
    );
    expect(() => assertRecordAllowed(PENALTY_PROCEDURE, 'investigation', 'questioning_record')).not.toThrow();
  });
});
