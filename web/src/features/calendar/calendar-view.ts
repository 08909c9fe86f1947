import type { CalendarDay } from '../../api/workspace-types';

/** What the grid and the counts need of a day: a stored day, or one of a year being drafted. */
export type CalendarDayLike = Pick<CalendarDay, 'date' | 'isWorkingDay' | 'name'> & { source?: CalendarDay['source'] };

/** working: an ordinary working day; rest: a weekend; holiday: a day off on a weekday; makeup: 补班 on a weekend. */
export type DayKind = 'working' | 'rest' | 'holiday' | 'makeup' | 'unknown';

const pad = (n: number): string => String(n).padStart(2, '0');

export const isoDate = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;

/** 0 = Monday … 6 = Sunday, computed in UTC so the host's time zone cannot shift it. */
export const weekdayIndex = (date: string): number => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

export const isWeekend = (date: string): boolean => weekdayIndex(date) >= 5;

export const WEEKDAY_NAMES = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;

export const weekdayName = (date: string): string => WEEKDAY_NAMES[weekdayIndex(date)] ?? '';

export const dayKind = (date: string, day: CalendarDayLike | undefined): DayKind => {
  if (!day) return 'unknown';
  const isWeekendDate = isWeekend(date);
  if (day.isWorkingDay) return isWeekendDate ? 'makeup' : 'working';
  // A named day off, or any day off on a weekday, is a holiday; an unnamed weekend is an ordinary rest day.
  return day.name !== null || !isWeekendDate ? 'holiday' : 'rest';
};

export const DAY_KIND_LABELS: Record<DayKind, string> = {
  working: '工作日',
  rest: '休息日',
  holiday: '节假日',
  makeup: '调休补班',
  unknown: '未覆盖',
};

export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A month as weeks Monday to Sunday; null pads the days of other months. */
export const monthWeeks = (year: number, month: number): (string | null)[][] => {
  const first = isoDate(year, month, 1);
  const cells: (string | null)[] = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day += 1) cells.push(isoDate(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));

  return weeks;
};

export type YearCounts = { workingDays: number; restDays: number; holidays: number; makeupDays: number };

export const yearCounts = (days: readonly CalendarDayLike[]): YearCounts => {
  const counts: YearCounts = { workingDays: 0, restDays: 0, holidays: 0, makeupDays: 0 };
  for (const day of days) {
    const kind = dayKind(day.date, day);
    if (day.isWorkingDay) counts.workingDays += 1;
    else counts.restDays += 1;
    if (kind === 'holiday') counts.holidays += 1;
    if (kind === 'makeup') counts.makeupDays += 1;
  }

  return counts;
};

/**
 * The days this agency changed after the national schedule: every 'admin' day of a year seeded from the official
 * data, and in a year an administrator entered whole (all 'admin', stored at one instant) only the days changed
 * after that entry.
 */
export const adjustedDates = (days: readonly CalendarDay[]): Set<string> => {
  const byYear = new Map<string, CalendarDay[]>();
  for (const day of days) {
    const year = day.date.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), day]);
  }
  const adjusted = new Set<string>();
  for (const yearDays of byYear.values()) {
    const admin = yearDays.filter((d) => d.source === 'admin');
    if (admin.length === 0) continue;
    const isEnteredWhole = admin.length === yearDays.length;
    const entered = Math.min(...admin.map((d) => Date.parse(d.updatedAt)));
    for (const day of admin) {
      if (!isEnteredWhole || Date.parse(day.updatedAt) > entered) adjusted.add(day.date);
    }
  }

  return adjusted;
};
