import { addWorkingDays, workingDayOnOrAfter, type CalendarWalk } from '../calendar/working-days';
import { addDays, addMonths, assertIsoDate, chinaEndOfDay } from '../calendar/iso-date';
import type { WorkCalendar } from '../calendar/work-calendar';
import { DomainError } from '../errors';
import { chinaDate } from '../time/china-time';
import type { DeadlineCount, DeadlineDuty, DeadlineKind, DeadlineRule, DeadlineRuleId } from './deadline-rules';

const HOUR_MS = 60 * 60 * 1000;

/** An approved extension, in the rule's own unit (days, working days, months). */
export type ApprovedExtension = { amount: number };

type ComputedDeadlineBase = {
  ruleId: DeadlineRuleId;
  kind: DeadlineKind;
  duty: DeadlineDuty;
  /** The China date the period counts from (or back from, for a 'before' rule). */
  startDate: string;
  /** The count actually applied, extensions included. */
  count: DeadlineCount;
  /** The nominal last day when it fell on a rest day or holiday and the period moved on (民事诉讼法 第八十五条). */
  movedFrom: string | null;
  /** False when the computation passed through a year the calendar does not cover: show the date as provisional. */
  isCalendarCovered: boolean;
  uncoveredYears: number[];
};

/** 'latest': the last date or instant still on time; 'earliest': the first on which the act is allowed. */
export type ComputedDeadline =
  | (ComputedDeadlineBase & { precision: 'date'; dueDate: string; dueAt: null })
  | (ComputedDeadlineBase & { precision: 'instant'; dueDate: string; dueAt: Date });

export type ComputeDeadlineInput = {
  rule: DeadlineRule;
  /** The start event: an instant, or a China date (not accepted by the 'hours' mode). */
  start: Date | string;
  calendar: WorkCalendar;
  extensions?: readonly ApprovedExtension[];
};

const invalid = (reason: string, details: Record<string, unknown>): DomainError =>
  new DomainError('VALIDATION_FAILED', { reason, ...details });

const isPositiveInteger = (value: number): boolean => Number.isSafeInteger(value) && value > 0;

const appliedAmount = (rule: DeadlineRule, extensions: readonly ApprovedExtension[]): number => {
  if (!isPositiveInteger(rule.count.amount)) throw invalid('DEADLINE_AMOUNT_INVALID', { ruleId: rule.id });
  if (extensions.length === 0) return rule.count.amount;
  const extension = rule.extension;
  if (extension === undefined) throw invalid('DEADLINE_NOT_EXTENSIBLE', { ruleId: rule.id });
  if (extensions.length > extension.maxTimes) {
    throw invalid('DEADLINE_EXTENSION_LIMIT', { ruleId: rule.id, maxTimes: extension.maxTimes });
  }
  for (const { amount } of extensions) {
    if (!isPositiveInteger(amount) || (extension.byAmount !== null && amount > extension.byAmount)) {
      throw invalid('DEADLINE_EXTENSION_TOO_LONG', { ruleId: rule.id, amount, byAmount: extension.byAmount });
    }
  }

  return extensions.reduce((total, { amount }) => total + amount, rule.count.amount);
};

const startInstant = (start: Date | string, rule: DeadlineRule): Date => {
  if (typeof start === 'string') throw invalid('DEADLINE_NEEDS_INSTANT', { ruleId: rule.id, mode: rule.count.mode });

  return start;
};

const toStartDate = (start: Date | string): string => {
  if (typeof start === 'string') return assertIsoDate(start, 'start');
  if (Number.isNaN(start.getTime()))
    throw new DomainError('INVALID_DATE', { fields: [{ field: 'start', code: 'INVALID_DATE' }] });

  return chinaDate(start);
};

type PeriodEnd =
  | { precision: 'date'; date: string; movedFrom: string | null; uncoveredYears: number[] }
  | { precision: 'instant'; at: Date; uncoveredYears: number[] };

const onDate = (walk: CalendarWalk, nominal: string | null): PeriodEnd => ({
  precision: 'date',
  date: walk.date,
  movedFrom: nominal !== null && nominal !== walk.date ? nominal : null,
  uncoveredYears: walk.uncoveredYears,
});

// The end of the period as the law counts it, before 'earliest' turns it into the first allowed day.
const periodEnd = (
  rule: DeadlineRule,
  start: Date | string,
  startDate: string,
  amount: number,
  calendar: WorkCalendar,
): PeriodEnd => {
  if (rule.direction === 'before') return onDate(addWorkingDays(calendar, startDate, -amount), null);
  const mode = rule.count.mode;
  switch (mode) {
    case 'working_days':
      return onDate(addWorkingDays(calendar, startDate, amount), null);
    case 'calendar_days': {
      // 民事诉讼法 第八十五条: a last day that is a rest day or holiday moves to the next working day.
      const nominal = addDays(startDate, amount);

      return onDate(workingDayOnOrAfter(calendar, nominal), nominal);
    }
    case 'months': {
      const nominal = addMonths(startDate, amount);

      return onDate(workingDayOnOrAfter(calendar, nominal), nominal);
    }
    case 'hours': {
      // Exact elapsed hours: holidays do not stop a 24-hour clock (AV-6, 行政强制法 第十九条).
      return {
        precision: 'instant',
        at: new Date(startInstant(start, rule).getTime() + amount * HOUR_MS),
        uncoveredYears: [],
      };
    }
    case 'end_of_working_day': {
      // S3 附件2 第十六条 "每天工作结束后": the recording day itself counts when it is a working day.
      const first = workingDayOnOrAfter(calendar, startDate);
      const last = addWorkingDays(calendar, first.date, amount - 1);
      const uncoveredYears = [...new Set([...first.uncoveredYears, ...last.uncoveredYears])].sort((a, b) => a - b);

      return { precision: 'instant', at: chinaEndOfDay(last.date), uncoveredYears };
    }
    default: {
      const unknown: never = mode;
      throw invalid('DEADLINE_MODE_UNKNOWN', { mode: unknown });
    }
  }
};

/** PROC-8: when a deadline falls on the working-day calendar; flags, never hides, a guess past its years. */
export const computeDeadline = ({ rule, start, calendar, extensions = [] }: ComputeDeadlineInput): ComputedDeadline => {
  const startDate = toStartDate(start);
  const amount = appliedAmount(rule, extensions);
  const end = periodEnd(rule, start, startDate, amount, calendar);
  const base: ComputedDeadlineBase = {
    ruleId: rule.id,
    kind: rule.kind,
    duty: rule.duty,
    startDate,
    count: { mode: rule.count.mode, amount },
    movedFrom: end.precision === 'date' ? end.movedFrom : null,
    isCalendarCovered: end.uncoveredYears.length === 0,
    uncoveredYears: end.uncoveredYears,
  };
  if (end.precision === 'instant') return { ...base, precision: 'instant', dueDate: chinaDate(end.at), dueAt: end.at };

  // 'earliest': the period must have fully run, so the act is allowed from the day after its last day.
  const dueDate = rule.kind === 'earliest' ? addDays(end.date, 1) : end.date;

  return { ...base, precision: 'date', dueDate, dueAt: null };
};
