import { describe, expect, it } from 'vitest';
import { officialCalendarRows } from '../calendar/official-calendar';
import { buildCalendar } from '../calendar/work-calendar';
import { addWorkingDays } from '../calendar/working-days';
import {
  LEGAL_REVIEW_PERIOD,
  REVIEW_EXTENSION,
  extensionProblems,
  reviewDueOn,
  reviewTimeliness,
  type WorkingDayAdder,
} from './review-deadline';

const calendar = buildCalendar(officialCalendarRows([2025]));
const addOfficialWorkingDays: WorkingDayAdder = (date, days) => {
  const walk = addWorkingDays(calendar, date, days);

  return { date: walk.date, isCovered: walk.uncoveredYears.length === 0 };
};

describe('legal review deadline (REVIEW-4)', () => {
  it('REVIEW-4: ten working days, extended with the deputy head’s approval', () => {
    expect(LEGAL_REVIEW_PERIOD.workingDays).toBe(10);
    expect(REVIEW_EXTENSION.approverRole).toBe('deputy_head');
  });

  it('REVIEW-4: due 10 working days after submission, across National Day and its make-up days', () => {
    // 2025-09-28 (Sun) and 2025-10-11 (Sat) are make-up working days; 1–8 October are the holiday.
    expect(
      reviewDueOn({ submittedOn: '2025-09-26', extensionsWorkingDays: [], addWorkingDays: addOfficialWorkingDays }),
    ).toEqual({ date: '2025-10-16', isCovered: true });
  });

  it('REVIEW-4: approved extensions add their working days', () => {
    expect(
      reviewDueOn({ submittedOn: '2025-09-26', extensionsWorkingDays: [5, 3], addWorkingDays: addOfficialWorkingDays }),
    ).toEqual({ date: '2025-10-28', isCovered: true });
  });

  it('REVIEW-4: says when it had to guess beyond the calendar', () => {
    expect(
      reviewDueOn({ submittedOn: '2025-12-24', extensionsWorkingDays: [], addWorkingDays: addOfficialWorkingDays }),
    ).toMatchObject({ isCovered: false });
  });

  it('REVIEW-4: an extension is 1 to 10 whole working days with a reason', () => {
    expect(extensionProblems({ workingDays: 10, reason: '案情复杂，需补充鉴定' })).toEqual([]);
    expect(extensionProblems({ workingDays: 11, reason: ' ' })).toEqual([
      { field: 'workingDays', code: 'VALIDATION_FAILED' },
      { field: 'reason', code: 'VALIDATION_FAILED' },
    ]);
    expect(extensionProblems({ workingDays: 0, reason: '理由' })).toHaveLength(1);
    expect(extensionProblems({ workingDays: 2.5, reason: '理由' })).toHaveLength(1);
    expect(extensionProblems({ workingDays: 3, reason: 'x'.repeat(1001) })).toHaveLength(1);
  });

  it('REVIEW-4: timeliness before, near, after the due date and once decided', () => {
    const dueOn = '2025-10-16';
    expect(reviewTimeliness({ dueOn, today: '2025-10-13', decidedOn: null })).toBe('on_time');
    expect(reviewTimeliness({ dueOn, today: '2025-10-14', decidedOn: null })).toBe('due_soon');
    expect(reviewTimeliness({ dueOn, today: '2025-10-16', decidedOn: null })).toBe('due_soon');
    expect(reviewTimeliness({ dueOn, today: '2025-10-17', decidedOn: null })).toBe('overdue');
    expect(reviewTimeliness({ dueOn, today: '2025-10-20', decidedOn: '2025-10-16' })).toBe('on_time');
    expect(reviewTimeliness({ dueOn, today: '2025-10-20', decidedOn: '2025-10-17' })).toBe('decided_late');
  });
});
