import { describe, expect, it } from 'vitest';
import { cite, formatCitation } from '../procedures/citation';
import {
  AV_UPLOAD_PRESETS,
  AV_UPLOAD_PRESET_IDS,
  DEADLINE_RULES,
  DEADLINE_RULE_IDS,
  agencyDeadlineRules,
  avUploadRule,
  deadlineRulesFor,
  describeDeadlineCount,
  deadlineRulesStartedBy,
  isDeadlineRuleId,
  type DeadlineRule,
} from './deadline-rules';
import { TRIGGER_EVENTS, TRIGGER_EVENT_NAMES, isTriggerEvent } from './trigger-events';

const rules: DeadlineRule[] = DEADLINE_RULE_IDS.map((id) => DEADLINE_RULES[id]);
const cited = (rule: DeadlineRule): string[] => rule.citations.map(formatCitation);

describe('deadline catalogue (PROC-8)', () => {
  it('PROC-8: every rule is filed under its own id, named in Chinese and cites at least one article', () => {
    expect(Object.keys(DEADLINE_RULES).sort()).toEqual([...DEADLINE_RULE_IDS].sort());
    for (const rule of rules) {
      expect(DEADLINE_RULES[rule.id]).toBe(rule);
      expect(rule.name).toMatch(/\p{Script=Han}/u);
      expect(rule.citations.length).toBeGreaterThan(0);
      expect(Number.isSafeInteger(rule.count.amount) && rule.count.amount > 0).toBe(true);
      expect(rule.warnBeforeDays).toBeGreaterThanOrEqual(0);
      expect(rule.procedures.length).toBeGreaterThan(0);
      expect(isTriggerEvent(rule.startsAt)).toBe(true);
      if (rule.endsWith !== null) expect(isTriggerEvent(rule.endsWith)).toBe(true);
    }
    expect(isDeadlineRuleId('penalty.decision')).toBe(true);
    expect(isDeadlineRuleId('penalty.nothing')).toBe(false);
  });

  it('PROC-8: each period counted in days or months cites the counting rule that applies to it', () => {
    for (const rule of rules) {
      const sources = cited(rule);
      if (rule.count.mode === 'calendar_days' || rule.count.mode === 'months') {
        expect(sources).toContain('《民事诉讼法》第八十五条');
      }
      if (rule.count.mode === 'working_days' && rule.citations.some((c) => c.source === '行政处罚法')) {
        expect(sources).toContain('《行政处罚法》第八十五条');
      }
      if (rule.count.mode === 'working_days' && rule.citations.some((c) => c.source === '行政许可法')) {
        expect(sources).toContain('《行政许可法》第八十二条');
      }
      if (rule.count.mode === 'working_days' && rule.citations.some((c) => c.source === '行政强制法')) {
        expect(sources).toContain('《行政强制法》第六十九条');
      }
    }
  });

  it('PROC-8: the 行政处罚法 periods, with their articles and counting modes', () => {
    const expectations: [DeadlineRule, string, string, number][] = [
      [DEADLINE_RULES['penalty.decision'], '第六十条', 'calendar_days', 90],
      [DEADLINE_RULES['penalty.decision_service'], '第六十一条', 'working_days', 7],
      [DEADLINE_RULES['penalty.hearing_request'], '第六十四条', 'working_days', 5],
      [DEADLINE_RULES['penalty.hearing_notice'], '第六十四条', 'working_days', 7],
      [DEADLINE_RULES['penalty.preserved_evidence_decision'], '第五十六条', 'working_days', 7],
      [DEADLINE_RULES['penalty.fine_payment'], '第六十七条', 'calendar_days', 15],
      [DEADLINE_RULES['penalty.on_the_spot_fine_handover'], '第七十一条', 'working_days', 2],
      [DEADLINE_RULES['penalty.publication_withdrawal'], '第四十八条', 'working_days', 3],
    ];
    for (const [rule, article, mode, amount] of expectations) {
      expect(rule.citations[0]).toEqual(cite('行政处罚法', article));
      expect(rule.count).toEqual({ mode, amount });
    }
    expect(DEADLINE_RULES['penalty.decision']).toMatchObject({ startsAt: 'case.filed', endsWith: 'decision.made' });
    expect(DEADLINE_RULES['penalty.hearing_notice']).toMatchObject({ direction: 'before', startsAt: 'hearing.held' });
  });

  it('PROC-8: 行政强制法: seizure 30 + 30 days, court application within 3 months, not before 10 working days', () => {
    expect(DEADLINE_RULES['compulsion.seizure_period']).toMatchObject({
      citations: [cite('行政强制法', '第二十五条'), cite('民事诉讼法', '第八十五条')],
      count: { mode: 'calendar_days', amount: 30 },
      extension: { byAmount: 30, maxTimes: 1, approverRole: 'agency_head' },
    });
    expect(DEADLINE_RULES['compulsion.court_application']).toMatchObject({
      kind: 'latest',
      citations: [cite('行政强制法', '第五十三条'), cite('民事诉讼法', '第八十五条')],
      count: { mode: 'months', amount: 3 },
      endsWith: 'court_application.filed',
    });
    expect(DEADLINE_RULES['compulsion.court_application_not_before']).toMatchObject({
      kind: 'earliest',
      citations: [cite('行政强制法', '第五十四条'), cite('行政强制法', '第六十九条')],
      count: { mode: 'working_days', amount: 10 },
      startsAt: 'demand_notice.served',
      endsWith: 'court_application.filed',
    });
    expect(DEADLINE_RULES['compulsion.emergency_approval'].count).toEqual({ mode: 'hours', amount: 24 });
  });

  it('PROC-8: the 行政许可法 periods are all working days (第八十二条)', () => {
    const licensing = rules.filter((rule) => rule.citations.some((c) => c.source === '行政许可法'));
    expect(licensing.map((rule) => rule.id)).toEqual([
      'licensing.missing_materials_notice',
      'licensing.decision',
      'licensing.certificate_issue',
      'licensing.hearing_request',
      'licensing.hearing_organisation',
      'licensing.hearing_notice',
    ]);
    for (const rule of licensing) expect(rule.count.mode).toBe('working_days');
    expect(DEADLINE_RULES['licensing.missing_materials_notice'].count.amount).toBe(5);
    expect(DEADLINE_RULES['licensing.decision']).toMatchObject({
      citations: [cite('行政许可法', '第四十二条'), cite('行政许可法', '第八十二条')],
      count: { amount: 20 },
      extension: { byAmount: 10, maxTimes: 1 },
    });
    expect(DEADLINE_RULES['licensing.certificate_issue'].citations[0]).toEqual(cite('行政许可法', '第四十四条'));
  });

  it('REVIEW-4: legal review within 10 working days (S3 附件3), extended only with the deputy head’s approval', () => {
    expect(DEADLINE_RULES['legal_review.completion']).toMatchObject({
      citations: [cite('S3', '附件3 第五条')],
      count: { mode: 'working_days', amount: 10 },
      startsAt: 'legal_review.submitted',
      endsWith: 'legal_review.completed',
      extension: { approverRole: 'agency_head', approverTitle: '分管局领导', maxTimes: 1 },
    });
  });

  it('ARCH-1: archive within 30 days after the act ends (S1 第二十九条, S4 第三十三条), in every procedure', () => {
    expect(DEADLINE_RULES['archive.filing']).toMatchObject({
      citations: [cite('S1', '第二十九条'), cite('S4', '第三十三条'), cite('民事诉讼法', '第八十五条')],
      count: { mode: 'calendar_days', amount: 30 },
      startsAt: 'act.ended',
      endsWith: 'case_file.archived',
      procedures: ['penalty', 'inspection', 'compulsion', 'licensing'],
    });
  });

  it('every trigger event has a Chinese name', () => {
    expect(TRIGGER_EVENTS.length).toBe(Object.keys(TRIGGER_EVENT_NAMES).length);
    for (const event of TRIGGER_EVENTS) {
      expect(event).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(TRIGGER_EVENT_NAMES[event]).toMatch(/\p{Script=Han}/u);
    }
    expect(isTriggerEvent('toString')).toBe(false);
  });
});

