import { addDays, assertIsoDate, compareDates } from './iso-date';
import { lookupDay, type WorkCalendar } from './work-calendar';

/** The date a walk over the calendar arrived at, and every uncovered year it had to guess for (Monday–Friday). */
export type CalendarWalk = { date: string; uncoveredYears: number[] };

// A walk never guesses silently: each uncovered year it passes through is reported to the caller.
const makeProbe = (calendar: WorkCalendar) => {
  const uncovered = new Set<number>();
  const isWorking = (date: string): boolean => {
    const day = lookupDay(calendar, date);
    if (day.isCovered) return day.isWorkingDay;
    uncovered.add(day.year);

    return day.isWeekday;
  };
  const uncoveredYears = (): number[] => [...uncovered].sort((a, b) => a - b);

  return { isWorking, uncoveredYears };
};

/** The `count`-th working day after `date`, never counting `date` itself; backwards when `count` is negative. */
export const addWorkingDays = (calendar: WorkCalendar, date: string, count: number): CalendarWalk => {
  assertIsoDate(date);
  if (!Number.isInteger(count)) throw new RangeError(`working-day count must be an integer, got ${count}`);
  const probe = makeProbe(calendar);
  const step = count < 0 ? -1 : 1;
  let remaining = Math.abs(count);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (probe.isWorking(current)) remaining -= 1;
  }

  return { date: current, uncoveredYears: probe.uncoveredYears() };
};

/** `date` itself when it is a working day, else the first working day after it. */
export const workingDayOnOrAfter = (calendar: WorkCalendar, date: string): CalendarWalk => {
  assertIsoDate(date);
  const probe = makeProbe(calendar);
  let current = date;
  while (!probe.isWorking(current)) current = addDays(current, 1);

  return { date: current, uncoveredYears: probe.uncoveredYears() };
};

/** Working days in the half-open range (from, to]: the count a deadline has left when `from` is today. */
export const workingDaysBetween = (
  calendar: WorkCalendar,
  from: string,
  to: string,
): { count: number; uncoveredYears: number[] } => {
  assertIsoDate(from);
  assertIsoDate(to);
  const probe = makeProbe(calendar);
  const sign = compareDates(to, from);
  const [low, high] = sign >= 0 ? [from, to] : [to, from];
  let count = 0;
  for (let current = addDays(low, 1); compareDates(current, high) <= 0; current = addDays(current, 1)) {
    if (probe.isWorking(current)) count += 1;
  }

  return { count: sign >= 0 ? count : -count, uncoveredYears: probe.uncoveredYears() };
};
