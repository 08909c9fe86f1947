import { compareDates } from '../calendar/iso-date';
import type { WorkCalendar } from '../calendar/work-calendar';
import { addWorkingDays } from '../calendar/working-days';
import { DomainError } from '../errors';
import { chinaDate } from '../time/china-time';
import type { ComputedDeadline } from './compute-deadline';

/** 'earliest' rules: not_yet, open, met, premature; 'latest' rules: open, due_soon, overdue, met, met_late. */
export const DEADLINE_STATUSES = ['met', 'met_late', 'open', 'due_soon', 'overdue', 'not_yet', 'premature'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Whether the satisfying event happened; when it did, its instant is required to tell on time from late. */
export type DeadlineSatisfaction =
  { isSatisfied: true; satisfiedAt: Date } | { isSatisfied: false; satisfiedAt?: null };

export type DeadlineStatusInput = DeadlineSatisfaction & {
  due: ComputedDeadline;
  now: Date;
  /** Working days before the due date from which an open deadline counts as due soon (0: on the due date itself). */
  warnBeforeDays: number;
  calendar: WorkCalendar;
};

// A date deadline is kept by acting any time on the due date in China; an instant deadline, at or before it.
const isNoLaterThanDue = (due: ComputedDeadline, at: Date): boolean =>
  due.precision === 'instant' ? at.getTime() <= due.dueAt.getTime() : compareDates(chinaDate(at), due.dueDate) <= 0;

const isEarlierThanDue = (due: ComputedDeadline, at: Date): boolean =>
  due.precision === 'instant' ? at.getTime() < due.dueAt.getTime() : compareDates(chinaDate(at), due.dueDate) < 0;

export const deadlineStatus = (input: DeadlineStatusInput): DeadlineStatus => {
  const { due, now, warnBeforeDays, calendar } = input;
  if (!Number.isSafeInteger(warnBeforeDays) || warnBeforeDays < 0) {
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'warnBeforeDays', code: 'VALIDATION_FAILED' }] });
  }
  if (due.kind === 'earliest') {
    if (input.isSatisfied) return isEarlierThanDue(due, input.satisfiedAt) ? 'premature' : 'met';

    return isEarlierThanDue(due, now) ? 'not_yet' : 'open';
  }
  if (input.isSatisfied) return isNoLaterThanDue(due, input.satisfiedAt) ? 'met' : 'met_late';
  if (!isNoLaterThanDue(due, now)) return 'overdue';
  const warnFrom = addWorkingDays(calendar, due.dueDate, -warnBeforeDays).date;

  return compareDates(chinaDate(now), warnFrom) >= 0 ? 'due_soon' : 'open';
};
