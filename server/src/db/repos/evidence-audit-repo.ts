import { alias } from 'drizzle-orm/pg-core';
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../client';
import { blobFixityChecks, blobs, cases, devices, evidenceItems, evidenceUploads, fixityRuns, users } from '../schema';
import { isKeptItem } from './retention-repo';

export type FixityRunRow = typeof fixityRuns.$inferSelect;
export type BlobFixityCheckRow = typeof blobFixityChecks.$inferSelect;
export type FixityOutcome = 'ok' | 'missing' | 'altered' | 'unreadable' | 'unreferenced';

// ── Upload expiry (AV-7) ───────────────────────────────────────────────────────────────────────────────────────

/** Moves a receiving upload to expired; null when it was no longer receiving (finished, cancelled, expired meanwhile). */
export const markUploadExpired = async (tx: Tx, id: string, at: Date) => {
  const [row] = await tx
    .update(evidenceUploads)
    .set({ status: 'expired', hashState: null, updatedAt: at })
    .where(and(eq(evidenceUploads.id, id), eq(evidenceUploads.status, 'receiving')))
    .returning();

  return row ?? null;
};

/** The status of each upload that has a staged file, to find files left behind by an interrupted clean-up. */
export const listUploadStatuses = async (db: Executor, ids: string[]) =>
  ids.length === 0
    ? []
    : db
        .select({ id: evidenceUploads.id, status: evidenceUploads.status })
        .from(evidenceUploads)
        .where(inArray(evidenceUploads.id, ids));

// ── Fixity ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Originals some kept item refers to (of one agency, or of all); their bytes must be in the store. */
const keptBlob = (agencyId: string | null) =>
  sql`exists (select 1 from ${evidenceItems} where ${evidenceItems.blobSha256} = ${blobs.sha256}
    ${agencyId === null ? sql`` : sql`and ${evidenceItems.agencyId} = ${agencyId}`} and ${isKeptItem(evidenceItems)})`;

export const countFixityCandidates = async (db: Executor, agencyId: string | null): Promise<number> => {
  const [row] = await db.select({ n: count() }).from(blobs).where(keptBlob(agencyId));

  return row?.n ?? 0;
};

export type FixityCandidate = { sha256: string; size: number };

// Checks made before the run started: a run beside this one does not move an original in this run's order.
const lastCheckedBefore = (startedAt: Date) =>
  sql`(select max(c.checked_at) from ${blobFixityChecks} c
    where c.sha256 = ${blobs.sha256} and c.checked_at < ${startedAt.toISOString()}::timestamptz)`;

/**
 * The next originals a run checks, none it has checked already. `stale_first` (a daily share): least recently
 * verified first, never-checked ones before all and oldest stored first among them, so the share walks through the
 * whole store in 100/percent days; each page reads every address once. `address` (a full check): by address after
 * `afterSha256`, through the primary key. Either way memory stays at one page.
 */
export const listFixityCandidates = async (
  db: Executor,
  options: {
    runId: string;
    startedAt: Date;
    agencyId: string | null;
    order: 'stale_first' | 'address';
    afterSha256: string | null;
    limit: number;
  },
): Promise<FixityCandidate[]> => {
  const query = db.select({ sha256: blobs.sha256, size: blobs.size }).from(blobs);
  if (options.order === 'address') {
    return query
      .where(
        and(
          keptBlob(options.agencyId),
          options.afterSha256 === null ? undefined : gt(blobs.sha256, options.afterSha256),
        ),
      )
      .orderBy(asc(blobs.sha256))
      .limit(options.limit);
  }
  const notYetInRun = sql`not exists (select 1 from ${blobFixityChecks} r
    where r.run_id = ${options.runId} and r.sha256 = ${blobs.sha256})`;

  return query
    .where(and(keptBlob(options.agencyId), notYetInRun))
    .orderBy(sql`${lastCheckedBefore(options.startedAt)} asc nulls first`, asc(blobs.storedAt), asc(blobs.sha256))
    .limit(options.limit);
};

