import { computeDeadline, type ComputeDeadlineInput, type ComputedDeadline } from './compute-deadline';
import { deadlineStatus, type DeadlineSatisfaction, type DeadlineStatus } from './deadline-status';

export type DeadlineEvaluation = ComputedDeadline & { status: DeadlineStatus };

/** One row of a deadline panel or to-do list, warned by the rule's own window. */
export const evaluateDeadline = (
  input: ComputeDeadlineInput & DeadlineSatisfaction & { now: Date },
): DeadlineEvaluation => {
  const due = computeDeadline(input);
  const satisfaction: DeadlineSatisfaction = input.isSatisfied
    ? { isSatisfied: true, satisfiedAt: input.satisfiedAt }
    : { isSatisfied: false };
  const status = deadlineStatus({
    ...satisfaction,
    due,
    now: input.now,
    warnBeforeDays: input.rule.warnBeforeDays,
    calendar: input.calendar,
  });

  return { ...due, status };
};
