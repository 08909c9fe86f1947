import { isoDate, isWeekend, weekdayName, yearCounts, type CalendarDayLike, type YearCounts } from './calendar-view';

/**
 * PROC-8: a new year entered from the State Council's notice (国务院办公厅关于某年部分节假日安排的通知). The notice
 * lists each holiday as a period (春节：2月6日至13日放假调休，共8天) and the weekend days worked in exchange (2月14日
 * （星期日）上班); every other day is Monday–Friday working, weekends off.
 */

/** The longest name the calendar keeps for a day (the server refuses longer ones). */
export const CALENDAR_DAY_NAME_MAX = 50;

/** The holidays every notice lists, in the order it lists them; the form starts with one period for each. */
export const STATUTORY_HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

/** One period off as the form holds it; dates are YYYY-MM-DD, or null while not chosen. */
export type HolidayPeriodInput = { name?: string | null; start?: string | null; end?: string | null };

/** One weekend day worked instead (调休上班). */
export type MakeupDayInput = { date?: string | null; name?: string | null };

/** One day that differs from Monday–Friday working, as POST /api/calendar/years takes it. */
export type YearException = { date: string; isWorkingDay: boolean; name: string | null };

/** Which row of the form a day came from, so a refusal naming `exceptions.<i>` can point at it. */
export type ExceptionOrigin = { list: 'holidays' | 'makeups'; index: number };

export type DraftException = YearException & { origin: ExceptionOrigin };

/** A problem with one input of the form (`holidays.2.end`), or with the form as a whole (`holidays`). */
export type ScheduleProblem = {
  field: string;
  /** 'required': not filled in yet, which the form only points out once the administrator tries to submit. */
  kind: 'required' | 'invalid';
  message: string;
};

export type YearSchedule = {
  year: number;
  /** Every day of the valid periods (weekends too, so the calendar names them) and the make-up days, by date. */
  exceptions: DraftException[];
  problems: ScheduleProblem[];
  /** The whole year as it would be stored, for the preview grid. */
  days: CalendarDayLike[];
  counts: YearCounts & { days: number };
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isIsoDate = (value: string): boolean => {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);

  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

const nextDate = (date: string): string => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);

  return next.toISOString().slice(0, 10);
};

/** The dates from start to end, both included. */
export const datesBetween = (start: string, end: string): string[] => {
  const dates: string[] = [];
  for (let date = start; date <= end; date = nextDate(date)) dates.push(date);

  return dates;
};

export const datesOfYear = (year: number): string[] => datesBetween(isoDate(year, 1, 1), isoDate(year, 12, 31));

const trimmed = (value: string | null | undefined): string => (value ?? '').trim();

type DateCheck = { date: string | null; problem: ScheduleProblem | null };

const checkDate = (year: number, field: string, value: string | null | undefined, label: string): DateCheck => {
  if (!value) return { date: null, problem: { field, kind: 'required', message: `请选择${label}` } };
  if (!isIsoDate(value)) return { date: null, problem: { field, kind: 'invalid', message: `${label}无效` } };
  if (Number(value.slice(0, 4)) !== year) {
    return {
      date: null,
      problem: { field, kind: 'invalid', message: `${label}须在 ${year} 年内；跨年的假期只填写本年度的日子` },
    };
  }

  return { date: value, problem: null };
};

const checkName = (field: string, value: string | null | undefined, requiredMessage: string) => {
  const name = trimmed(value);
  if (!name) return { name: null, problem: { field, kind: 'required' as const, message: requiredMessage } };
  if (name.length > CALENDAR_DAY_NAME_MAX) {
    return {
      name: null,
      problem: { field, kind: 'invalid' as const, message: `名称不能超过 ${CALENDAR_DAY_NAME_MAX} 个字` },
    };
  }

  return { name, problem: null };
};

type Period = { index: number; name: string | null; start: string; end: string };

const periodLabel = (period: Period): string =>
  `${period.name ? `「${period.name}」` : `第 ${period.index + 1} 项放假安排`}（${period.start} 至 ${period.end}）`;

/**
 * Turns the periods and make-up days into the exceptions the server takes, checking what the server cannot know
 * was meant: dates within the year, an end not before its start, periods that do not overlap, and make-up days that
 * fall on a weekend outside every period. The preview is built from the rows that are valid so far.
 */
