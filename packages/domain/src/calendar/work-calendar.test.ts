import { describe, expect, it } from 'vitest';
import { datesOfYear } from './iso-date';
import { officialCalendarRows } from './official-calendar';
import {
  CalendarYearNotCoveredError,
  buildCalendar,
  draftCalendarRows,
  isCalendarYearCovered,
  isWorkingDay,
  lookupDay,
  mergeCalendarRows,
  validateCalendarRows,
  type CalendarDay,
} from './work-calendar';
import { addWorkingDays, workingDayOnOrAfter, workingDaysBetween } from './working-days';

const calendar = buildCalendar(officialCalendarRows([2025, 2026]));

describe('work calendar (PROC-8)', () => {
  it('PROC-8: covers exactly the years it holds complete rows for', () => {
    expect(calendar.coveredYears).toEqual([2025, 2026]);
    expect(calendar.days.size).toBe(730);
    expect(isCalendarYearCovered(calendar, 2026)).toBe(true);
    expect(isCalendarYearCovered(calendar, 2027)).toBe(false);
  });

  it('PROC-8: a lookup outside the covered years says so and offers only a weekday guess', () => {
    expect(lookupDay(calendar, '2026-10-10')).toEqual({
      isCovered: true,
      date: '2026-10-10',
      isWorkingDay: true,
      name: '国庆节补班',
      source: 'official',
    });
    const outside = lookupDay(calendar, '2027-02-10');
    expect(outside).toEqual({ isCovered: false, date: '2027-02-10', year: 2027, isWeekday: true });
    // @ts-expect-error a caller has to narrow on isCovered before it can read isWorkingDay
    expect(outside.isWorkingDay).toBeUndefined();
  });

  it('PROC-8: isWorkingDay answers for covered years and throws for the others instead of guessing', () => {
    expect(isWorkingDay(calendar, '2026-02-14')).toBe(true);
    expect(isWorkingDay(calendar, '2026-02-16')).toBe(false);
    expect(isWorkingDay(calendar, '2025-10-06')).toBe(false);
    expect(() => isWorkingDay(calendar, '2027-01-04')).toThrow(CalendarYearNotCoveredError);
    expect(() => isWorkingDay(calendar, '2027-01-04')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', years: [2027] }),
    );
    expect(() => isWorkingDay(calendar, '2026-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('PROC-8: refuses incomplete years, duplicates, bad dates and bad names', () => {
    const year = officialCalendarRows([2026]);
    const missingOne = year.filter((row) => row.date !== '2026-07-01');
    expect(validateCalendarRows(missingOne)).toEqual([
      { type: 'incomplete_year', year: 2026, missingDates: ['2026-07-01'] },
    ]);
    expect(() => buildCalendar(missingOne)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    const first = year[0] as CalendarDay;
    expect(validateCalendarRows([...year, first])).toEqual([{ type: 'duplicate_date', date: '2026-01-01' }]);
    expect(validateCalendarRows([...year, { ...first, date: '2026-02-29' }])).toEqual([
      { type: 'invalid_date', date: '2026-02-29' },
    ]);
    const renamed = year.map((row) => (row.date === '2026-03-02' ? { ...row, name: '  ' } : row));
    expect(validateCalendarRows(renamed)).toEqual([{ type: 'invalid_name', date: '2026-03-02' }]);
    expect(validateCalendarRows(year)).toEqual([]);
    expect(buildCalendar([]).coveredYears).toEqual([]);
  });

  it('PROC-8: an administrator drafts a new year from weekdays, marks its holidays and adds it', () => {
    const draft = draftCalendarRows(2027);
    expect(draft).toHaveLength(365);
    expect(draft.map((row) => row.date)).toEqual(datesOfYear(2027));
    expect(draft.every((row) => row.source === 'admin')).toBe(true);
    expect(draft.filter((row) => row.isWorkingDay)).toHaveLength(261);
    const edited = draft.map((row) =>
      row.date === '2027-01-01' ? { ...row, isWorkingDay: false, name: '元旦' } : row,
    );
    const extended = mergeCalendarRows(calendar, edited);
    expect(extended.coveredYears).toEqual([2025, 2026, 2027]);
    expect(lookupDay(extended, '2027-01-01')).toMatchObject({ isCovered: true, isWorkingDay: false, name: '元旦' });
    expect(isWorkingDay(extended, '2027-01-04')).toBe(true);
    expect(calendar.coveredYears).toEqual([2025, 2026]);
  });

  it('PROC-8: an administrator corrects one official day by replacing its year', () => {
    const corrected = officialCalendarRows([2026]).map((row): CalendarDay =>
      row.date === '2026-12-31' ? { ...row, isWorkingDay: false, name: '本地休假', source: 'admin' } : row,
    );
    const local = mergeCalendarRows(calendar, corrected);
    expect(lookupDay(local, '2026-12-31')).toMatchObject({ isCovered: true, isWorkingDay: false, source: 'admin' });
    expect(local.days.size).toBe(730);
  });
});

describe('working-day walks (PROC-8)', () => {
  it('PROC-8: counts working days after the start day, across the Spring Festival and its make-up Saturdays', () => {
    // 02-13 Fri, 02-14 Sat 补班, [02-15..02-23 春节], 02-24..02-27, 02-28 Sat 补班
    expect(addWorkingDays(calendar, '2026-02-12', 7)).toEqual({ date: '2026-02-28', uncoveredYears: [] });
    expect(addWorkingDays(calendar, '2026-02-12', 2).date).toBe('2026-02-14');
    expect(addWorkingDays(calendar, '2026-02-12', 3).date).toBe('2026-02-24');
  });

  it('PROC-8: counts across National Day: 5 working days from 2026-09-30 is 2026-10-13', () => {
    expect(addWorkingDays(calendar, '2026-09-30', 5).date).toBe('2026-10-13');
    expect(addWorkingDays(calendar, '2026-10-13', -5).date).toBe('2026-09-30');
  });

  it('PROC-8: never counts the start day, even when it is a working day or a holiday', () => {
    expect(addWorkingDays(calendar, '2026-03-02', 1).date).toBe('2026-03-03');
    expect(addWorkingDays(calendar, '2026-10-01', 1).date).toBe('2026-10-08');
    expect(addWorkingDays(calendar, '2026-03-02', 0).date).toBe('2026-03-02');
  });

  it('PROC-8: rolls a rest day or holiday to the next working day, and keeps a make-up day', () => {
    expect(workingDayOnOrAfter(calendar, '2026-10-01').date).toBe('2026-10-08');
    expect(workingDayOnOrAfter(calendar, '2026-09-20').date).toBe('2026-09-20');
    expect(workingDayOnOrAfter(calendar, '2026-03-07').date).toBe('2026-03-09');
  });

  it('PROC-8: counts working days in (from, to]', () => {
    expect(workingDaysBetween(calendar, '2026-09-30', '2026-10-13')).toEqual({ count: 5, uncoveredYears: [] });
    expect(workingDaysBetween(calendar, '2026-10-13', '2026-09-30').count).toBe(-5);
    expect(workingDaysBetween(calendar, '2025-12-31', '2026-12-31').count).toBe(248);
  });

  it('PROC-8: a walk into an uncovered year reports the year it had to guess', () => {
    expect(addWorkingDays(calendar, '2026-12-29', 5)).toEqual({ date: '2027-01-05', uncoveredYears: [2027] });
    expect(workingDayOnOrAfter(calendar, '2027-02-13')).toEqual({ date: '2027-02-15', uncoveredYears: [2027] });
    expect(addWorkingDays(calendar, '2025-01-03', -3)).toEqual({ date: '2024-12-30', uncoveredYears: [2024] });
  });
});
