import { chinaDate, reviewTimeliness } from '@liuhen/domain';
import { listDecidedReviews, listOpenReviews, listReviewRoundsOfCases } from '../db/repos/legal-review-repo';
import { listUsersOfAgency } from '../db/repos/user-repo';
import { authorize } from '../policies/permissions';
import { currentDueOn } from '../procedures/legal-review-state';
import type { UseCaseContext, UserActor } from './context';
import { loadWorkCalendar } from './work-calendar';

/**
 * REVIEW-4: the agency's reviews waiting for an opinion, each with its due date (after approved extensions) and
 * whether it is due soon or overdue, and the latest decided ones with whether they were late; for the reviewers and
 * those who supervise them.
 */
export const listLegalReviews = async ({ ctx, actor }: { ctx: UseCaseContext; actor: UserActor }) => {
  authorize(actor, 'review.oversee');
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const calendar = await loadWorkCalendar(ctx.db, now);
  // PROC-8: a due date in a year the working-day calendar does not cover yet is only provisional.
  const isCovered = (dueOn: string) => calendar.coveredYears.includes(Number(dueOn.slice(0, 4)));
  const open = await listOpenReviews(ctx.db, actor.agencyId);
  const decided = await listDecidedReviews(ctx.db, actor.agencyId, 50);
  const rounds = await listReviewRoundsOfCases(ctx.db, [...new Set([...open, ...decided].map((r) => r.caseId))]);
  const names = new Map((await listUsersOfAgency(ctx.db, actor.agencyId)).map((u) => [u.id, u.displayName]));
  const dueOf = (submissionId: string, original: string) => {
    const round = rounds.find((r) => r.submission.id === submissionId);

    return round ? currentDueOn(round) : original;
  };
  const pendingExtensions = (submissionId: string) =>
    (rounds.find((r) => r.submission.id === submissionId)?.extensions ?? [])
      .filter((e) => e.decision === null)
      .map((e) => ({ id: e.extension.id, workingDays: e.extension.workingDays, reason: e.extension.reason }));

  return {
    open: open.map((r) => {
      const dueOn = dueOf(r.submission.id, r.submission.dueOn);

      return {
        submissionId: r.submission.id,
        caseId: r.caseId,
        caseNumber: r.caseNumber,
        round: r.submission.round,
        submittedBy: names.get(r.submission.submittedBy) ?? r.submission.submittedBy,
        submittedAt: r.submission.submittedAt,
        dueOn,
        isDueDateCovered: isCovered(dueOn),
        timeliness: reviewTimeliness({ dueOn, today, decidedOn: null }),
        pendingExtensions: pendingExtensions(r.submission.id),
      };
    }),
    decided: decided.map((r) => {
      const dueOn = dueOf(r.submission.id, r.submission.dueOn);

      return {
        submissionId: r.submission.id,
        caseId: r.caseId,
        caseNumber: r.caseNumber,
        round: r.submission.round,
        conclusion: r.opinion.conclusion,
        reviewedBy: names.get(r.opinion.reviewedBy) ?? r.opinion.reviewedBy,
        reviewedAt: r.opinion.reviewedAt,
        dueOn,
        timeliness: reviewTimeliness({ dueOn, today, decidedOn: chinaDate(r.opinion.reviewedAt) }),
      };
    }),
  };
};
