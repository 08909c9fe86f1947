import {
  legalReviewState,
  matchMajorCatalog,
  type LegalReviewFact,
  type MajorCatalogEntry,
  type ProposedDecision,
} from '@liuhen/domain';
import type { MajorCatalogEntryRow, MajorCatalogRetirementRow, ReviewRoundRows } from '../db/repos/legal-review-repo';
import type { CaseRecordRow } from '../db/repos/record-repo';

export type AgencyLevel = 'region' | 'city' | 'county';

/** REVIEW-4: a round's due date now: the latest approved extension's, else the ten working days from submission. */
export const currentDueOn = (round: ReviewRoundRows): string =>
  round.extensions.findLast((e) => e.decision?.decision === 'approved')?.decision?.dueOn ?? round.submission.dueOn;

/** What a submission stored about why the decision is major. */
export type StoredMajorBasis = {
  catalogMatches: { entryId: string; title: string; reasons: string[] }[];
  grounds: { ground: string; reason: string }[];
};

export const catalogEntryOf = (row: MajorCatalogEntryRow): MajorCatalogEntry => ({
  id: row.id,
  category: row.category as MajorCatalogEntry['category'],
  level: row.level as MajorCatalogEntry['level'],
  field: row.field as MajorCatalogEntry['field'],
  title: row.title,
  penaltyKinds: row.penaltyKinds as string[],
  partyType: row.partyType as MajorCatalogEntry['partyType'],
  amountThreshold: row.amountThreshold === null ? null : Number(row.amountThreshold),
  basis: row.basis,
});

/** Entries in force: those without a retirement. */
export const activeCatalog = (
  rows: readonly { entry: MajorCatalogEntryRow; retirement: MajorCatalogRetirementRow | null }[],
): MajorCatalogEntry[] => rows.filter((r) => r.retirement === null).map((r) => catalogEntryOf(r.entry));

/** REVIEW-1: the decision the latest draft proposes, as the catalog is matched against it. */
export const proposedDecisionOf = (draft: CaseRecordRow): ProposedDecision | null => {
  const content = draft.content as Record<string, unknown>;
  const category = content.decisionKind;
  if (category !== 'penalty' && category !== 'licensing' && category !== 'compulsion') return null;
  const amount = typeof content.proposedAmount === 'string' ? Number(content.proposedAmount) : 0;

  return {
    category,
    field: (typeof content.enforcementField === 'string' ? content.enforcementField : 'other') as never,
    penaltyKinds: Array.isArray(content.proposedPenaltyKinds) ? (content.proposedPenaltyKinds as string[]) : [],
    partyType: content.partyType === 'organization' ? 'organization' : 'individual',
    amount: Number.isFinite(amount) ? amount : 0,
  };
};

export type CaseLegalReview = LegalReviewFact & {
  catalogMatches: ReturnType<typeof matchMajorCatalog>;
  draft: CaseRecordRow | null;
  rounds: readonly ReviewRoundRows[];
  state: ReturnType<typeof legalReviewState>;
};

/**
 * REVIEW-1, REVIEW-5: a decision is major when the filing said so, when its draft matches the catalog in force, or
 * when a submission marked one of the seven grounds; legal review then decides whether it may be signed and made.
 */
export const caseLegalReview = (options: {
  isFiledAsMajor: boolean;
  latestRecords: readonly CaseRecordRow[];
  catalog: readonly MajorCatalogEntry[];
  agencyLevel: AgencyLevel;
  rounds: readonly ReviewRoundRows[];
}): CaseLegalReview => {
  const draft = options.latestRecords.find((r) => r.kind === 'decision_draft') ?? null;
  const proposal = draft ? proposedDecisionOf(draft) : null;
  const catalogMatches = proposal
    ? matchMajorCatalog({ entries: options.catalog, decision: proposal, agencyLevel: options.agencyLevel })
    : [];
  const hasGrounds = options.rounds.some((r) => (r.submission.majorBasis as StoredMajorBasis).grounds.length > 0);
  const isMajorDecision = options.isFiledAsMajor || catalogMatches.length > 0 || hasGrounds;
  const state = legalReviewState({
    isMajor: isMajorDecision,
    rounds: options.rounds.map((r) => ({
      id: r.submission.id,
      round: r.submission.round,
      draftRecordId: r.submission.draftRecordId,
      submittedAt: r.submission.submittedAt.toISOString(),
      opinion: r.opinion
        ? {
            conclusion: r.opinion.conclusion as 'approve' | 'correct' | 'do_not_decide' | 'transfer',
            at: r.opinion.reviewedAt.toISOString(),
          }
        : null,
    })),
    currentDraftRecordId: draft?.id ?? null,
    rulings: options.rounds
      .filter((r) => r.ruling !== null)
      .map((r) => ({
        roundId: r.submission.id,
        outcome: r.ruling!.outcome as 'proceed' | 'follow_review',
        at: r.ruling!.ruledAt.toISOString(),
      })),
  });

  return {
    isMajorDecision,
    status: state.status,
    canDecide: state.canDecide,
    message: state.message,
    catalogMatches,
    draft,
    rounds: options.rounds,
    state,
  };
};
