import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../client';
import {
  cases,
  evidenceDisposalDecisions,
  evidenceDisposalRequests,
  evidenceItems,
  evidenceRetention,
  legalHoldReleases,
  legalHolds,
} from '../schema';

export type LegalHoldRow = typeof legalHolds.$inferSelect;
export type LegalHoldReleaseRow = typeof legalHoldReleases.$inferSelect;
export type DisposalRequestRow = typeof evidenceDisposalRequests.$inferSelect;
export type DisposalDecisionRow = typeof evidenceDisposalDecisions.$inferSelect;

/** RET-2: an item still kept, i.e. without an approved disposal; its bytes may be gone once one is approved. */
export const isKeptItem = (item: typeof evidenceItems) =>
  sql`not exists (select 1 from ${evidenceDisposalRequests} r join ${evidenceDisposalDecisions} d
    on d.request_id = r.id where r.evidence_id = ${item.id} and d.decision = 'approved')`;

export const insertLegalHold = async (tx: Tx, row: LegalHoldRow): Promise<void> => {
  await tx.insert(legalHolds).values(row);
};

export const insertLegalHoldRelease = async (tx: Tx, row: LegalHoldReleaseRow): Promise<void> => {
  await tx.insert(legalHoldReleases).values(row);
};

/** Locks the hold so that two releases cannot both pass the "still active" check. */
export const lockLegalHold = async (tx: Tx, id: string) => {
  const [row] = await tx
    .select({ hold: legalHolds, release: legalHoldReleases })
    .from(legalHolds)
    .leftJoin(legalHoldReleases, eq(legalHoldReleases.holdId, legalHolds.id))
    .where(eq(legalHolds.id, id))
    .for('update', { of: legalHolds });

  return row ?? null;
};

/** Every hold on a case, active or released, oldest first. */
export const listHoldsOfCase = async (db: Executor, caseId: string) =>
  db
    .select({ hold: legalHolds, release: legalHoldReleases })
    .from(legalHolds)
    .leftJoin(legalHoldReleases, eq(legalHoldReleases.holdId, legalHolds.id))
    .where(eq(legalHolds.caseId, caseId))
    .orderBy(asc(legalHolds.placedAt));

/**
 * RET-2: whether any active hold, other than `exceptHoldId`, covers an item that refers to this content; the store's
 * hold on shared bytes stays on while one does, whichever agency placed it.
 */
export const isContentHeld = async (db: Executor, sha256: string, exceptHoldId: string | null): Promise<boolean> => {
  const rows = await db
    .select({ id: legalHolds.id })
    .from(evidenceItems)
    .innerJoin(
      legalHolds,
      and(
        eq(legalHolds.caseId, evidenceItems.caseId),
        sql`(${legalHolds.evidenceId} is null or ${legalHolds.evidenceId} = ${evidenceItems.id})`,
      ),
    )
    .leftJoin(legalHoldReleases, eq(legalHoldReleases.holdId, legalHolds.id))
    .where(
      and(
        eq(evidenceItems.blobSha256, sha256),
        isNull(legalHoldReleases.holdId),
        exceptHoldId ? sql`${legalHolds.id} <> ${exceptHoldId}` : undefined,
      ),
    )
    .limit(1);

  return rows.length > 0;
};

export const insertDisposalRequest = async (tx: Tx, row: DisposalRequestRow): Promise<void> => {
  await tx.insert(evidenceDisposalRequests).values(row);
};

export const insertDisposalDecision = async (tx: Tx, row: DisposalDecisionRow): Promise<void> => {
  await tx.insert(evidenceDisposalDecisions).values(row);
};

const requestWithDecision = (db: Executor) =>
  db
    .select({ request: evidenceDisposalRequests, decision: evidenceDisposalDecisions, item: evidenceItems })
    .from(evidenceDisposalRequests)
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceDisposalRequests.evidenceId))
    .leftJoin(evidenceDisposalDecisions, eq(evidenceDisposalDecisions.requestId, evidenceDisposalRequests.id));

export const findDisposalRequest = async (db: Executor, id: string) => {
  const [row] = await requestWithDecision(db).where(eq(evidenceDisposalRequests.id, id));

  return row ?? null;
};

