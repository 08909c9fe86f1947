import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor, Tx } from '../client';
import {
  agencies,
  cases,
  legalReviewExtensionDecisions,
  legalReviewExtensions,
  legalReviewOpinions,
  legalReviewRulings,
  legalReviewSubmissions,
  majorCatalogEntries,
  majorCatalogRetirements,
} from '../schema';

export type MajorCatalogEntryRow = typeof majorCatalogEntries.$inferSelect;
export type MajorCatalogRetirementRow = typeof majorCatalogRetirements.$inferSelect;
export type ReviewSubmissionRow = typeof legalReviewSubmissions.$inferSelect;
export type ReviewOpinionRow = typeof legalReviewOpinions.$inferSelect;
export type ReviewExtensionRow = typeof legalReviewExtensions.$inferSelect;
export type ReviewExtensionDecisionRow = typeof legalReviewExtensionDecisions.$inferSelect;
export type ReviewRulingRow = typeof legalReviewRulings.$inferSelect;

export const insertMajorCatalogEntry = async (tx: Tx, row: MajorCatalogEntryRow): Promise<void> => {
  await tx.insert(majorCatalogEntries).values(row);
};

export const insertMajorCatalogRetirement = async (tx: Tx, row: MajorCatalogRetirementRow): Promise<void> => {
  await tx.insert(majorCatalogRetirements).values(row);
};

/** Every entry of the agencies' catalogs, retired ones with their retirement, oldest first. */
export const listMajorCatalog = async (db: Executor, agencyIds: readonly string[]) =>
  agencyIds.length === 0
    ? []
    : db
        .select({ entry: majorCatalogEntries, retirement: majorCatalogRetirements })
        .from(majorCatalogEntries)
        .leftJoin(majorCatalogRetirements, eq(majorCatalogRetirements.entryId, majorCatalogEntries.id))
        .where(inArray(majorCatalogEntries.agencyId, [...agencyIds]))
        .orderBy(asc(majorCatalogEntries.createdAt), asc(majorCatalogEntries.id));

/** Locks an entry so that two retirements cannot both find it in force. */
export const lockMajorCatalogEntry = async (tx: Tx, id: string) => {
  const [row] = await tx
    .select({ entry: majorCatalogEntries, retirement: majorCatalogRetirements })
    .from(majorCatalogEntries)
    .leftJoin(majorCatalogRetirements, eq(majorCatalogRetirements.entryId, majorCatalogEntries.id))
    .where(eq(majorCatalogEntries.id, id))
    .for('update', { of: majorCatalogEntries });

  return row ?? null;
};

export const insertReviewSubmission = async (tx: Tx, row: ReviewSubmissionRow): Promise<void> => {
  await tx.insert(legalReviewSubmissions).values(row);
};

export const insertReviewOpinion = async (tx: Tx, row: ReviewOpinionRow): Promise<void> => {
  await tx.insert(legalReviewOpinions).values(row);
};

export const insertReviewExtension = async (tx: Tx, row: ReviewExtensionRow): Promise<void> => {
  await tx.insert(legalReviewExtensions).values(row);
};

export const insertReviewExtensionDecision = async (tx: Tx, row: ReviewExtensionDecisionRow): Promise<void> => {
  await tx.insert(legalReviewExtensionDecisions).values(row);
};

export const insertReviewRuling = async (tx: Tx, row: ReviewRulingRow): Promise<void> => {
  await tx.insert(legalReviewRulings).values(row);
};

export type ReviewRoundRows = {
  submission: ReviewSubmissionRow;
  opinion: ReviewOpinionRow | null;
  ruling: ReviewRulingRow | null;
  extensions: { extension: ReviewExtensionRow; decision: ReviewExtensionDecisionRow | null }[];
};

