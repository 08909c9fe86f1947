import { DomainError } from '../errors';
import { isIsoDate } from '../time/china-time';
import { datesOfYear, isWeekend } from './iso-date';

export const CALENDAR_DAY_SOURCES = ['official', 'admin'] as const;
export type CalendarDaySource = (typeof CALENDAR_DAY_SOURCES)[number];

/** One row of the agency-editable calendar table; `name` says why, e.g. '春节' or '春节补班'. */
export type CalendarDay = { date: string; isWorkingDay: boolean; name: string | null; source: CalendarDaySource };

/** PROC-8: the working-day calendar; it holds an entry for every date of each covered year and nothing else. */
export type WorkCalendar = { coveredYears: readonly number[]; days: ReadonlyMap<string, CalendarDay> };

export const CALENDAR_DAY_NAME_MAX = 50;

export type CalendarRowProblem =
  | { type: 'invalid_date'; date: string }
  | { type: 'duplicate_date'; date: string }
  | { type: 'invalid_name'; date: string }
  | { type: 'invalid_source'; date: string }
  | { type: 'incomplete_year'; year: number; missingDates: string[] };

/** Thrown when a date outside the calendar's covered years is asked for as if it were known. */
export class CalendarYearNotCoveredError extends DomainError {
  readonly years: readonly number[];

  constructor(years: readonly number[], coveredYears: readonly number[], message: string) {
    super('VALIDATION_FAILED', {
      reason: 'CALENDAR_YEAR_NOT_COVERED',
      fields: [{ field: 'year', code: 'VALIDATION_FAILED' }],
      years,
      coveredYears,
    });
    this.name = 'CalendarYearNotCoveredError';
    this.message = message;
    this.years = years;
  }
}

/** Why rows cannot form a calendar; an empty list means buildCalendar accepts them. */
export const validateCalendarRows = (rows: readonly CalendarDay[]): CalendarRowProblem[] => {
  const problems: CalendarRowProblem[] = [];
  const seen = new Set<string>();
  const years = new Set<number>();
  for (const row of rows) {
    if (!isIsoDate(row.date)) {
      problems.push({ type: 'invalid_date', date: row.date });
      continue;
    }
    if (seen.has(row.date)) problems.push({ type: 'duplicate_date', date: row.date });
    seen.add(row.date);
    years.add(Number(row.date.slice(0, 4)));
    if (row.name !== null && (row.name.trim().length === 0 || row.name.length > CALENDAR_DAY_NAME_MAX)) {
      problems.push({ type: 'invalid_name', date: row.date });
    }
    if (!(CALENDAR_DAY_SOURCES as readonly string[]).includes(row.source)) {
      problems.push({ type: 'invalid_source', date: row.date });
    }
  }
  for (const year of [...years].sort((a, b) => a - b)) {
    const missingDates = datesOfYear(year).filter((date) => !seen.has(date));
    if (missingDates.length > 0) problems.push({ type: 'incomplete_year', year, missingDates });
  }

  return problems;
};

/** Rows must cover whole years: a half-entered year would make deadlines look certain when they are not. */
export const buildCalendar = (rows: readonly CalendarDay[]): WorkCalendar => {
  const problems = validateCalendarRows(rows);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { reason: 'CALENDAR_ROWS_INVALID', problems });
  const sorted = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const days = new Map(sorted.map((row) => [row.date, { ...row }]));
  const coveredYears = [...new Set(sorted.map((row) => Number(row.date.slice(0, 4))))];

  return { coveredYears, days };
};

/** Rows for a year with no official schedule yet: Monday–Friday working, for an administrator to add holidays. */
export const draftCalendarRows = (year: number): CalendarDay[] =>
  datesOfYear(year).map((date) => ({ date, isWorkingDay: !isWeekend(date), name: null, source: 'admin' }));

/** Replaces whole years of a calendar (e.g. after an administrator enters a new year) and rebuilds it. */
export const mergeCalendarRows = (calendar: WorkCalendar, rows: readonly CalendarDay[]): WorkCalendar => {
  const replaced = new Set(rows.map((row) => row.date.slice(0, 4)));
  const kept = [...calendar.days.values()].filter((row) => !replaced.has(row.date.slice(0, 4)));

  return buildCalendar([...kept, ...rows]);
};

export const isCalendarYearCovered = (calendar: WorkCalendar, year: number): boolean =>
  calendar.coveredYears.includes(year);

/** Outside the covered years there is no `isWorkingDay` to read, so a caller must check `isCovered` first. */
export type DayLookup =
  | { isCovered: true; date: string; isWorkingDay: boolean; name: string | null; source: CalendarDaySource }
  | { isCovered: false; date: string; year: number; isWeekday: boolean };

export const lookupDay = (calendar: WorkCalendar, date: string): DayLookup => {
  if (!isIsoDate(date))
    throw new DomainError('INVALID_DATE', { fields: [{ field: 'date', code: 'INVALID_DATE' }], date });
  const day = calendar.days.get(date);
  if (day === undefined) return { isCovered: false, date, year: Number(date.slice(0, 4)), isWeekday: !isWeekend(date) };

  return { isCovered: true, date, isWorkingDay: day.isWorkingDay, name: day.name, source: day.source };
};

/** Whether the date is a working day; throws CalendarYearNotCoveredError rather than guess for an uncovered year. */
export const isWorkingDay = (calendar: WorkCalendar, date: string): boolean => {
  const day = lookupDay(calendar, date);
  if (!day.isCovered) {
    throw new CalendarYearNotCoveredError(
      [day.year],
      calendar.coveredYears,
      `The working-day calendar has no entries for ${day.year}; an administrator must enter that year first.`,
    );
  }

  return day.isWorkingDay;
};
