import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../client';
import {
  agencyEvidenceSettings,
  blobs,
  caseRetentionFacts,
  deviceEvents,
  devices,
  evidenceGapStatements,
  evidenceItems,
  evidenceRetention,
  evidenceUploads,
  legalHoldReleases,
  legalHolds,
} from '../schema';

export type EvidenceUploadRow = typeof evidenceUploads.$inferSelect;
export type EvidenceItemRow = typeof evidenceItems.$inferSelect;
export type BlobRow = typeof blobs.$inferSelect;
export type DeviceRow = typeof devices.$inferSelect;
export type DeviceEventRow = typeof deviceEvents.$inferSelect;
export type RetentionRow = typeof evidenceRetention.$inferSelect;
export type GapStatementRow = typeof evidenceGapStatements.$inferSelect;

export const insertUpload = async (db: Executor, row: typeof evidenceUploads.$inferInsert): Promise<void> => {
  await db.insert(evidenceUploads).values(row);
};

export const findUpload = async (db: Executor, id: string): Promise<EvidenceUploadRow | null> => {
  const [row] = await db.select().from(evidenceUploads).where(eq(evidenceUploads.id, id));

  return row ?? null;
};

/** Locks the upload for the rest of the transaction: one request at a time may move its offset or finish it. */
export const lockUpload = async (tx: Tx, id: string): Promise<EvidenceUploadRow | null> => {
  const [row] = await tx.select().from(evidenceUploads).where(eq(evidenceUploads.id, id)).for('update');

  return row ?? null;
};

export const updateUpload = async (
  db: Executor,
  id: string,
  set: Partial<Omit<typeof evidenceUploads.$inferInsert, 'id'>>,
): Promise<void> => {
  await db.update(evidenceUploads).set(set).where(eq(evidenceUploads.id, id));
};

/** A checkpoint is saved only while the upload still receives bytes, and never moves backwards. */
export const saveHashCheckpoint = async (
  db: Executor,
  id: string,
  checkpoint: { bytes: number; state: unknown },
  at: Date,
): Promise<void> => {
  await db
    .update(evidenceUploads)
    .set({ hashState: checkpoint.state, hashedBytes: checkpoint.bytes, updatedAt: at })
    .where(
      and(
        eq(evidenceUploads.id, id),
        eq(evidenceUploads.status, 'receiving'),
        lt(evidenceUploads.hashedBytes, checkpoint.bytes),
      ),
    );
};

export const listExpiredUploads = async (db: Executor, now: Date): Promise<EvidenceUploadRow[]> =>
  db
    .select()
    .from(evidenceUploads)
    .where(and(eq(evidenceUploads.status, 'receiving'), lt(evidenceUploads.expiresAt, now)));

export const listUploadsOfCase = async (db: Executor, caseId: string, createdBy: string) =>
  db
    .select()
    .from(evidenceUploads)
    .where(and(eq(evidenceUploads.caseId, caseId), eq(evidenceUploads.createdBy, createdBy)))
    .orderBy(desc(evidenceUploads.createdAt));

export const findBlob = async (db: Executor, sha256: string): Promise<BlobRow | null> => {
  const [row] = await db.select().from(blobs).where(eq(blobs.sha256, sha256));

  return row ?? null;
};

/** Identical content is one blob however many times it is filed (AV-7). */
export const insertBlobIfAbsent = async (tx: Tx, row: BlobRow): Promise<void> => {
  await tx.insert(blobs).values(row).onConflictDoNothing();
};

export const insertEvidenceItem = async (tx: Tx, row: EvidenceItemRow): Promise<void> => {
  await tx.insert(evidenceItems).values(row);
};

export const findEvidenceItem = async (db: Executor, id: string): Promise<EvidenceItemRow | null> => {
  const [row] = await db.select().from(evidenceItems).where(eq(evidenceItems.id, id));

  return row ?? null;
};

export const listEvidenceOfCase = async (db: Executor, caseId: string): Promise<EvidenceItemRow[]> =>
  db
    .select()
    .from(evidenceItems)
    .where(eq(evidenceItems.caseId, caseId))
    .orderBy(asc(evidenceItems.recordedStartedAt), asc(evidenceItems.id));