/** Every round of legal review of the cases, with its opinion, ruling and extensions, in round order. */
export const listReviewRoundsOfCases = async (db: Executor, caseIds: readonly string[]): Promise<ReviewRoundRows[]> => {
  if (caseIds.length === 0) return [];
  const rounds = await db
    .select({ submission: legalReviewSubmissions, opinion: legalReviewOpinions, ruling: legalReviewRulings })
    .from(legalReviewSubmissions)
    .leftJoin(legalReviewOpinions, eq(legalReviewOpinions.submissionId, legalReviewSubmissions.id))
    .leftJoin(legalReviewRulings, eq(legalReviewRulings.submissionId, legalReviewSubmissions.id))
    .where(inArray(legalReviewSubmissions.caseId, [...caseIds]))
    .orderBy(asc(legalReviewSubmissions.caseId), asc(legalReviewSubmissions.round));
  const extensions =
    rounds.length === 0
      ? []
      : await db
          .select({ extension: legalReviewExtensions, decision: legalReviewExtensionDecisions })
          .from(legalReviewExtensions)
          .leftJoin(
            legalReviewExtensionDecisions,
            eq(legalReviewExtensionDecisions.extensionId, legalReviewExtensions.id),
          )
          .where(
            inArray(
              legalReviewExtensions.submissionId,
              rounds.map((r) => r.submission.id),
            ),
          )
          .orderBy(asc(legalReviewExtensions.requestedAt));

  return rounds.map((r) => ({
    ...r,
    extensions: extensions.filter((e) => e.extension.submissionId === r.submission.id),
  }));
};

export const findReviewSubmission = async (db: Executor, id: string) => {
  const [row] = await db.select().from(legalReviewSubmissions).where(eq(legalReviewSubmissions.id, id));

  return row ?? null;
};

/** Locks an extension request so that it is decided once. */
export const lockReviewExtension = async (tx: Tx, id: string) => {
  const [row] = await tx
    .select({ extension: legalReviewExtensions, decision: legalReviewExtensionDecisions })
    .from(legalReviewExtensions)
    .leftJoin(legalReviewExtensionDecisions, eq(legalReviewExtensionDecisions.extensionId, legalReviewExtensions.id))
    .where(eq(legalReviewExtensions.id, id))
    .for('update', { of: legalReviewExtensions });

  return row ?? null;
};

/** REVIEW-4: the agency's rounds still waiting for an opinion, oldest due first, with their case. */
export const listOpenReviews = async (db: Executor, agencyId: string) =>
  db
    .select({ submission: legalReviewSubmissions, caseNumber: cases.number, caseId: cases.id })
    .from(legalReviewSubmissions)
    .innerJoin(cases, eq(cases.id, legalReviewSubmissions.caseId))
    .leftJoin(legalReviewOpinions, eq(legalReviewOpinions.submissionId, legalReviewSubmissions.id))
    .where(and(eq(legalReviewSubmissions.agencyId, agencyId), isNull(legalReviewOpinions.submissionId)))
    .orderBy(asc(legalReviewSubmissions.dueOn), asc(legalReviewSubmissions.submittedAt));

/** REVIEW-4: the agency's most recent decided rounds, for the reviewers' record of timeliness. */
export const listDecidedReviews = async (db: Executor, agencyId: string, limit: number) =>
  db
    .select({
      submission: legalReviewSubmissions,
      opinion: legalReviewOpinions,
      caseNumber: cases.number,
      caseId: cases.id,
    })
    .from(legalReviewSubmissions)
    .innerJoin(cases, eq(cases.id, legalReviewSubmissions.caseId))
    .innerJoin(legalReviewOpinions, eq(legalReviewOpinions.submissionId, legalReviewSubmissions.id))
    .where(eq(legalReviewSubmissions.agencyId, agencyId))
    .orderBy(desc(legalReviewOpinions.reviewedAt))
    .limit(limit);

/** REVIEW-1: a catalog entry may apply to one level of agency only, so matching needs each agency's level. */
export const listAgencyLevels = async (db: Executor, agencyIds: readonly string[]) =>
  agencyIds.length === 0
    ? []
    : db
        .select({ id: agencies.id, level: agencies.level, name: agencies.name })
        .from(agencies)
        .where(inArray(agencies.id, [...agencyIds]));
