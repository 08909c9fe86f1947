import {
  chinaDate,
  DomainError,
  REVIEW_CONCLUSIONS,
  REVIEW_POINTS,
  reviewOpinionProblems,
  validateRecordContent,
} from '@liuhen/domain';
import { findReviewSubmission, insertReviewOpinion, type ReviewOpinionRow } from '../db/repos/legal-review-repo';
import { insertCaseRecord, type CaseRecordRow } from '../db/repos/record-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { latestRoundOf, lockReviewCase } from './legal-review-case';
import { storedRecordDigest } from './make-case-record';
import { loadWorkCalendar } from './work-calendar';

export type ReviewOpinionInput = {
  points?: unknown;
  conclusion?: unknown;
  reasons?: unknown;
  correctionItems?: unknown;
};

type Point = { point: string; finding: string; note: string };

const parsePoints = (raw: unknown): Point[] =>
  Array.isArray(raw)
    ? raw.map((p: unknown) => {
        const item = (p ?? {}) as Record<string, unknown>;

        return {
          point: String(item.point ?? ''),
          finding: String(item.finding ?? ''),
          note: typeof item.note === 'string' ? item.note.trim() : '',
        };
      })
    : [];

const labelOf = (point: string) => REVIEW_POINTS[point as keyof typeof REVIEW_POINTS]?.label ?? point;

/**
 * REVIEW-3, REVIEW-5: the legal reviewer works through the eight points and gives 同意, 纠正, 不予作出 or 移送 with reasons;
 * the 法制审核意见书 is filed in the case as a record in the same transaction, and both go into the ledger.
 */
export const decideLegalReview = async ({
  ctx,
  actor,
  submissionId,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  submissionId: string;
  input: ReviewOpinionInput;
}) => {
  authorize(actor, 'review.decide');
  const points = parsePoints(input.points);
  const conclusion = String(input.conclusion ?? '');
  const reasons = typeof input.reasons === 'string' ? input.reasons.trim() : '';
  const correctionItems = typeof input.correctionItems === 'string' ? input.correctionItems.trim() : '';
  const problems = reviewOpinionProblems({ points, conclusion, reasons, correctionItems });
  if (problems.length > 0) {
    const codes = [...new Set(problems.map((p) => p.code))];
    throw new DomainError(codes.length === 1 ? codes[0]! : 'VALIDATION_FAILED', { fields: problems });
  }
  const submission = await findReviewSubmission(ctx.db, submissionId);
  if (!submission || submission.agencyId !== actor.agencyId)
    throw new DomainError('REVIEW_NOT_FOUND', { id: submissionId });
  const now = ctx.clock.now();
  const calendar = await loadWorkCalendar(ctx.db, now);

  return ctx.db.transaction(async (tx) => {
    const { caseRow, state } = await lockReviewCase({ tx, actor, caseId: submission.caseId, now, calendar });
    const round = latestRoundOf(state, submissionId);
    if (round.opinion) throw new DomainError('REVIEW_ALREADY_DECIDED', { id: submissionId });
    // The reviewer is not the one who drafted or submitted what is reviewed (S3 附件3: review by the legal section).
    const draft = state.records.flatMap((r) => r.versions).find((v) => v.id === submission.draftRecordId);
    if (submission.submittedBy === actor.userId || draft?.createdBy === actor.userId)
      throw new DomainError('REVIEW_SELF_REVIEW', { id: submissionId });

    const materials = submission.materials as { material: string }[];
    const opinionText = [reasons, ...points.filter((p) => p.note).map((p) => `${labelOf(p.point)}：${p.note}`)].join(
      '\n',
    );
    const content = validateRecordContent('legal_review_opinion', {
      reviewers: actor.displayName,
      receivedOn: chinaDate(submission.submittedAt),
      materialsReceived: [...new Set(materials.map((m) => m.material))],
      pointsReviewed: points.map((p) => p.point),
      conclusion,
      reviewOpinion: opinionText.slice(0, 20000),
      ...(conclusion === 'correct' ? { correctionItems } : {}),
      reviewedOn: chinaDate(now),
    });
    if (content.problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: content.problems });
    const base = {
      id: ctx.newId(),
      caseId: caseRow.id,
      kind: 'legal_review_opinion',
      stage: caseRow.stage,
      version: 1,
      supersedesId: null,
      correctionReason: null,
      recordedAt: now,
      place: null,
      officers: [
        {
          userId: actor.userId,
          name: actor.displayName,
          credentialNumber: actor.credentialNumber,
          isCredentialValid: actor.credentialNumber !== null,
          isCredentialShown: false,
        },
      ],
      partySignature: 'not_required',
      refusalReason: null,
      witnesses: [],
      content: content.content,
      avReason: null,
      createdBy: actor.userId,
      createdAt: now,
    };
    const record: CaseRecordRow = { ...base, contentSha256: storedRecordDigest(base) };
    await insertCaseRecord(tx, record);
    const opinion: ReviewOpinionRow = {
      submissionId,
      points,
      conclusion,
      reasons,
      correctionItems: conclusion === 'correct' ? correctionItems : null,
      recordId: record.id,
      reviewedBy: actor.userId,
      reviewedAt: now,
    };
    await insertReviewOpinion(tx, opinion);
    const ledger = { agencyId: caseRow.agencyId, actor: ledgerActorOf(actor), occurredAt: now };
    await appendLedgerEntry(tx, {
      ...ledger,
      entryId: ctx.newId(),
      event: {
        type: 'record.created',
        subjectId: record.id,
        caseId: caseRow.id,
        payload: {
          caseId: caseRow.id,
          recordId: record.id,
          kind: record.kind,
          stage: record.stage,
          version: 1,
          recordSha256: record.contentSha256,
        },
      },
    });
    await appendLedgerEntry(tx, {
      ...ledger,
      entryId: ctx.newId(),
      event: {
        type: 'legal_review.decided',
        subjectId: submissionId,
        caseId: caseRow.id,
        payload: { submissionId, conclusion, opinionRecordId: record.id, recordSha256: record.contentSha256 },
      },
    });

    return { ...opinion, conclusionName: REVIEW_CONCLUSIONS[conclusion as keyof typeof REVIEW_CONCLUSIONS].name };
  });
};
