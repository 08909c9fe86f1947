import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  assertIsoDate,
  chinaEndOfDay,
  chinaStartOfDay,
  compareDates,
  datesOfYear,
  daysBetween,
  daysInMonth,
  isLeapYear,
  isWeekend,
  weekday,
  yearOf,
} from './iso-date';

describe('date arithmetic on YYYY-MM-DD strings', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-15', 90)).toBe('2027-02-13');
    expect(addDays('2026-05-05', 0)).toBe('2026-05-05');
  });

  it('compares and measures dates', () => {
    expect(compareDates('2026-01-01', '2026-01-02')).toBeLessThan(0);
    expect(compareDates('2026-01-02', '2026-01-01')).toBeGreaterThan(0);
    expect(compareDates('2026-06-01', '2026-06-01')).toBe(0);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-10-13', '2026-09-30')).toBe(-13);
  });

  it('names ISO weekdays (Monday = 1, Sunday = 7)', () => {
    expect(weekday('2026-01-01')).toBe(4);
    expect(weekday('2026-01-04')).toBe(7);
    expect(weekday('2026-02-14')).toBe(6);
    expect(weekday('2026-10-12')).toBe(1);
    expect(isWeekend('2026-02-14')).toBe(true);
    expect(isWeekend('2026-02-13')).toBe(false);
    expect(yearOf('2026-07-01')).toBe(2026);
  });

  it('adds months to the corresponding day, or the last day of a shorter month', () => {
    expect(addMonths('2026-06-30', 3)).toBe('2026-09-30');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-10-31', 3)).toBe('2027-01-31');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
  });

  it('lists every date of a year', () => {
    const dates = datesOfYear(2026);
    expect(dates).toHaveLength(365);
    expect(dates[0]).toBe('2026-01-01');
    expect(dates.at(-1)).toBe('2026-12-31');
    expect(new Set(dates).size).toBe(365);
    expect(datesOfYear(2028)).toHaveLength(366);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('maps China days to instants at UTC+8', () => {
    expect(chinaStartOfDay('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(chinaEndOfDay('2026-05-08').toISOString()).toBe('2026-05-08T15:59:59.999Z');
  });

  it('refuses malformed or impossible dates with INVALID_DATE', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-1', '20260101', '']) {
      expect(() => addDays(bad, 1)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
      expect(() => assertIsoDate(bad)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    }
    expect(() => datesOfYear(2026.5)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
