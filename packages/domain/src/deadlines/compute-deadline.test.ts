import { describe, expect, it } from 'vitest';
import { officialCalendarRows } from '../calendar/official-calendar';
import { buildCalendar } from '../calendar/work-calendar';
import { computeDeadline } from './compute-deadline';
import { DEADLINE_RULES, avUploadRule } from './deadline-rules';

const calendar = buildCalendar(officialCalendarRows([2025, 2026]));
const china = (local: string): Date => new Date(`${local}+08:00`);

describe('working-day periods (PROC-8)', () => {
  it('PROC-8: 行政处罚法 第五十六条: 7 working days from 2026-02-12 cross the Spring Festival to the make-up Saturday', () => {
    const due = computeDeadline({
      rule: DEADLINE_RULES['penalty.preserved_evidence_decision'],
      start: '2026-02-12',
      calendar,
    });
    expect(due).toEqual({
      ruleId: 'penalty.preserved_evidence_decision',
      kind: 'latest',
      duty: 'agency',
      startDate: '2026-02-12',
      count: { mode: 'working_days', amount: 7 },
      movedFrom: null,
      isCalendarCovered: true,
      uncoveredYears: [],
      precision: 'date',
      dueDate: '2026-02-28',
      dueAt: null,
    });
  });

  it('PROC-8: 行政处罚法 第六十一条: serving the decision, 7 working days across National Day', () => {
    const due = computeDeadline({ rule: DEADLINE_RULES['penalty.decision_service'], start: '2026-09-30', calendar });
    expect(due.dueDate).toBe('2026-10-15');
  });

  it('PROC-8: 5 working days from 2026-09-30 is 2026-10-13 (hearing request, 行政处罚法 第六十四条)', () => {
    const due = computeDeadline({ rule: DEADLINE_RULES['penalty.hearing_request'], start: '2026-09-30', calendar });
    expect(due).toMatchObject({ dueDate: '2026-10-13', duty: 'party' });
  });

  it('PROC-8: 行政处罚法 第四十八条: withdrawing a published decision within 3 working days skips Labour Day', () => {
    const due = computeDeadline({
      rule: DEADLINE_RULES['penalty.publication_withdrawal'],
      start: '2026-04-30',
      calendar,
    });
    expect(due.dueDate).toBe('2026-05-08');
  });

  it('PROC-8: the start day never counts, and an instant start counts from its China date', () => {
    const rule = DEADLINE_RULES['penalty.decision_service'];
    expect(computeDeadline({ rule, start: '2026-03-02', calendar }).dueDate).toBe('2026-03-11');
    // 2026-03-01T17:00Z is Monday 2026-03-02 01:00 in China, not Sunday.
    const fromInstant = computeDeadline({ rule, start: new Date('2026-03-01T17:00:00Z'), calendar });
    expect(fromInstant).toMatchObject({ startDate: '2026-03-02', dueDate: '2026-03-11' });
  });

  it('PROC-8: 行政许可法 第三十二条: missing-materials notice within 5 working days, around the Dragon Boat Festival', () => {
    const due = computeDeadline({
      rule: DEADLINE_RULES['licensing.missing_materials_notice'],
      start: '2026-06-18',
      calendar,
    });
    expect(due.dueDate).toBe('2026-06-26');
  });

  it('PROC-8: 行政许可法 第四十二条: decide within 20 working days, 30 with the approved 10-day extension', () => {
    const rule = DEADLINE_RULES['licensing.decision'];
    expect(computeDeadline({ rule, start: '2026-04-01', calendar }).dueDate).toBe('2026-04-30');
    const extended = computeDeadline({ rule, start: '2026-04-01', calendar, extensions: [{ amount: 10 }] });
    expect(extended).toMatchObject({ dueDate: '2026-05-18', count: { mode: 'working_days', amount: 30 } });
  });

  it('PROC-8: 行政许可法 第四十四条: issue the licence within 10 working days', () => {
    const due = computeDeadline({ rule: DEADLINE_RULES['licensing.certificate_issue'], start: '2026-09-24', calendar });
    expect(due.dueDate).toBe('2026-10-15');
  });

  it('PROC-8: 行政处罚法 第六十四条: hearing notice 7 working days before the hearing, counted back over National Day', () => {
    const due = computeDeadline({ rule: DEADLINE_RULES['penalty.hearing_notice'], start: '2026-10-13', calendar });
    expect(due).toMatchObject({ kind: 'latest', startDate: '2026-10-13', dueDate: '2026-09-28' });
    const licensing = computeDeadline({
      rule: DEADLINE_RULES['licensing.hearing_notice'],
      start: '2026-10-13',
      calendar,
    });
    expect(licensing.dueDate).toBe('2026-09-28');
  });
});