describe('AV upload limit per agency (AV-6)', () => {
  it('AV-6: three presets, each with the seed that sets it; 24 hours by default', () => {
    expect(AV_UPLOAD_PRESET_IDS).toEqual(['within_24_hours', 'within_2_working_days', 'by_end_of_working_day']);
    expect(AV_UPLOAD_PRESETS.within_24_hours.count).toEqual({ mode: 'hours', amount: 24 });
    expect(AV_UPLOAD_PRESETS.within_24_hours.citations).toEqual(
      expect.arrayContaining([cite('S2', '第十八条'), cite('S4', '第三十三条')]),
    );
    expect(avUploadRule('within_2_working_days')).toMatchObject({
      id: 'av.upload',
      count: { mode: 'working_days', amount: 2 },
      citations: [cite('S1', '第二十九条')],
      startsAt: 'av.recorded',
      endsWith: 'av.stored',
    });
    expect(avUploadRule('by_end_of_working_day')).toMatchObject({
      count: { mode: 'end_of_working_day', amount: 1 },
      citations: [cite('S3', '附件2 第十六条')],
    });
    expect(DEADLINE_RULES['av.upload'].count).toEqual({ mode: 'hours', amount: 24 });
  });

  it("AV-6: an agency's catalogue carries its chosen limit and leaves the others alone", () => {
    const agency = agencyDeadlineRules({ avUpload: 'by_end_of_working_day' });
    expect(agency['av.upload'].count.mode).toBe('end_of_working_day');
    expect(agency['penalty.decision']).toBe(DEADLINE_RULES['penalty.decision']);
    expect(DEADLINE_RULES['av.upload'].count.mode).toBe('hours');
    const started = deadlineRulesStartedBy('av.recorded', { avUpload: 'within_2_working_days' });
    expect(started.map((rule) => [rule.id, rule.count.mode])).toEqual([['av.upload', 'working_days']]);
  });
});

