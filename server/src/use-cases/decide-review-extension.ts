import { addWorkingDays, chinaDate, DomainError, reviewDueOn } from '@liuhen/domain';
import {
  findReviewSubmission,
  insertReviewExtensionDecision,
  lockReviewExtension,
  type ReviewExtensionDecisionRow,
} from '../db/repos/legal-review-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import { currentDueOn } from '../procedures/legal-review-state';
import type { UseCaseContext, UserActor } from './context';
import { lockReviewCase } from './legal-review-case';
import { requiredText } from './required-text';
import { loadWorkCalendar } from './work-calendar';

/**
 * REVIEW-4: the deputy head in charge approves or rejects an extension (经分管局领导批准); an approval moves the
 * round's due date by the working days granted, counted on the agency's calendar from the original submission.
 */
export const decideReviewExtension = async ({
  ctx,
  actor,
  extensionId,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  extensionId: string;
  input: { decision?: unknown; opinion?: unknown };
}): Promise<ReviewExtensionDecisionRow> => {
  authorize(actor, 'review.extend');
  if (input.decision !== 'approved' && input.decision !== 'rejected')
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'decision' }] });
  const decision = input.decision;
  const opinion = requiredText(input.opinion, 'opinion', 1000);
  const now = ctx.clock.now();
  const calendar = await loadWorkCalendar(ctx.db, now);

  return ctx.db.transaction(async (tx) => {
    const found = await lockReviewExtension(tx, extensionId);
    const submission = found ? await findReviewSubmission(tx, found.extension.submissionId) : null;
    if (!found || !submission || submission.agencyId !== actor.agencyId)
      throw new DomainError('REVIEW_EXTENSION_NOT_FOUND', { id: extensionId });
    if (found.decision) throw new DomainError('REVIEW_EXTENSION_DECIDED', { id: extensionId });
    const { state } = await lockReviewCase({ tx, actor, caseId: submission.caseId, now, calendar });
    const rows = state.legalReview.rounds.find((r) => r.submission.id === submission.id)!;
    if (rows.opinion) throw new DomainError('REVIEW_ALREADY_DECIDED', { id: submission.id });
    const granted = rows.extensions
      .filter((e) => e.decision?.decision === 'approved')
      .map((e) => e.extension.workingDays);
    const dueOn =
      decision === 'approved'
        ? reviewDueOn({
            submittedOn: chinaDate(submission.submittedAt),
            extensionsWorkingDays: [...granted, found.extension.workingDays],
            addWorkingDays: (date, days) => {
              const walk = addWorkingDays(calendar, date, days);

              return { date: walk.date, isCovered: walk.uncoveredYears.length === 0 };
            },
          }).date
        : currentDueOn(rows);
    const row: ReviewExtensionDecisionRow = {
      extensionId,
      decision,
      opinion,
      dueOn,
      decidedBy: actor.userId,
      decidedAt: now,
    };
    await insertReviewExtensionDecision(tx, row);
    await appendLedgerEntry(tx, {
      agencyId: submission.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'legal_review.extension_decided',
        subjectId: submission.id,
        caseId: submission.caseId,
        payload: { submissionId: submission.id, extensionId, decision, dueOn },
      },
    });

    return row;
  });
};