/** Which of these addresses have a `blobs` row; the others are bytes in the store that no item refers to. */
export const findKnownBlobs = async (db: Executor, shas: string[]): Promise<Set<string>> => {
  if (shas.length === 0) return new Set();
  const rows = await db.select({ sha256: blobs.sha256 }).from(blobs).where(inArray(blobs.sha256, shas));

  return new Set(rows.map((r) => r.sha256));
};

/** Sizes of uploads being moved into the store right now: their bytes may be there a moment before their row. */
export const listFinishingUploadSizes = async (db: Executor): Promise<Set<number>> => {
  const rows = await db
    .select({ size: evidenceUploads.declaredSize })
    .from(evidenceUploads)
    .where(eq(evidenceUploads.status, 'finishing'));

  return new Set(rows.map((r) => r.size));
};

/** The kept items of each agency that refer to these originals (optionally of one agency only). */
export const countKeptItemsByAgency = async (db: Executor, shas: string[], agencyId: string | null) =>
  shas.length === 0
    ? []
    : db
        .select({ sha256: evidenceItems.blobSha256, agencyId: evidenceItems.agencyId, items: count() })
        .from(evidenceItems)
        .where(
          and(
            inArray(evidenceItems.blobSha256, shas),
            agencyId === null ? undefined : eq(evidenceItems.agencyId, agencyId),
            isKeptItem(evidenceItems),
          ),
        )
        .groupBy(evidenceItems.blobSha256, evidenceItems.agencyId);

export const insertFixityRun = async (db: Executor, row: FixityRunRow): Promise<void> => {
  await db.insert(fixityRuns).values(row);
};

export const finishFixityRun = async (
  tx: Tx,
  id: string,
  set: Pick<FixityRunRow, 'finishedAt' | 'checked' | 'bytes' | 'problems'>,
): Promise<void> => {
  await tx.update(fixityRuns).set(set).where(eq(fixityRuns.id, id));
};

export const insertFixityChecks = async (db: Executor, rows: BlobFixityCheckRow[]): Promise<void> => {
  if (rows.length > 0) await db.insert(blobFixityChecks).values(rows);
};

