import { describe, expect, it } from 'vitest';
import { officialCalendarRows } from '../calendar/official-calendar';
import { buildCalendar } from '../calendar/work-calendar';
import { computeDeadline } from './compute-deadline';
import { DEADLINE_RULES, avUploadRule } from './deadline-rules';
import { deadlineStatus } from './deadline-status';
import { evaluateDeadline } from './evaluate-deadline';

const calendar = buildCalendar(officialCalendarRows([2025, 2026]));
const china = (local: string): Date => new Date(`${local}+08:00`);

describe('deadline status for a working-day rule (PROC-8)', () => {
  // Decision made Monday 2026-03-02: serve within 7 working days, by Wednesday 2026-03-11; warn 2 working days ahead.
  const due = computeDeadline({ rule: DEADLINE_RULES['penalty.decision_service'], start: '2026-03-02', calendar });
  const open = (now: string) =>
    deadlineStatus({ due, now: china(now), warnBeforeDays: 2, isSatisfied: false, calendar });

  it('PROC-8: open, then due soon 2 working days ahead, then overdue after the due date in China time', () => {
    expect(due.dueDate).toBe('2026-03-11');
    expect(open('2026-03-03T09:00:00')).toBe('open');
    expect(open('2026-03-06T17:00:00')).toBe('open');
    expect(open('2026-03-08T12:00:00')).toBe('open');
    expect(open('2026-03-09T00:00:00')).toBe('due_soon');
    expect(open('2026-03-11T23:59:59')).toBe('due_soon');
    expect(open('2026-03-12T00:00:00')).toBe('overdue');
  });

  it('PROC-8: met when served any time on the due date, met late from the next China day', () => {
    const at = (satisfiedAt: string) =>
      deadlineStatus({
        due,
        now: china('2026-03-20T09:00:00'),
        warnBeforeDays: 2,
        isSatisfied: true,
        satisfiedAt: china(satisfiedAt),
        calendar,
      });
    expect(at('2026-03-05T10:00:00')).toBe('met');
    expect(at('2026-03-11T23:59:59')).toBe('met');
    expect(at('2026-03-12T00:00:01')).toBe('met_late');
  });

  it('PROC-8: the warning window counts working days, so it opens before a holiday, not on it', () => {
    // 7 working days from 2026-09-30 end 2026-10-15; 2 working days before that is 2026-10-13.
    const national = computeDeadline({
      rule: DEADLINE_RULES['penalty.decision_service'],
      start: '2026-09-30',
      calendar,
    });
    const status = (now: string) =>
      deadlineStatus({ due: national, now: china(now), warnBeforeDays: 2, isSatisfied: false, calendar });
    expect(status('2026-10-12T10:00:00')).toBe('open');
    expect(status('2026-10-13T08:00:00')).toBe('due_soon');
    // Due 2026-10-12, 4 working days' warning: the window opens on 2026-09-30, before the 7-day holiday, not on 10-08.
    const afterHoliday = computeDeadline({
      rule: DEADLINE_RULES['penalty.hearing_request'],
      start: '2026-09-29',
      calendar,
    });
    expect(afterHoliday.dueDate).toBe('2026-10-12');
    const early = (now: string) =>
      deadlineStatus({ due: afterHoliday, now: china(now), warnBeforeDays: 4, isSatisfied: false, calendar });
    expect(early('2026-09-29T12:00:00')).toBe('open');
    expect(early('2026-09-30T12:00:00')).toBe('due_soon');
    expect(early('2026-10-03T12:00:00')).toBe('due_soon');
  });

  it('PROC-8: warnBeforeDays 0 warns on the due date itself; a negative window is refused', () => {
    expect(
      deadlineStatus({ due, now: china('2026-03-10T12:00:00'), warnBeforeDays: 0, isSatisfied: false, calendar }),
    ).toBe('open');
    expect(
      deadlineStatus({ due, now: china('2026-03-11T08:00:00'), warnBeforeDays: 0, isSatisfied: false, calendar }),
    ).toBe('due_soon');
    expect(() =>
      deadlineStatus({ due, now: china('2026-03-11T08:00:00'), warnBeforeDays: -1, isSatisfied: false, calendar }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('deadline status for an instant rule (AV-6)', () => {
  const due = computeDeadline({ rule: DEADLINE_RULES['av.upload'], start: china('2026-03-10T22:30:00'), calendar });
  const status = (now: string) =>
    deadlineStatus({ due, now: china(now), warnBeforeDays: 0, isSatisfied: false, calendar });

  it('AV-6: open on the recording day, due soon on the due day, overdue one millisecond after 24 hours', () => {
    expect(status('2026-03-10T23:00:00')).toBe('open');
    expect(status('2026-03-11T00:00:00')).toBe('due_soon');
    expect(status('2026-03-11T22:30:00')).toBe('due_soon');
    expect(status('2026-03-11T22:30:00.001')).toBe('overdue');
  });

  it('AV-6: an upload at the 24th hour is on time; a minute later it is flagged late', () => {
    const uploaded = (at: string) =>
      deadlineStatus({
        due,
        now: china('2026-03-12T09:00:00'),
        warnBeforeDays: 0,
        isSatisfied: true,
        satisfiedAt: china(at),
        calendar,
      });
    expect(uploaded('2026-03-11T22:30:00')).toBe('met');
    expect(uploaded('2026-03-11T22:31:00')).toBe('met_late');
  });

  it('AV-6: end of the working day: a Friday recording is late once Friday is over, despite the make-up Saturday', () => {
    const friday = computeDeadline({
      rule: avUploadRule('by_end_of_working_day'),
      start: china('2026-05-08T18:00:00'),
      calendar,
    });
    const at = (now: string) =>
      deadlineStatus({ due: friday, now: china(now), warnBeforeDays: 0, isSatisfied: false, calendar });
    expect(at('2026-05-08T18:05:00')).toBe('due_soon');
    expect(at('2026-05-09T00:00:00')).toBe('overdue');
  });
});

describe('deadline status for an earliest rule (PROC-8)', () => {
  // 行政强制法 第五十四条: demand notice served 2026-09-30, court application allowed from 2026-10-21.
  const due = computeDeadline({
    rule: DEADLINE_RULES['compulsion.court_application_not_before'],
    start: '2026-09-30',
    calendar,
  });

  it('PROC-8: not yet until the first allowed date, then open', () => {
    const status = (now: string) =>
      deadlineStatus({ due, now: china(now), warnBeforeDays: 0, isSatisfied: false, calendar });
    expect(status('2026-10-09T10:00:00')).toBe('not_yet');
    expect(status('2026-10-20T23:59:59')).toBe('not_yet');
    expect(status('2026-10-21T00:00:00')).toBe('open');
    expect(status('2027-03-01T00:00:00')).toBe('open');
  });

  it('PROC-8: an application filed within the 10 working days is premature; from the allowed date it is met', () => {
    const filed = (at: string) =>
      deadlineStatus({
        due,
        now: china('2026-11-01T09:00:00'),
        warnBeforeDays: 0,
        isSatisfied: true,
        satisfiedAt: china(at),
        calendar,
      });
    expect(filed('2026-10-20T16:00:00')).toBe('premature');
    expect(filed('2026-10-21T09:00:00')).toBe('met');
  });

  it('PROC-8: the court application window: 第五十四条 earliest bound, 第五十三条 latest bound', () => {
    const latest = evaluateDeadline({
      rule: DEADLINE_RULES['compulsion.court_application'],
      start: '2026-07-01',
      calendar,
      now: china('2026-10-09T09:00:00'),
      isSatisfied: false,
    });
    const earliest = evaluateDeadline({
      rule: DEADLINE_RULES['compulsion.court_application_not_before'],
      start: '2026-09-30',
      calendar,
      now: china('2026-10-09T09:00:00'),
      isSatisfied: false,
    });
    // Three months from 2026-07-01 end on National Day and move to 2026-10-08, before the demand notice's 10 days run.
    expect(latest).toMatchObject({ dueDate: '2026-10-08', status: 'overdue' });
    expect(earliest).toMatchObject({ dueDate: '2026-10-21', status: 'not_yet' });
  });
});

describe('evaluateDeadline (PROC-8, REVIEW-4, ARCH-1)', () => {
  it("REVIEW-4: uses the rule's own warning window", () => {
    const review = (now: string) =>
      evaluateDeadline({
        rule: DEADLINE_RULES['legal_review.completion'],
        start: '2026-09-24',
        calendar,
        now: china(now),
        isSatisfied: false,
      }).status;
    expect(review('2026-10-12T09:00:00')).toBe('open');
    expect(review('2026-10-13T09:00:00')).toBe('due_soon');
    expect(review('2026-10-16T09:00:00')).toBe('overdue');
  });

  it('ARCH-1: a case archived on the 30th day is met, and the flag for an uncovered year carries through', () => {
    const archived = evaluateDeadline({
      rule: DEADLINE_RULES['archive.filing'],
      start: '2026-08-21',
      calendar,
      now: china('2026-10-01T09:00:00'),
      isSatisfied: true,
      satisfiedAt: china('2026-09-20T16:00:00'),
    });
    expect(archived).toMatchObject({ dueDate: '2026-09-20', status: 'met', isCalendarCovered: true });
    const uncovered = evaluateDeadline({
      rule: DEADLINE_RULES['archive.filing'],
      start: '2026-12-20',
      calendar,
      now: china('2026-12-21T09:00:00'),
      isSatisfied: false,
    });
    expect(uncovered).toMatchObject({ status: 'open', isCalendarCovered: false, uncoveredYears: [2027] });
  });
});