/** A request with its decision, if any; locked so that two heads cannot decide it at once. */
export const lockDisposalRequest = async (tx: Tx, id: string) => {
  const [row] = await requestWithDecision(tx)
    .where(eq(evidenceDisposalRequests.id, id))
    .for('update', { of: evidenceDisposalRequests });

  return row ?? null;
};

/** Every disposal request on these items with its decision, newest first. */
export const listDisposalsOfItems = async (db: Executor, evidenceIds: string[]) =>
  evidenceIds.length === 0
    ? []
    : db
        .select({ request: evidenceDisposalRequests, decision: evidenceDisposalDecisions })
        .from(evidenceDisposalRequests)
        .leftJoin(evidenceDisposalDecisions, eq(evidenceDisposalDecisions.requestId, evidenceDisposalRequests.id))
        .where(inArray(evidenceDisposalRequests.evidenceId, evidenceIds))
        .orderBy(desc(evidenceDisposalRequests.requestedAt));

/** The agency's disposal requests, undecided first, with the item and its case. */
export const listDisposalRequestsOfAgency = async (db: Executor, agencyId: string, isPendingOnly: boolean) =>
  db
    .select({
      request: evidenceDisposalRequests,
      decision: evidenceDisposalDecisions,
      item: evidenceItems,
      caseNumber: cases.number,
      caseSummary: cases.summary,
    })
    .from(evidenceDisposalRequests)
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceDisposalRequests.evidenceId))
    .innerJoin(cases, eq(cases.id, evidenceItems.caseId))
    .leftJoin(evidenceDisposalDecisions, eq(evidenceDisposalDecisions.requestId, evidenceDisposalRequests.id))
    .where(
      and(
        eq(evidenceItems.agencyId, agencyId),
        isPendingOnly ? isNull(evidenceDisposalDecisions.requestId) : undefined,
      ),
    )
    .orderBy(sql`${evidenceDisposalDecisions.requestId} is not null`, desc(evidenceDisposalRequests.requestedAt))
    .limit(500);

/** Items whose content no item still keeps: every item on this content has an approved disposal. */
export const countKeptItemsOfContent = async (db: Executor, sha256: string): Promise<number> => {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(evidenceItems)
    .where(and(eq(evidenceItems.blobSha256, sha256), isKeptItem(evidenceItems)));

  return row?.count ?? 0;
};

/**
 * RET-2: the agency's originals whose term ends before `asOf` and that are not yet disposed, with the case they belong
 * to and their term; holds are judged by the caller, which may leave one out to preview its release.
 */
export const listItemsDueBefore = async (db: Executor, agencyId: string, asOf: string) => {
  const terms = db
    .select({
      evidenceId: evidenceRetention.evidenceId,
      retainUntil: sql<string>`max(${evidenceRetention.retainUntil})`.as('retain_until'),
    })
    .from(evidenceRetention)
    .groupBy(evidenceRetention.evidenceId)
    .as('terms');

  return db
    .select({
      item: evidenceItems,
      retainUntil: terms.retainUntil,
      caseNumber: cases.number,
      caseSummary: cases.summary,
    })
    .from(evidenceItems)
    .innerJoin(terms, eq(terms.evidenceId, evidenceItems.id))
    .innerJoin(cases, eq(cases.id, evidenceItems.caseId))
    .where(and(eq(evidenceItems.agencyId, agencyId), lt(terms.retainUntil, asOf), isKeptItem(evidenceItems)))
    .orderBy(asc(terms.retainUntil), asc(evidenceItems.id))
    .limit(1000);
};

/** Active holds of the agency on these cases (case-wide or on one item). */
export const listActiveHoldsOfCases = async (db: Executor, caseIds: string[]): Promise<LegalHoldRow[]> =>
  caseIds.length === 0
    ? []
    : (
        await db
          .select({ hold: legalHolds })
          .from(legalHolds)
          .leftJoin(legalHoldReleases, eq(legalHoldReleases.holdId, legalHolds.id))
          .where(and(inArray(legalHolds.caseId, caseIds), isNull(legalHoldReleases.holdId)))
      ).map((r) => r.hold);