export const buildYearSchedule = (
  year: number,
  holidays: readonly (HolidayPeriodInput | undefined)[],
  makeups: readonly (MakeupDayInput | undefined)[],
): YearSchedule => {
  const problems: ScheduleProblem[] = [];
  const periods: Period[] = [];

  if (holidays.length === 0) {
    problems.push({ field: 'holidays', kind: 'invalid', message: '请至少填写一项放假安排' });
  }
  holidays.forEach((row, index) => {
    const base = `holidays.${index}`;
    const name = checkName(`${base}.name`, row?.name, '请填写节假日名称');
    const start = checkDate(year, `${base}.start`, row?.start, '放假开始日期');
    const end = checkDate(year, `${base}.end`, row?.end, '放假结束日期');
    for (const problem of [name.problem, start.problem, end.problem]) if (problem) problems.push(problem);
    if (!start.date || !end.date) return;
    if (end.date < start.date) {
      problems.push({ field: `${base}.end`, kind: 'invalid', message: '放假结束日期不能早于开始日期' });

      return;
    }
    const period: Period = { index, name: name.name, start: start.date, end: end.date };
    const earlier = periods.find((p) => p.start <= period.end && period.start <= p.end);
    if (earlier) {
      problems.push({ field: `${base}.start`, kind: 'invalid', message: `放假日期与${periodLabel(earlier)}重叠` });

      return;
    }
    periods.push(period);
  });

  const exceptions: DraftException[] = [];
  for (const period of periods) {
    for (const date of datesBetween(period.start, period.end)) {
      exceptions.push({
        date,
        isWorkingDay: false,
        name: period.name,
        origin: { list: 'holidays', index: period.index },
      });
    }
  }

  const makeupDates = new Map<string, number>();
  makeups.forEach((row, index) => {
    const base = `makeups.${index}`;
    const name = checkName(`${base}.name`, row?.name, '请填写名称，如：春节补班');
    const date = checkDate(year, `${base}.date`, row?.date, '调休上班日期');
    for (const problem of [name.problem, date.problem]) if (problem) problems.push(problem);
    if (!date.date) return;
    const day = date.date;
    const inPeriod = periods.find((p) => p.start <= day && day <= p.end);
    const sameDay = makeupDates.get(day);
    let problem: string | null = null;
    if (!isWeekend(day)) problem = `${day} 是${weekdayName(day)}，本来就是工作日；调休上班日应为周六或周日`;
    else if (inPeriod) problem = `${day} 在${periodLabel(inPeriod)}内`;
    else if (sameDay !== undefined) problem = `与第 ${sameDay + 1} 个调休上班日重复`;
    if (problem) {
      problems.push({ field: `${base}.date`, kind: 'invalid', message: problem });

      return;
    }
    makeupDates.set(day, index);
    exceptions.push({ date: day, isWorkingDay: true, name: name.name, origin: { list: 'makeups', index } });
  });
  exceptions.sort((a, b) => a.date.localeCompare(b.date));

  const byDate = new Map(exceptions.map((e) => [e.date, e]));
  const days = datesOfYear(year).map((date): CalendarDayLike => {
    const exception = byDate.get(date);

    return exception
      ? { date, isWorkingDay: exception.isWorkingDay, name: exception.name }
      : { date, isWorkingDay: !isWeekend(date), name: null };
  });

  return { year, exceptions, problems, days, counts: { ...yearCounts(days), days: days.length } };
};

/** The body of POST /api/calendar/years, in the order `exceptions.<i>` of a refusal refers to. */
export const toCalendarYearRequest = (schedule: YearSchedule): { year: number; exceptions: YearException[] } => ({
  year: schedule.year,
  exceptions: schedule.exceptions.map(({ date, isWorkingDay, name }) => ({ date, isWorkingDay, name })),
});

/** The form input a refused `exceptions.<i>` came from: the period's start, or the make-up day's date. */
export const fieldOfException = (schedule: YearSchedule, field: string): string | null => {
  const match = /^exceptions\.(\d+)/.exec(field);
  const exception = match ? schedule.exceptions[Number(match[1])] : undefined;
  if (!exception) return null;
  const { list, index } = exception.origin;

  return list === 'holidays' ? `holidays.${index}.start` : `makeups.${index}.date`;
};

/** Counts the days of one period, and how many of them are weekdays the holiday takes off. */
export const periodDays = (start: string, end: string): { days: number; weekdays: number } => {
  if (!isIsoDate(start) || !isIsoDate(end) || end < start) return { days: 0, weekdays: 0 };
  const dates = datesBetween(start, end);

  return { days: dates.length, weekdays: dates.filter((d) => !isWeekend(d)).length };
};
