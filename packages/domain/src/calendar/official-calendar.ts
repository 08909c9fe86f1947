// chinese-days' runtime tables are keyed through local time and shift a day on hosts west of UTC; its JSON does not.
import schedule from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { datesOfYear, isWeekend } from './iso-date';
import { CalendarYearNotCoveredError, type CalendarDay } from './work-calendar';

type DayTable = Readonly<Record<string, string>>;

const HOLIDAYS: DayTable = schedule.holidays;
const MAKE_UP_WORKDAYS: DayTable = schedule.workdays;

export const OFFICIAL_CALENDAR_PACKAGE = 'chinese-days@1.5.7';

// Entries look like 'Spring Festival,春节,4' (English name, Chinese name, length code); we keep the Chinese name.
const chineseName = (entry: string): string => entry.split(',').find((part) => /\p{Script=Han}/u.test(part)) ?? entry;

// A real schedule always names 春节 and 国庆节 inside its year; a stray 元旦 day of next year's schedule is not enough.
const yearsNamingBoth = (): number[] => {
  const festivalsByYear = new Map<number, Set<string>>();
  for (const [date, entry] of Object.entries(HOLIDAYS)) {
    const year = Number(date.slice(0, 4));
    const names = festivalsByYear.get(year) ?? new Set<string>();
    names.add(chineseName(entry));
    festivalsByYear.set(year, names);
  }

  return [...festivalsByYear]
    .filter(([, names]) => names.has('春节') && names.has('国庆节'))
    .map(([year]) => year)
    .sort((a, b) => a - b);
};

/** Years for which chinese-days holds the official holiday schedule (2004–2026 in 1.5.7). */
export const OFFICIAL_CALENDAR_YEARS: readonly number[] = yearsNamingBoth();

export const isOfficialCalendarYear = (year: number): boolean => OFFICIAL_CALENDAR_YEARS.includes(year);

const officialDay = (date: string): CalendarDay => {
  const makeUp = MAKE_UP_WORKDAYS[date];
  if (makeUp !== undefined) return { date, isWorkingDay: true, name: `${chineseName(makeUp)}补班`, source: 'official' };
  const holiday = HOLIDAYS[date];
  if (holiday !== undefined) return { date, isWorkingDay: false, name: chineseName(holiday), source: 'official' };

  return { date, isWorkingDay: !isWeekend(date), name: null, source: 'official' };
};

/** PROC-8: every date of the years, officially; refuses a year chinese-days would silently treat as plain weeks. */
export const officialCalendarRows = (years: readonly number[]): CalendarDay[] => {
  const unknown = years.filter((year) => !isOfficialCalendarYear(year));
  if (unknown.length > 0) {
    const first = OFFICIAL_CALENDAR_YEARS[0];
    const last = OFFICIAL_CALENDAR_YEARS[OFFICIAL_CALENDAR_YEARS.length - 1];
    throw new CalendarYearNotCoveredError(
      unknown,
      OFFICIAL_CALENDAR_YEARS,
      `${OFFICIAL_CALENDAR_PACKAGE} has no official holiday schedule for ${unknown.join(', ')} ` +
        `(it covers ${first}–${last}); enter the year by hand from the State Council notice, or upgrade chinese-days.`,
    );
  }

  return [...new Set(years)].sort((a, b) => a - b).flatMap((year) => datesOfYear(year).map(officialDay));
};
