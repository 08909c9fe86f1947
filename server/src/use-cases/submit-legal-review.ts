import {
  addWorkingDays,
  assertCanSubmit,
  chinaDate,
  DomainError,
  majorBasisProblems,
  missingReviewMaterials,
  recordDigest,
  reviewDueOn,
  validateReviewMaterials,
  type CanonicalValue,
} from '@liuhen/domain';
import { listEvidenceOfCase } from '../db/repos/evidence-repo';
import { insertReviewSubmission, type ReviewSubmissionRow } from '../db/repos/legal-review-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { StoredMajorBasis } from '../procedures/legal-review-state';
import type { UseCaseContext, UserActor } from './context';
import { lockReviewCase } from './legal-review-case';
import { loadWorkCalendar } from './work-calendar';

export type ReviewSubmissionInput = {
  proposal?: unknown;
  materials?: unknown;
  grounds?: unknown;
  isAssessmentMade?: unknown;
};

type Material = { material: string; recordIds: string[]; evidenceIds: string[] };
type Ground = { ground: string; reason: string };

const parseMaterials = (raw: unknown): Material[] => {
  if (!Array.isArray(raw)) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'materials' }] });

  return raw.map((m: unknown, i) => {
    const item = (m ?? {}) as Record<string, unknown>;
    const ids = (value: unknown) =>
      Array.isArray(value) && value.every((v) => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v))
        ? (value as string[])
        : null;
    const recordIds = ids(item.recordIds ?? []);
    const evidenceIds = ids(item.evidenceIds ?? []);
    if (typeof item.material !== 'string' || !recordIds || !evidenceIds)
      throw new DomainError('VALIDATION_FAILED', { fields: [{ field: `materials.${i}` }] });

    return { material: item.material, recordIds, evidenceIds };
  });
};

const parseGrounds = (raw: unknown): Ground[] => {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'grounds' }] });

  return raw.map((g: unknown) => {
    const item = (g ?? {}) as Record<string, unknown>;

    return { ground: String(item.ground ?? ''), reason: typeof item.reason === 'string' ? item.reason.trim() : '' };
  });
};

/**
 * REVIEW-1, REVIEW-2: submits the latest decision draft for legal review, with why the decision is major (the catalog
 * entries it matches, or grounds a person marks with reasons) and the six materials of S3 附件3 第五条. The review is
 * due ten working days later on the agency's calendar (REVIEW-4).
 */
export const submitLegalReview = async ({
  ctx,
  actor,
  caseId,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  caseId: string;
  input: ReviewSubmissionInput;
}): Promise<ReviewSubmissionRow> => {
  authorize(actor, 'review.submit');
  const proposal = typeof input.proposal === 'string' ? input.proposal.trim() : '';
  if (proposal.length > 5000) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'proposal' }] });
  const materials = parseMaterials(input.materials ?? []);
  const materialProblems = validateReviewMaterials({ materials });
  if (materialProblems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: materialProblems });
  const grounds = parseGrounds(input.grounds);
  const now = ctx.clock.now();
  const calendar = await loadWorkCalendar(ctx.db, now);

  return ctx.db.transaction(async (tx) => {
    const { caseRow, state } = await lockReviewCase({ tx, actor, caseId, now, calendar });
    const stage = state.definition.stages.find((s) => s.id === caseRow.stage);
    if (!stage?.records.some((r) => r.kind === 'legal_review_opinion'))
      throw new DomainError('RECORD_NOT_FOR_STAGE', { kind: 'legal_review_opinion', stage: caseRow.stage });
    const review = state.legalReview;
    const draft = review.draft;
    if (!draft) {
      throw new DomainError('REVIEW_MATERIALS_MISSING', {
        missing: [{ material: 'draft_decision', name: '决定书代拟稿', message: '本案尚无决定书代拟稿' }],
      });
    }
    // A decision not yet major becomes so by the grounds marked now (REVIEW-1); the gate's order applies otherwise.
    if (review.isMajorDecision) assertCanSubmit(review.state, draft.id);

    // The filing's own grounds count when it marked the case major and nobody restated them (REVIEW-1).
    const filing = state.records.find((r) => r.row.kind === 'filing_approval')?.row.content as
      Record<string, unknown> | undefined;
    const filedGrounds =
      grounds.length === 0 && filing?.isMajorCase === true && Array.isArray(filing.majorCaseGrounds)
        ? (filing.majorCaseGrounds as string[]).map((ground) => ({ ground, reason: '立案审批时认定为重大案件' }))
        : [];
    const allGrounds = grounds.length > 0 ? grounds : filedGrounds;
    const basisProblems = majorBasisProblems({ catalogMatches: review.catalogMatches, grounds: allGrounds });
    if (basisProblems.length > 0) throw new DomainError('MAJOR_BASIS_REQUIRED', { fields: basisProblems });

    // Every record and item named must be this case's own.
    const recordIds = new Set(state.records.flatMap((r) => r.versions.map((v) => v.id)));
    const evidenceIds = new Set((await listEvidenceOfCase(tx, caseId)).map((e) => e.id));
    for (const [i, m] of materials.entries()) {
      if (m.recordIds.some((id) => !recordIds.has(id)) || m.evidenceIds.some((id) => !evidenceIds.has(id)))
        throw new DomainError('VALIDATION_FAILED', { fields: [{ field: `materials.${i}`, code: 'NOT_IN_CASE' }] });
    }
    const missing = missingReviewMaterials({
      proposal,
      materials,
      isHearingHeld: state.records.some((r) => r.row.kind === 'hearing_record'),
      isAssessmentMade: input.isAssessmentMade === true,
    });
    if (missing.length > 0) throw new DomainError('REVIEW_MATERIALS_MISSING', { missing });

    const today = chinaDate(now);
    const due = reviewDueOn({
      submittedOn: today,
      extensionsWorkingDays: [],
      addWorkingDays: (date, days) => {
        const walk = addWorkingDays(calendar, date, days);

        return { date: walk.date, isCovered: walk.uncoveredYears.length === 0 };
      },
    });
    const majorBasis: StoredMajorBasis = {
      catalogMatches: review.catalogMatches.map((m) => ({
        entryId: m.entry.id,
        title: m.entry.title,
        reasons: m.reasons,
      })),
      grounds: allGrounds,
    };
    const row: ReviewSubmissionRow = {
      id: ctx.newId(),
      agencyId: caseRow.agencyId,
      caseId,
      round: (review.state.latestRound?.round ?? 0) + 1,
      draftRecordId: draft.id,
      majorBasis,
      proposal,
      materials,
      submittedBy: actor.userId,
      submittedAt: now,
      dueOn: due.date,
    };
    await insertReviewSubmission(tx, row);
    await appendLedgerEntry(tx, {
      agencyId: caseRow.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'legal_review.submitted',
        subjectId: row.id,
        caseId,
        payload: {
          submissionId: row.id,
          round: row.round,
          draftRecordId: draft.id,
          dueOn: row.dueOn,
          catalogEntryIds: majorBasis.catalogMatches.map((m) => m.entryId),
          grounds: allGrounds.map((g) => g.ground),
          recordSha256: recordDigest({
            ...row,
            submittedAt: now.toISOString(),
          } as unknown as CanonicalValue),
        },
      },
    });

    return row;
  });
};
