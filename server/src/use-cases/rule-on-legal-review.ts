import { DomainError } from '@liuhen/domain';
import { findReviewSubmission, insertReviewRuling, type ReviewRulingRow } from '../db/repos/legal-review-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { latestRoundOf, lockReviewCase } from './legal-review-case';
import { requiredText } from './required-text';
import { loadWorkCalendar } from './work-calendar';

/**
 * REVIEW-5: when the drafting section and the legal reviewer still disagree, the head rules after a collective
 * discussion that is itself recorded in the case (起草单位意见与法制审核意见不一致时，由主要领导经集体会议讨论后裁定).
 */
export const ruleOnLegalReview = async ({
  ctx,
  actor,
  submissionId,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  submissionId: string;
  input: { outcome?: unknown; reasons?: unknown; discussionRecordId?: unknown };
}): Promise<ReviewRulingRow> => {
  authorize(actor, 'review.rule');
  if (input.outcome !== 'proceed' && input.outcome !== 'follow_review')
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'outcome' }] });
  const outcome = input.outcome;
  const reasons = requiredText(input.reasons, 'reasons', 5000);
  const submission = await findReviewSubmission(ctx.db, submissionId);
  if (!submission || submission.agencyId !== actor.agencyId)
    throw new DomainError('REVIEW_NOT_FOUND', { id: submissionId });
  const now = ctx.clock.now();
  const calendar = await loadWorkCalendar(ctx.db, now);

  return ctx.db.transaction(async (tx) => {
    const { state } = await lockReviewCase({ tx, actor, caseId: submission.caseId, now, calendar });
    const round = latestRoundOf(state, submissionId);
    if (!state.legalReview.state.canRule || !round.opinion)
      throw new DomainError('REVIEW_RULING_NOT_ALLOWED', { id: submissionId, status: state.legalReview.status });
    // The discussion must be this case's, held after the opinion it resolves.
    const discussion = state.records.find(
      (r) => r.row.id === input.discussionRecordId && r.row.kind === 'collective_discussion_record',
    );
    if (!discussion || discussion.row.createdAt.getTime() < new Date(round.opinion.at).getTime())
      throw new DomainError('REVIEW_RULING_NOT_ALLOWED', { id: submissionId, discussion: 'missing' });
    const row: ReviewRulingRow = {
      submissionId,
      discussionRecordId: discussion.row.id,
      outcome,
      reasons,
      ruledBy: actor.userId,
      ruledAt: now,
    };
    await insertReviewRuling(tx, row);
    await appendLedgerEntry(tx, {
      agencyId: submission.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'legal_review.ruled',
        subjectId: submissionId,
        caseId: submission.caseId,
        payload: { submissionId, outcome, discussionRecordId: discussion.row.id },
      },
    });

    return row;
  });
};