describe('calendar-day and month periods (PROC-8, 民事诉讼法 第八十五条)', () => {
  it('PROC-8: 行政处罚法 第六十条: 90 days from filing; a Saturday end moves to Monday', () => {
    const due = computeDeadline({ rule: DEADLINE_RULES['penalty.decision'], start: '2026-03-01', calendar });
    expect(due).toMatchObject({ dueDate: '2026-06-01', movedFrom: '2026-05-30', isCalendarCovered: true });
  });

  it('PROC-8: 行政处罚法 第六十七条: 15 days to pay; an end on National Day moves to the first working day after it', () => {
    const due = computeDeadline({ rule: DEADLINE_RULES['penalty.fine_payment'], start: '2026-09-16', calendar });
    expect(due).toMatchObject({ dueDate: '2026-10-08', movedFrom: '2026-10-01', duty: 'party' });
  });

  it('ARCH-1: archive within 30 days after the act ends; an end on a make-up Sunday stays put', () => {
    const rule = DEADLINE_RULES['archive.filing'];
    expect(computeDeadline({ rule, start: '2026-08-21', calendar })).toMatchObject({
      dueDate: '2026-09-20',
      movedFrom: null,
    });
    expect(computeDeadline({ rule, start: '2026-04-05', calendar })).toMatchObject({
      dueDate: '2026-05-06',
      movedFrom: '2026-05-05',
    });
  });

  it('PROC-8: 行政强制法 第二十五条: seizure 30 days, 60 with the one approved extension', () => {
    const rule = DEADLINE_RULES['compulsion.seizure_period'];
    expect(computeDeadline({ rule, start: '2026-09-01', calendar })).toMatchObject({
      dueDate: '2026-10-08',
      movedFrom: '2026-10-01',
    });
    expect(computeDeadline({ rule, start: '2026-09-01', calendar, extensions: [{ amount: 30 }] })).toMatchObject({
      dueDate: '2026-11-02',
      movedFrom: '2026-10-31',
      count: { mode: 'calendar_days', amount: 60 },
    });
  });

  it('PROC-8: the 90-day rule running into 2027, which the calendar does not cover, is flagged', () => {
    const rule = DEADLINE_RULES['penalty.decision'];
    const weekday = computeDeadline({ rule, start: '2026-11-10', calendar });
    expect(weekday).toMatchObject({ dueDate: '2027-02-08', isCalendarCovered: false, uncoveredYears: [2027] });
    const weekend = computeDeadline({ rule, start: '2026-11-15', calendar });
    expect(weekend).toMatchObject({
      dueDate: '2027-02-15',
      movedFrom: '2027-02-13',
      isCalendarCovered: false,
      uncoveredYears: [2027],
    });
    expect(computeDeadline({ rule, start: '2026-10-01', calendar })).toMatchObject({
      dueDate: '2026-12-30',
      isCalendarCovered: true,
    });
  });

  it('ARCH-1: an archive deadline on 2027-01-01 is only a guess (it is 元旦 in every year) and says so', () => {
    const due = computeDeadline({ rule: DEADLINE_RULES['archive.filing'], start: '2026-12-02', calendar });
    expect(due).toMatchObject({ dueDate: '2027-01-01', isCalendarCovered: false, uncoveredYears: [2027] });
  });

  it('PROC-8: 行政强制法 第五十三条: three months from the end of the remedy periods, moved off National Day', () => {
    const rule = DEADLINE_RULES['compulsion.court_application'];
    expect(computeDeadline({ rule, start: '2026-07-01', calendar })).toMatchObject({
      kind: 'latest',
      dueDate: '2026-10-08',
      movedFrom: '2026-10-01',
    });
    // 2026-02-28 is a make-up Saturday, so a period ending on it does not move.
    expect(computeDeadline({ rule, start: '2025-11-30', calendar })).toMatchObject({
      dueDate: '2026-02-28',
      movedFrom: null,
    });
  });

  it('PROC-8: 行政强制法 第五十四条: the court may be asked only after 10 working days from serving the demand notice', () => {
    const rule = DEADLINE_RULES['compulsion.court_application_not_before'];
    const due = computeDeadline({ rule, start: '2026-09-30', calendar });
    // The 10 working days run 10-08 … 10-20; the application is allowed from the next day.
    expect(due).toMatchObject({ kind: 'earliest', dueDate: '2026-10-21', precision: 'date' });
  });
});

