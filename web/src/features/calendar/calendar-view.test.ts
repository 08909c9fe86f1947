import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../api/workspace-types';
import { adjustedDates, dayKind, daysInMonth, monthWeeks, weekdayIndex, yearCounts } from './calendar-view';

const day = (date: string, isWorkingDay: boolean, name: string | null = null): CalendarDay => ({
  date,
  isWorkingDay,
  name,
  source: 'official',
  updatedBy: null,
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('dayKind', () => {
  it('tells working days, weekends, holidays and make-up days apart', () => {
    expect(dayKind('2026-10-09', day('2026-10-09', true))).toBe('working');
    expect(dayKind('2026-10-17', day('2026-10-17', false))).toBe('rest');
    expect(dayKind('2026-10-01', day('2026-10-01', false, '国庆节'))).toBe('holiday');
    expect(dayKind('2026-09-20', day('2026-09-20', true, '国庆节补班'))).toBe('makeup');
    expect(dayKind('2026-10-08', day('2026-10-08', false))).toBe('holiday');
    expect(dayKind('2027-01-04', undefined)).toBe('unknown');
  });
});

describe('monthWeeks', () => {
  it('starts weeks on Monday', () => {
    expect(weekdayIndex('2026-11-02')).toBe(0);
    expect(weekdayIndex('2026-11-01')).toBe(6);
    const weeks = monthWeeks(2026, 11);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks.at(-1)).toEqual(['2026-11-30', null, null, null, null, null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
  });

  it('knows leap years', () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
  });
});

describe('yearCounts', () => {
  it('counts working and rest days', () => {
    expect(
      yearCounts([
        day('2026-10-01', false, '国庆节'),
        day('2026-09-20', true, '国庆节补班'),
        day('2026-10-09', true),
        day('2026-10-17', false),
      ]),
    ).toEqual({ workingDays: 2, restDays: 2, holidays: 1, makeupDays: 1 });
  });
});

describe('adjustedDates', () => {
  const admin = (date: string, updatedAt: string): CalendarDay => ({
    ...day(date, true),
    source: 'admin',
    updatedBy: 'u1',
    updatedAt,
  });

  it('marks every day this agency changed in a year of the official schedule', () => {
    expect(adjustedDates([day('2026-10-08', true), admin('2026-10-09', '2026-01-01T00:00:00Z')])).toEqual(
      new Set(['2026-10-09']),
    );
  });

  it('marks only later changes in a year an administrator entered whole', () => {
    const entered = '2026-11-21T08:00:00.000Z';
    expect(
      adjustedDates([
        admin('2027-01-01', entered),
        admin('2027-01-02', entered),
        admin('2027-03-01', '2026-12-02T09:30:00.000Z'),
      ]),
    ).toEqual(new Set(['2027-03-01']));
    expect(adjustedDates([admin('2027-01-01', entered), admin('2027-01-02', entered)]).size).toBe(0);
  });
});
