import { daysBetween } from '../calendar/iso-date';
import type { Role } from '../org/roles';
import { cite, type Citation } from '../procedures/citation';

/** REVIEW-4: 局政策法规科应当在10个工作日内完成审核工作 (S3 附件3 第五条). */
export const LEGAL_REVIEW_PERIOD = {
  workingDays: 10,
  citations: [cite('S3', '附件3 第五条')],
} as const satisfies { workingDays: number; citations: readonly Citation[] };

/** REVIEW-4: 因特殊情况…经分管局领导批准，法制审查工作时间可适当延长 (S3 附件3 第五条). */
export const REVIEW_EXTENSION = {
  maxWorkingDays: 10,
  approverRole: 'deputy_head',
  citations: [cite('S3', '附件3 第五条')],
} as const satisfies { maxWorkingDays: number; approverRole: Role; citations: readonly Citation[] };

export const REVIEW_EXTENSION_REASON_MAX = 1000;

/** Days left at or below which an open review is flagged before it passes. */
export const REVIEW_DUE_SOON_DAYS = 2;

export type WorkingDayAdder = (date: string, days: number) => { date: string; isCovered: boolean };

/**
 * REVIEW-4: ten working days after submission plus every approved extension; the calendar comes in as a function
 * so holidays and make-up working days (PROC-8) decide, and isCovered says whether it had to guess a year.
 */
export const reviewDueOn = ({
  submittedOn,
  extensionsWorkingDays,
  addWorkingDays,
}: {
  submittedOn: string;
  extensionsWorkingDays: readonly number[];
  addWorkingDays: WorkingDayAdder;
}): { date: string; isCovered: boolean } => {
  const extended = extensionsWorkingDays.reduce((sum, days) => sum + days, 0);

  return addWorkingDays(submittedOn, LEGAL_REVIEW_PERIOD.workingDays + extended);
};

/** REVIEW-4: an extension request names how many working days (1..10) and why. */
export const extensionProblems = ({
  workingDays,
  reason,
}: {
  workingDays: unknown;
  reason: unknown;
}): { field: string; code: 'VALIDATION_FAILED' }[] => {
  const problems: { field: string; code: 'VALIDATION_FAILED' }[] = [];
  const isDaysValid =
    typeof workingDays === 'number' &&
    Number.isInteger(workingDays) &&
    workingDays >= 1 &&
    workingDays <= REVIEW_EXTENSION.maxWorkingDays;
  if (!isDaysValid) problems.push({ field: 'workingDays', code: 'VALIDATION_FAILED' });
  const length = typeof reason === 'string' ? reason.trim().length : 0;
  if (length < 1 || length > REVIEW_EXTENSION_REASON_MAX) problems.push({ field: 'reason', code: 'VALIDATION_FAILED' });

  return problems;
};

export type ReviewTimeliness = 'on_time' | 'due_soon' | 'overdue' | 'decided_late';

/** REVIEW-4, PROC-8: where a review stands against its due date; the due date itself is still in time. */
export const reviewTimeliness = ({
  dueOn,
  today,
  decidedOn,
}: {
  dueOn: string;
  today: string;
  decidedOn: string | null;
}): ReviewTimeliness => {
  if (decidedOn !== null) return decidedOn > dueOn ? 'decided_late' : 'on_time';
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft < 0) return 'overdue';

  return daysLeft <= REVIEW_DUE_SOON_DAYS ? 'due_soon' : 'on_time';
};