describe('hour and end-of-day limits (AV-6)', () => {
  it('AV-6: 24 hours from recording runs across midnight in China time', () => {
    const due = computeDeadline({ rule: DEADLINE_RULES['av.upload'], start: china('2026-03-10T22:30:00'), calendar });
    expect(due).toMatchObject({ precision: 'instant', dueDate: '2026-03-11', isCalendarCovered: true });
    expect(due.dueAt?.toISOString()).toBe('2026-03-11T14:30:00.000Z');
  });

  it('AV-6: the China date of a 24-hour deadline follows UTC+8, not UTC, and holidays do not stop the clock', () => {
    const newYear = computeDeadline({
      rule: DEADLINE_RULES['av.upload'],
      start: new Date('2026-12-31T17:00:00Z'),
      calendar,
    });
    expect(newYear).toMatchObject({ startDate: '2027-01-01', dueDate: '2027-01-02', isCalendarCovered: true });
    const holiday = computeDeadline({
      rule: DEADLINE_RULES['av.upload'],
      start: china('2026-09-30T20:00:00'),
      calendar,
    });
    expect(holiday.dueAt).toEqual(china('2026-10-01T20:00:00'));
  });

  it('AV-6: an hour limit needs the recording instant, not just a date', () => {
    expect(() => computeDeadline({ rule: DEADLINE_RULES['av.upload'], start: '2026-03-10', calendar })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: expect.objectContaining({ reason: 'DEADLINE_NEEDS_INSTANT' }),
      }),
    );
  });

  it('PROC-8: 行政强制法 第十九条: an emergency measure is reported and approved within 24 hours', () => {
    const due = computeDeadline({
      rule: DEADLINE_RULES['compulsion.emergency_approval'],
      start: china('2026-10-03T09:15:00'),
      calendar,
    });
    expect(due.dueAt).toEqual(china('2026-10-04T09:15:00'));
  });

  it('AV-6: S3 附件2 第十六条: by the end of the working day, on a Friday before a make-up Saturday', () => {
    const rule = avUploadRule('by_end_of_working_day');
    const friday = computeDeadline({ rule, start: china('2026-05-08T18:00:00'), calendar });
    expect(friday).toMatchObject({ precision: 'instant', dueDate: '2026-05-08' });
    expect(friday.dueAt?.toISOString()).toBe('2026-05-08T15:59:59.999Z');
    const lateFriday = computeDeadline({ rule, start: china('2026-05-08T23:30:00'), calendar });
    expect(lateFriday.dueAt).toEqual(china('2026-05-08T23:59:59.999'));
    // 2026-05-09 is a make-up Saturday: a recording made that day is stored that day, not on Monday.
    const makeUpSaturday = computeDeadline({ rule, start: china('2026-05-09T10:00:00'), calendar });
    expect(makeUpSaturday.dueAt).toEqual(china('2026-05-09T23:59:59.999'));
    const sunday = computeDeadline({ rule, start: china('2026-05-10T10:00:00'), calendar });
    expect(sunday.dueAt).toEqual(china('2026-05-11T23:59:59.999'));
  });

  it('AV-6: a recording on a rest day is due at the end of the next working day, even a make-up Sunday', () => {
    const rule = avUploadRule('by_end_of_working_day');
    const restSaturday = computeDeadline({ rule, start: china('2026-09-19T15:00:00'), calendar });
    expect(restSaturday.dueAt).toEqual(china('2026-09-20T23:59:59.999'));
    const holiday = computeDeadline({ rule, start: china('2026-10-01T11:00:00'), calendar });
    expect(holiday.dueAt).toEqual(china('2026-10-08T23:59:59.999'));
  });

  it('AV-6: S1 第二十九条: 2 working days, counting the make-up Saturday before the Spring Festival', () => {
    const rule = avUploadRule('within_2_working_days');
    const due = computeDeadline({ rule, start: china('2026-02-13T10:00:00'), calendar });
    expect(due).toMatchObject({ precision: 'date', dueDate: '2026-02-24', dueAt: null });
  });

  it('AV-6: an agency may set its own limit, with its own basis', () => {
    const rule = avUploadRule({
      name: '48小时内存储',
      count: { mode: 'hours', amount: 48 },
      citations: [{ source: 'S2', article: '第十八条' }],
    });
    const due = computeDeadline({ rule, start: china('2026-03-10T08:00:00'), calendar });
    expect(due.dueAt).toEqual(china('2026-03-12T08:00:00'));
  });
});

