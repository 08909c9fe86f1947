import { DomainError, extensionProblems } from '@liuhen/domain';
import { findReviewSubmission, insertReviewExtension, type ReviewExtensionRow } from '../db/repos/legal-review-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { latestRoundOf, lockReviewCase } from './legal-review-case';
import { loadWorkCalendar } from './work-calendar';

/** REVIEW-4: the reviewer asks for more working days, with the special circumstances; the deputy head decides. */
export const requestReviewExtension = async ({
  ctx,
  actor,
  submissionId,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  submissionId: string;
  input: { workingDays?: unknown; reason?: unknown };
}): Promise<ReviewExtensionRow> => {
  authorize(actor, 'review.decide');
  const workingDays = Number(input.workingDays);
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  const problems = extensionProblems({ workingDays, reason });
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
  const submission = await findReviewSubmission(ctx.db, submissionId);
  if (!submission || submission.agencyId !== actor.agencyId)
    throw new DomainError('REVIEW_NOT_FOUND', { id: submissionId });
  const now = ctx.clock.now();
  const calendar = await loadWorkCalendar(ctx.db, now);

  return ctx.db.transaction(async (tx) => {
    const { state } = await lockReviewCase({ tx, actor, caseId: submission.caseId, now, calendar });
    const round = latestRoundOf(state, submissionId);
    if (round.opinion) throw new DomainError('REVIEW_ALREADY_DECIDED', { id: submissionId });
    const rows = state.legalReview.rounds.find((r) => r.submission.id === submissionId)!;
    if (rows.extensions.some((e) => e.decision === null))
      throw new DomainError('REVIEW_EXTENSION_PENDING', { id: submissionId });
    const row: ReviewExtensionRow = {
      id: ctx.newId(),
      submissionId,
      workingDays,
      reason,
      requestedBy: actor.userId,
      requestedAt: now,
    };
    await insertReviewExtension(tx, row);
    await appendLedgerEntry(tx, {
      agencyId: submission.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'legal_review.extension_requested',
        subjectId: submissionId,
        caseId: submission.caseId,
        payload: { submissionId, extensionId: row.id, workingDays },
      },
    });

    return row;
  });
};