export const listEvidenceOfCases = async (db: Executor, caseIds: string[]): Promise<EvidenceItemRow[]> =>
  caseIds.length === 0
    ? []
    : db
        .select()
        .from(evidenceItems)
        .where(inArray(evidenceItems.caseId, caseIds))
        .orderBy(asc(evidenceItems.recordedStartedAt));

export const listEvidenceOfBlob = async (db: Executor, sha256: string): Promise<EvidenceItemRow[]> =>
  db.select().from(evidenceItems).where(eq(evidenceItems.blobSha256, sha256));

export const insertRetention = async (tx: Tx, row: RetentionRow): Promise<void> => {
  await tx.insert(evidenceRetention).values(row);
};

/** The term in force for each item: its longest retention row (terms only lengthen; two rows may share an instant). */
export const listCurrentRetention = async (db: Executor, evidenceIds: string[]): Promise<RetentionRow[]> => {
  if (evidenceIds.length === 0) return [];
  const rows = await db
    .select()
    .from(evidenceRetention)
    .where(inArray(evidenceRetention.evidenceId, evidenceIds))
    .orderBy(
      asc(evidenceRetention.evidenceId),
      sql`${evidenceRetention.retainUntil} desc nulls last`,
      desc(evidenceRetention.at),
    );
  const latest = new Map<string, RetentionRow>();
  for (const row of rows) if (!latest.has(row.evidenceId)) latest.set(row.evidenceId, row);

  return [...latest.values()];
};

export const insertGapStatement = async (tx: Tx, row: GapStatementRow): Promise<void> => {
  await tx.insert(evidenceGapStatements).values(row);
};

export const listGapStatements = async (db: Executor, caseId: string): Promise<GapStatementRow[]> =>
  db
    .select()
    .from(evidenceGapStatements)
    .where(eq(evidenceGapStatements.caseId, caseId))
    .orderBy(asc(evidenceGapStatements.createdAt));

export const listGapStatementsOfCases = async (db: Executor, caseIds: string[]): Promise<GapStatementRow[]> =>
  caseIds.length === 0
    ? []
    : db
        .select()
        .from(evidenceGapStatements)
        .where(inArray(evidenceGapStatements.caseId, caseIds))
        .orderBy(asc(evidenceGapStatements.createdAt));

export const insertRetentionFact = async (tx: Tx, row: typeof caseRetentionFacts.$inferInsert): Promise<void> => {
  await tx.insert(caseRetentionFacts).values(row);
};

export const listRetentionFacts = async (db: Executor, caseId: string) =>
  db
    .select()
    .from(caseRetentionFacts)
    .where(eq(caseRetentionFacts.caseId, caseId))
    .orderBy(asc(caseRetentionFacts.createdAt));

/** Holds on a case (or one of its items) that no release row has ended. */
export const listActiveHolds = async (db: Executor, caseId: string) =>
  db
    .select({ hold: legalHolds })
    .from(legalHolds)
    .leftJoin(legalHoldReleases, eq(legalHoldReleases.holdId, legalHolds.id))
    .where(and(eq(legalHolds.caseId, caseId), sql`${legalHoldReleases.holdId} is null`))
    .orderBy(asc(legalHolds.placedAt));

export const findDevice = async (db: Executor, id: string): Promise<DeviceRow | null> => {
  const [row] = await db.select().from(devices).where(eq(devices.id, id));

  return row ?? null;
};

export const lastDeviceEvent = async (db: Executor, deviceId: string): Promise<DeviceEventRow | null> => {
  const [row] = await db
    .select()
    .from(deviceEvents)
    .where(eq(deviceEvents.deviceId, deviceId))
    .orderBy(desc(deviceEvents.at), desc(deviceEvents.id))
    .limit(1);

  return row ?? null;
};

export const findEvidenceSettings = async (db: Executor, agencyId: string) => {
  const [row] = await db.select().from(agencyEvidenceSettings).where(eq(agencyEvidenceSettings.agencyId, agencyId));

  return row ?? null;
};

/** Settings are configuration, not records: one row per agency, each change also a ledger entry. */
export const upsertEvidenceSettings = async (
  tx: Tx,
  row: typeof agencyEvidenceSettings.$inferInsert,
): Promise<void> => {
  await tx
    .insert(agencyEvidenceSettings)
    .values(row)
    .onConflictDoUpdate({
      target: agencyEvidenceSettings.agencyId,
      set: {
        avUpload: row.avUpload,
        maxGapSeconds: row.maxGapSeconds,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      },
    });
};