describe('legal review (REVIEW-4)', () => {
  it('REVIEW-4: 10 working days from submission, across the Mid-Autumn and National Day holidays', () => {
    const due = computeDeadline({ rule: DEADLINE_RULES['legal_review.completion'], start: '2026-09-24', calendar });
    expect(due).toMatchObject({ dueDate: '2026-10-15', isCalendarCovered: true });
  });

  it('REVIEW-4: one extension approved by the deputy head, of the length the approval states', () => {
    const rule = DEADLINE_RULES['legal_review.completion'];
    expect(rule.extension).toMatchObject({ byAmount: null, maxTimes: 1, approverTitle: '分管局领导' });
    const extended = computeDeadline({ rule, start: '2026-09-24', calendar, extensions: [{ amount: 5 }] });
    expect(extended.dueDate).toBe('2026-10-22');
    expect(() =>
      computeDeadline({ rule, start: '2026-09-24', calendar, extensions: [{ amount: 5 }, { amount: 5 }] }),
    ).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'DEADLINE_EXTENSION_LIMIT' }) }));
  });
});

describe('extensions are checked against the rule (PROC-8)', () => {
  it('PROC-8: refuses an extension the law does not allow, or one longer than it allows', () => {
    expect(() =>
      computeDeadline({
        rule: DEADLINE_RULES['penalty.decision'],
        start: '2026-03-01',
        calendar,
        extensions: [{ amount: 30 }],
      }),
    ).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'DEADLINE_NOT_EXTENSIBLE' }) }));
    expect(() =>
      computeDeadline({
        rule: DEADLINE_RULES['compulsion.seizure_period'],
        start: '2026-09-01',
        calendar,
        extensions: [{ amount: 31 }],
      }),
    ).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'DEADLINE_EXTENSION_TOO_LONG' }) }));
    expect(() =>
      computeDeadline({
        rule: DEADLINE_RULES['licensing.decision'],
        start: '2026-04-01',
        calendar,
        extensions: [{ amount: 0 }],
      }),
    ).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'DEADLINE_EXTENSION_TOO_LONG' }) }));
  });

  it('PROC-8: refuses malformed start dates', () => {
    const rule = DEADLINE_RULES['penalty.decision'];
    expect(() => computeDeadline({ rule, start: '2026-02-30', calendar })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
    expect(() => computeDeadline({ rule, start: new Date('not a date'), calendar })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});