/** Serializes the decision to start the scheduled run, so two server processes on one database do not both run it. */
export const lockFixitySchedule = async (tx: Tx): Promise<void> => {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('liuhen.fixity.schedule', 0))`);
};

export const lastFixityRunStartedAt = async (db: Executor): Promise<Date | null> => {
  const [row] = await db
    .select({ startedAt: fixityRuns.startedAt })
    .from(fixityRuns)
    .orderBy(desc(fixityRuns.startedAt))
    .limit(1);

  return row?.startedAt ?? null;
};

export const listRecentFixityRuns = async (db: Executor, limit: number): Promise<FixityRunRow[]> =>
  db.select().from(fixityRuns).orderBy(desc(fixityRuns.startedAt), desc(fixityRuns.id)).limit(limit);

export type AgencyRunCounts = {
  runId: string;
  checked: number;
  bytes: number;
  missing: number;
  altered: number;
  unreadable: number;
};

/** Per run, what it found about this agency's kept items: items checked and found missing, altered or unreadable. */
export const countAgencyRunFindings = async (
  db: Executor,
  agencyId: string,
  runIds: string[],
): Promise<AgencyRunCounts[]> => {
  if (runIds.length === 0) return [];
  const perBlob = db
    .select({
      runId: blobFixityChecks.runId,
      outcome: blobFixityChecks.outcome,
      size: sql<number>`max(${blobFixityChecks.expectedSize})`.as('size'),
      items: sql<number>`count(${evidenceItems.id})`.as('items'),
    })
    .from(blobFixityChecks)
    .innerJoin(
      evidenceItems,
      and(eq(evidenceItems.blobSha256, blobFixityChecks.sha256), eq(evidenceItems.agencyId, agencyId)),
    )
    .where(and(inArray(blobFixityChecks.runId, runIds), isKeptItem(evidenceItems)))
    .groupBy(blobFixityChecks.runId, blobFixityChecks.sha256, blobFixityChecks.outcome)
    .as('per_blob');
  const items = (outcome: FixityOutcome) =>
    sql<number>`coalesce(sum(${perBlob.items}) filter (where ${perBlob.outcome} = ${outcome}), 0)`.mapWith(Number);

  return db
    .select({
      runId: perBlob.runId,
      checked: sql<number>`coalesce(sum(${perBlob.items}), 0)`.mapWith(Number),
      bytes: sql<number>`coalesce(sum(${perBlob.size}), 0)`.mapWith(Number),
      missing: items('missing'),
      altered: items('altered'),
      unreadable: items('unreadable'),
    })
    .from(perBlob)
    .groupBy(perBlob.runId);
};

/** The newest check of every original this agency keeps an item of. */
const latestChecksOfAgency = (db: Executor, agencyId: string) =>
  db
    .selectDistinctOn([blobFixityChecks.sha256], {
      sha256: blobFixityChecks.sha256,
      runId: blobFixityChecks.runId,
      checkedAt: blobFixityChecks.checkedAt,
      outcome: blobFixityChecks.outcome,
      expectedSize: blobFixityChecks.expectedSize,
      actualSize: blobFixityChecks.actualSize,
      actualSha256: blobFixityChecks.actualSha256,
      error: blobFixityChecks.error,
    })
    .from(blobFixityChecks)
    .where(
      inArray(
        blobFixityChecks.sha256,
        db
          .select({ sha256: evidenceItems.blobSha256 })
          .from(evidenceItems)
          .where(and(eq(evidenceItems.agencyId, agencyId), isKeptItem(evidenceItems))),
      ),
    )
    .orderBy(blobFixityChecks.sha256, desc(blobFixityChecks.checkedAt), desc(blobFixityChecks.runId))
    .as('latest');

export type OpenFixityProblemRow = {
  sha256: string;
  runId: string;
  checkedAt: Date;
  outcome: string;
  expectedSize: number | null;
  actualSize: number | null;
  actualSha256: string | null;
  error: string | null;
  evidenceId: string;
  caseId: string;
  caseNumber: string;
  caseSummary: string;
  filename: string;
  kind: string;
  recordedStartedAt: Date;
  uploadedAt: Date;
};

/**
 * Originals of this agency whose newest check found them missing, altered or unreadable, one row per kept item that
 * refers to them (several items may share one original). A later check that finds the bytes intact closes it.
 */
export const listOpenFixityProblems = async (db: Executor, agencyId: string): Promise<OpenFixityProblemRow[]> => {
  const latest = latestChecksOfAgency(db, agencyId);
  const rows = await db
    .select({
      sha256: latest.sha256,
      runId: latest.runId,
      checkedAt: latest.checkedAt,
      outcome: latest.outcome,
      expectedSize: latest.expectedSize,
      actualSize: latest.actualSize,
      actualSha256: latest.actualSha256,
      error: latest.error,
      evidenceId: evidenceItems.id,
      caseId: cases.id,
      caseNumber: cases.number,
      caseSummary: cases.summary,
      filename: evidenceItems.filename,
      kind: evidenceItems.kind,
      recordedStartedAt: evidenceItems.recordedStartedAt,
      uploadedAt: evidenceItems.uploadedAt,
    })
    .from(latest)
    .innerJoin(evidenceItems, and(eq(evidenceItems.blobSha256, latest.sha256), eq(evidenceItems.agencyId, agencyId)))
    .innerJoin(cases, eq(cases.id, evidenceItems.caseId))
    .where(and(inArray(latest.outcome, ['missing', 'altered', 'unreadable']), isKeptItem(evidenceItems)))
    .orderBy(desc(latest.checkedAt), asc(latest.sha256), asc(evidenceItems.id))
    .limit(2000);

  return rows.map((r) => ({
    ...r,
    expectedSize: r.expectedSize === null ? null : Number(r.expectedSize),
    actualSize: r.actualSize === null ? null : Number(r.actualSize),
  }));
};

/** Bytes in the store that no `blobs` row names, as the newest finished run listed them. */
export const listUnreferencedOfRun = async (db: Executor, runId: string) =>
  db
    .select({
      sha256: blobFixityChecks.sha256,
      size: blobFixityChecks.actualSize,
      checkedAt: blobFixityChecks.checkedAt,
    })
    .from(blobFixityChecks)
    .where(and(eq(blobFixityChecks.runId, runId), eq(blobFixityChecks.outcome, 'unreferenced')))
    .orderBy(asc(blobFixityChecks.sha256))
    .limit(1000);

/** How many addresses each run found in the store without a `blobs` row. */
export const countUnreferencedOfRuns = async (db: Executor, runIds: string[]) =>
  runIds.length === 0
    ? []
    : db
        .select({ runId: blobFixityChecks.runId, n: count() })
        .from(blobFixityChecks)
        .where(and(inArray(blobFixityChecks.runId, runIds), eq(blobFixityChecks.outcome, 'unreferenced')))
        .groupBy(blobFixityChecks.runId);

export const lastFinishedFixityRun = async (db: Executor): Promise<FixityRunRow | null> => {
  const [row] = await db
    .select()
    .from(fixityRuns)
    .where(isNotNull(fixityRuns.finishedAt))
    .orderBy(desc(fixityRuns.startedAt), desc(fixityRuns.id))
    .limit(1);

  return row ?? null;
};

// ── Late uploads (AV-6) ─────────────────────────────────────────────────────────────────────────────────────

export type LateEvidenceFilter = {
  agencyId: string;
  /** Recordings started at or after this instant (the start of the China day of `from`). */
  recordedFrom: Date | null;
  /** Recordings started before this instant (the end of the China day of `to`). */
  recordedBefore: Date | null;
  officerId: string | null;
  deviceId: string | null;
  limit: number;
  offset: number;
};

const uploaders = alias(users, 'uploaders');

/**
 * AV-6: the agency's items that reached storage after their upload deadline, newest recording first, with their case,
 * uploader and device. An officer filter matches whoever is named on the recording or uploaded it.
 */
export const findLateEvidence = async (db: Executor, filter: LateEvidenceFilter) => {
  const conditions: SQL[] = [
    eq(evidenceItems.agencyId, filter.agencyId),
    isNotNull(evidenceItems.uploadDueAt),
    sql`${evidenceItems.uploadedAt} > ${evidenceItems.uploadDueAt}`,
  ];
  if (filter.recordedFrom) conditions.push(gte(evidenceItems.recordedStartedAt, filter.recordedFrom));
  if (filter.recordedBefore) conditions.push(lt(evidenceItems.recordedStartedAt, filter.recordedBefore));
  if (filter.deviceId) conditions.push(eq(evidenceItems.deviceId, filter.deviceId));
  if (filter.officerId) {
    conditions.push(
      or(
        sql`${evidenceItems.officers} @> ${JSON.stringify([{ userId: filter.officerId }])}::jsonb`,
        eq(evidenceItems.uploadedBy, filter.officerId),
      )!,
    );
  }
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(evidenceItems).where(where);
  const rows = await db
    .select({
      item: evidenceItems,
      caseNumber: cases.number,
      caseSummary: cases.summary,
      uploadedByName: uploaders.displayName,
      device: { id: devices.id, serialNumber: devices.serialNumber, model: devices.model, name: devices.name },
    })
    .from(evidenceItems)
    .innerJoin(cases, eq(cases.id, evidenceItems.caseId))
    .innerJoin(uploaders, eq(uploaders.id, evidenceItems.uploadedBy))
    .leftJoin(devices, eq(devices.id, evidenceItems.deviceId))
    .where(where)
    .orderBy(desc(evidenceItems.recordedStartedAt), desc(evidenceItems.id))
    .limit(filter.limit)
    .offset(filter.offset);

  return { rows, total: total?.n ?? 0 };
};
