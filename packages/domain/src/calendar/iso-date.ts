import { DomainError } from '../errors';
import { isIsoDate } from '../time/china-time';

// Dates are 'YYYY-MM-DD' strings; arithmetic runs on UTC midnights so the host time zone never shifts a day.
const DAY_MS = 24 * 60 * 60 * 1000;
// China Standard Time is UTC+8 all year, so a China day starts at 16:00 UTC the day before.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** ISO 8601 weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const assertIsoDate = (value: string, field = 'date'): string => {
  if (!isIsoDate(value)) throw new DomainError('INVALID_DATE', { fields: [{ field, code: 'INVALID_DATE' }], value });

  return value;
};

const toUtcMs = (date: string): number => Date.parse(`${assertIsoDate(date)}T00:00:00Z`);

const fromUtcMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromUtcMs(toUtcMs(date) + days * DAY_MS);

/** Negative when a is earlier, zero when equal, positive when later. */
export const compareDates = (a: string, b: string): number => Math.sign(toUtcMs(a) - toUtcMs(b));

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);

export const weekday = (date: string): Weekday => {
  const day = new Date(toUtcMs(date)).getUTCDay();

  return (day === 0 ? 7 : day) as Weekday;
};

export const isWeekend = (date: string): boolean => weekday(date) >= 6;

export const yearOf = (date: string): number => Number(assertIsoDate(date).slice(0, 4));

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month, month 1 = January. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (MONTH_LENGTHS[month - 1] ?? Number.NaN);

// 民法典 第二百零二条: a period in months ends on the corresponding day of the last month, or that month's last day.
export const addMonths = (date: string, months: number): string => {
  const [year, month, day] = assertIsoDate(date).split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));

  const pad = (value: number, width: number): string => String(value).padStart(width, '0');

  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(targetDay, 2)}`;
};

/** Every date of the year, 1 January first. */
export const datesOfYear = (year: number): string[] => {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'year', code: 'VALIDATION_FAILED' }], year });
  }
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const count = isLeapYear(year) ? 366 : 365;

  return Array.from({ length: count }, (_, index) => addDays(first, index));
};

/** The instant a China calendar day begins (00:00 UTC+8). */
export const chinaStartOfDay = (date: string): Date => new Date(toUtcMs(date) - CHINA_OFFSET_MS);

/** The last instant of a China calendar day (23:59:59.999 UTC+8): "by the end of the day" is met at or before it. */
export const chinaEndOfDay = (date: string): Date => new Date(toUtcMs(date) + DAY_MS - CHINA_OFFSET_MS - 1);
