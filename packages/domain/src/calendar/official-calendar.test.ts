import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addDays, datesOfYear, isWeekend } from './iso-date';
import { OFFICIAL_CALENDAR_YEARS, isOfficialCalendarYear, officialCalendarRows } from './official-calendar';
import { CalendarYearNotCoveredError, buildCalendar, isWorkingDay, type CalendarDay } from './work-calendar';
import { addWorkingDays } from './working-days';

const rows2026 = officialCalendarRows([2026]);
const byDate = new Map(rows2026.map((row) => [row.date, row]));
const day = (date: string): CalendarDay => {
  const row = byDate.get(date);
  if (row === undefined) throw new Error(`no row for ${date}`);

  return row;
};
const range = (from: string, to: string): string[] => {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);

  return dates;
};

// chinese-days builds its own lookup tables in local time, so its answers are only right on hosts at UTC or east of it.
const isHostWestOfUtc = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset() > 0;

describe('official working-day calendar from chinese-days (PROC-8)', () => {
  it('PROC-8: knows exactly the years chinese-days holds a schedule for', () => {
    expect(OFFICIAL_CALENDAR_YEARS[0]).toBe(2004);
    expect(OFFICIAL_CALENDAR_YEARS.at(-1)).toBe(2026);
    expect(OFFICIAL_CALENDAR_YEARS).toHaveLength(23);
    expect(isOfficialCalendarYear(2026)).toBe(true);
    expect(isOfficialCalendarYear(2027)).toBe(false);
  });

  it('PROC-8: refuses 2027, which chinese-days would silently treat as plain Monday–Friday weeks', () => {
    expect(chineseDays.isWorkday('2027-02-10')).toBe(true);
    expect(() => officialCalendarRows([2026, 2027])).toThrow(CalendarYearNotCoveredError);
    expect(() => officialCalendarRows([2027])).toThrow(/no official holiday schedule for 2027.*2004–2026/);
    expect(() => officialCalendarRows([2027])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', years: [2027] }),
    );
    expect(() => officialCalendarRows([2003])).toThrow(CalendarYearNotCoveredError);
  });

  it('PROC-8: one official row for every date of 2026', () => {
    expect(rows2026).toHaveLength(365);
    expect(rows2026.map((row) => row.date)).toEqual(datesOfYear(2026));
    expect(rows2026.every((row) => row.source === 'official')).toBe(true);
    expect(officialCalendarRows([2026, 2025, 2026]).map((row) => row.date)).toEqual([
      ...datesOfYear(2025),
      ...datesOfYear(2026),
    ]);
  });

  it('PROC-8: 2026 has 248 working days: 261 weekdays − 19 weekday holidays + 6 make-up days (242 of them Mon–Fri)', () => {
    const working = rows2026.filter((row) => row.isWorkingDay);
    expect(working).toHaveLength(248);
    expect(working.filter((row) => !isWeekend(row.date))).toHaveLength(242);
    expect(rows2026.filter((row) => !row.isWorkingDay && !isWeekend(row.date))).toHaveLength(19);
  });

  it('PROC-8: every 2026 make-up day (调休补班) is a working day named after its festival', () => {
    const makeUps = rows2026.filter((row) => row.name?.endsWith('补班'));
    expect(makeUps.map((row) => [row.date, row.name])).toEqual([
      ['2026-01-04', '元旦补班'],
      ['2026-02-14', '春节补班'],
      ['2026-02-28', '春节补班'],
      ['2026-05-09', '劳动节补班'],
      ['2026-09-20', '国庆节补班'],
      ['2026-10-10', '国庆节补班'],
    ]);
    for (const row of makeUps) {
      expect(row.isWorkingDay).toBe(true);
      expect(isWeekend(row.date)).toBe(true);
    }
  });

  it('PROC-8: every 2026 holiday block is non-working and named', () => {
    const blocks: [string, string, string][] = [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午', '2026-06-19', '2026-06-21'],
      ['中秋', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ];
    for (const [name, from, to] of blocks) {
      for (const date of range(from, to)) expect(day(date)).toMatchObject({ isWorkingDay: false, name });
      expect(byDate.get(addDays(from, -1))?.name).not.toBe(name);
      expect(byDate.get(addDays(to, 1))?.name).not.toBe(name);
    }
    const holidays = rows2026.filter((row) => !row.isWorkingDay && row.name !== null);
    expect(holidays).toHaveLength(33);
  });

  it('PROC-8: ordinary weekends are rest days and ordinary weekdays working days, without a name', () => {
    expect(day('2026-03-07')).toEqual({ date: '2026-03-07', isWorkingDay: false, name: null, source: 'official' });
    expect(day('2026-03-09')).toEqual({ date: '2026-03-09', isWorkingDay: true, name: null, source: 'official' });
    expect(day('2026-02-13')).toMatchObject({ isWorkingDay: true, name: null });
  });

  it.skipIf(isHostWestOfUtc)('PROC-8: agrees with chinese-days isWorkday on every date of 2026', () => {
    const disagreements = rows2026.filter((row) => row.isWorkingDay !== chineseDays.isWorkday(row.date));
    expect(disagreements).toEqual([]);
    // Its own "workdays in range" leaves out the make-up weekend days unless asked to include weekends.
    expect(chineseDays.getWorkdaysInRange('2026-01-01', '2026-12-31', false)).toHaveLength(242);
    expect(chineseDays.getWorkdaysInRange('2026-01-01', '2026-12-31')).toHaveLength(248);
  });

  it.skipIf(!isHostWestOfUtc)(
    'PROC-8: our rows stay right on hosts west of UTC, where chinese-days shifts by a day',
    () => {
      expect(chineseDays.getDayDetail('2026-02-14').date).toBe('2026-02-13');
      expect(day('2026-02-14')).toMatchObject({ isWorkingDay: true, name: '春节补班' });
    },
  );

  it.skipIf(isHostWestOfUtc)('PROC-8: agrees with chinese-days on every date of every covered year', () => {
    const rows = officialCalendarRows(OFFICIAL_CALENDAR_YEARS);
    expect(rows.length).toBeGreaterThan(8000);
    const disagreements = rows.filter((row) => row.isWorkingDay !== chineseDays.isWorkday(row.date));
    expect(disagreements).toEqual([]);
  });

  it.skipIf(isHostWestOfUtc)(
    'PROC-8: 5 working days from 2026-09-30 is 2026-10-13, as chinese-days findWorkday',
    () => {
      const calendar = buildCalendar(rows2026);
      expect(addWorkingDays(calendar, '2026-09-30', 5).date).toBe('2026-10-13');
      expect(chineseDays.findWorkday(5, '2026-09-30')).toBe('2026-10-13');
      expect(addWorkingDays(calendar, '2026-02-12', 7).date).toBe(chineseDays.findWorkday(7, '2026-02-12'));
      expect(isWorkingDay(calendar, '2026-10-10')).toBe(true);
    },
  );
});
