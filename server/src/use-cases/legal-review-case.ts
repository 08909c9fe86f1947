import { DomainError, type WorkCalendar } from '@liuhen/domain';
import type { Tx } from '../db/client';
import { lockCase } from '../db/repos/record-repo';
import { loadCaseState } from '../procedures/case-state';
import type { UserActor } from './context';

/** The case locked for a step of legal review, with its state (REVIEW-2..5 all act on the latest round). */
export const lockReviewCase = async (options: {
  tx: Tx;
  actor: UserActor;
  caseId: string;
  now: Date;
  calendar: WorkCalendar;
}) => {
  const caseRow = await lockCase(options.tx, options.caseId);
  if (!caseRow || caseRow.agencyId !== options.actor.agencyId)
    throw new DomainError('CASE_NOT_FOUND', { id: options.caseId });
  const state = await loadCaseState({ db: options.tx, caseRow, now: options.now, calendar: options.calendar });

  return { caseRow, state };
};

/** Latest round of the case, or REVIEW_NOT_FOUND when the id names another (earlier rounds are closed). */
export const latestRoundOf = (state: Awaited<ReturnType<typeof lockReviewCase>>['state'], submissionId: string) => {
  const latest = state.legalReview.state.latestRound;
  if (!latest || latest.id !== submissionId) throw new DomainError('REVIEW_NOT_FOUND', { id: submissionId });

  return latest;
};