describe('counts in Chinese (PROC-8)', () => {
  it('PROC-8: describes every counting mode for the deadline panel', () => {
    expect(describeDeadlineCount(DEADLINE_RULES['penalty.decision'].count)).toBe('90日');
    expect(describeDeadlineCount(DEADLINE_RULES['licensing.decision'].count)).toBe('20个工作日');
    expect(describeDeadlineCount(DEADLINE_RULES['compulsion.court_application'].count)).toBe('3个月');
    expect(describeDeadlineCount(DEADLINE_RULES['av.upload'].count)).toBe('24小时');
    expect(describeDeadlineCount(avUploadRule('by_end_of_working_day').count)).toBe('当日工作结束前');
  });
});

describe('rules by procedure and by start event (PROC-8)', () => {
  it('PROC-8: lists the rules of each procedure type', () => {
    expect(deadlineRulesFor('inspection').map((rule) => rule.id)).toEqual(['av.upload', 'archive.filing']);
    expect(deadlineRulesFor('penalty').map((rule) => rule.id)).toContain('penalty.decision');
    expect(deadlineRulesFor('penalty').map((rule) => rule.id)).not.toContain('licensing.decision');
    expect(deadlineRulesFor('licensing').map((rule) => rule.id)).toContain('legal_review.completion');
  });

  it('PROC-8: finds the periods an event starts', () => {
    expect(deadlineRulesStartedBy('decision.served').map((rule) => rule.id)).toEqual(['penalty.fine_payment']);
    expect(deadlineRulesStartedBy('hearing.held').map((rule) => rule.id)).toEqual([
      'penalty.hearing_notice',
      'licensing.hearing_notice',
    ]);
  });
});

describe('rules are checked by the type system (PROC-8)', () => {
  it('PROC-8: a period counted back from an event must be in working days; an earliest rule cannot end with the day', () => {
    const base = DEADLINE_RULES['penalty.hearing_notice'];
    // @ts-expect-error 'before' rules count working days only
    const before: DeadlineRule = {
      ...base,
      kind: 'latest',
      direction: 'before',
      count: { mode: 'calendar_days', amount: 7 },
    };
    // @ts-expect-error an earliest rule has no end-of-working-day form
    const earliest: DeadlineRule = {
      ...base,
      kind: 'earliest',
      direction: 'after',
      count: { mode: 'end_of_working_day', amount: 1 },
    };
    // @ts-expect-error start events are a closed list
    const unknownEvent: DeadlineRule = { ...DEADLINE_RULES['penalty.decision'], startsAt: 'case.opened' };
    expect([before, earliest, unknownEvent]).toHaveLength(3);
  });
});
