import { chinaDate, DomainError, REVIEW_MATERIALS, reviewTimeliness } from '@liuhen/domain';
import { findCaseById } from '../db/repos/case-repo';
import { listEvidenceOfCase } from '../db/repos/evidence-repo';
import { listUsersOfAgency } from '../db/repos/user-repo';
import { authorize, can } from '../policies/permissions';
import { loadCaseState } from '../procedures/case-state';
import { currentDueOn, type StoredMajorBasis } from '../procedures/legal-review-state';
import type { UseCaseContext, UserActor } from './context';
import { loadWorkCalendar } from './work-calendar';

// REVIEW-2: which of the case's records are offered for each material (the person still chooses).
const SUGGESTED_KINDS: Record<string, readonly string[]> = {
  investigation_report: ['investigation_report'],
  draft_decision: ['decision_draft'],
  basis_and_evidence: [
    'questioning_record',
    'inspection_record',
    'sampling_notice',
    'evidence_call_up_notice',
    'evidence_preservation_notice',
    'appraisal_opinion',
  ],
  hearing_or_assessment: ['hearing_record', 'expert_review_minutes'],
  other: ['advance_notice', 'statement_defence_record', 'case_deliberation_record'],
};

/**
 * REVIEW-1..5: the legal review of a case as its people see it: whether the decision is major and why, every round
 * with its materials, opinion, extensions and ruling, the due date and how it stands, and what each person may do.
 */
export const getLegalReview = async ({
  ctx,
  actor,
  caseId,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  caseId: string;
}) => {
  authorize(actor, 'case.read');
  const found = await findCaseById(ctx.db, caseId);
  if (!found || found.case.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
  const now = ctx.clock.now();
  const calendar = await loadWorkCalendar(ctx.db, now);
  const state = await loadCaseState({ db: ctx.db, caseRow: found.case, now, calendar });
  const review = state.legalReview;
  const today = chinaDate(now);
  const names = new Map((await listUsersOfAgency(ctx.db, actor.agencyId)).map((u) => [u.id, u.displayName]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const evidence = await listEvidenceOfCase(ctx.db, caseId);
  const stage = state.definition.stages.find((s) => s.id === found.case.stage);
  const isReviewStage = stage?.records.some((r) => r.kind === 'legal_review_opinion') ?? false;
  const latest = review.state.latestRound;
  const filing = state.records.find((r) => r.row.kind === 'filing_approval')?.row.content as
    Record<string, unknown> | undefined;

  return {
    isMajorDecision: review.isMajorDecision,
    isFiledAsMajor: state.isMajorCase,
    filedGrounds: filing?.isMajorCase === true && Array.isArray(filing.majorCaseGrounds) ? filing.majorCaseGrounds : [],
    status: review.status,
    message: review.message,
    canDecide: review.canDecide,
    catalogMatches: review.catalogMatches.map((m) => ({
      entryId: m.entry.id,
      title: m.entry.title,
      reasons: m.reasons,
    })),
    draft: review.draft
      ? { id: review.draft.id, version: review.draft.version, createdAt: review.draft.createdAt }
      : null,
    materials: Object.entries(REVIEW_MATERIALS).map(([id, m]) => ({
      id,
      name: m.name,
      requirement: m.requirement,
      suggestedRecordIds: state.records
        .filter((r) => (SUGGESTED_KINDS[id] ?? []).includes(r.row.kind))
        .map((r) => r.row.id),
      suggestedEvidenceIds: id === 'basis_and_evidence' ? evidence.map((e) => e.id) : [],
    })),
    isHearingHeld: state.records.some((r) => r.row.kind === 'hearing_record'),
    discussionRecords: state.records
      .filter((r) => r.row.kind === 'collective_discussion_record')
      .map((r) => ({ id: r.row.id, createdAt: r.row.createdAt })),
    rounds: review.rounds.map((r) => {
      const basis = r.submission.majorBasis as StoredMajorBasis;

      return {
        id: r.submission.id,
        round: r.submission.round,
        draftRecordId: r.submission.draftRecordId,
        isCurrentDraft: r.submission.draftRecordId === review.draft?.id,
        proposal: r.submission.proposal,
        materials: r.submission.materials as { material: string; recordIds: string[]; evidenceIds: string[] }[],
        majorBasis: basis,
        submittedBy: nameOf(r.submission.submittedBy),
        submittedAt: r.submission.submittedAt,
        dueOn: currentDueOn(r),
        originalDueOn: r.submission.dueOn,
        // PROC-8: a due date in a year the working-day calendar does not cover yet is only provisional.
        isDueDateCovered: calendar.coveredYears.includes(Number(currentDueOn(r).slice(0, 4))),
        timeliness: reviewTimeliness({
          dueOn: currentDueOn(r),
          today,
          decidedOn: r.opinion ? chinaDate(r.opinion.reviewedAt) : null,
        }),
        opinion: r.opinion
          ? {
              conclusion: r.opinion.conclusion,
              reasons: r.opinion.reasons,
              correctionItems: r.opinion.correctionItems,
              points: r.opinion.points as { point: string; finding: string; note: string }[],
              recordId: r.opinion.recordId,
              reviewedBy: nameOf(r.opinion.reviewedBy),
              reviewedAt: r.opinion.reviewedAt,
            }
          : null,
        extensions: r.extensions.map((e) => ({
          id: e.extension.id,
          workingDays: e.extension.workingDays,
          reason: e.extension.reason,
          requestedBy: nameOf(e.extension.requestedBy),
          requestedAt: e.extension.requestedAt,
          decision: e.decision
            ? {
                decision: e.decision.decision,
                opinion: e.decision.opinion,
                dueOn: e.decision.dueOn,
                decidedBy: nameOf(e.decision.decidedBy),
                decidedAt: e.decision.decidedAt,
              }
            : null,
        })),
        ruling: r.ruling
          ? {
              outcome: r.ruling.outcome,
              reasons: r.ruling.reasons,
              discussionRecordId: r.ruling.discussionRecordId,
              ruledBy: nameOf(r.ruling.ruledBy),
              ruledAt: r.ruling.ruledAt,
            }
          : null,
      };
    }),
    can: {
      submit: isReviewStage && review.state.canSubmit && review.draft !== null && can(actor, 'review.submit'),
      decide: latest !== null && latest.opinion === null && can(actor, 'review.decide'),
      extend: can(actor, 'review.extend'),
      requestExtension: latest !== null && latest.opinion === null && can(actor, 'review.decide'),
      rule: review.state.canRule && can(actor, 'review.rule'),
    },
  };
};
