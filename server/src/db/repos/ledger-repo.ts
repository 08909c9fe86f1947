import { and, asc, count, desc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import type { HashAlgorithm } from '@liuhen/domain';
import type { Executor, Tx } from '../client';
import {
  ledgerAlerts,
  ledgerAudits,
  ledgerCheckpoints,
  ledgerCosignatures,
  ledgerEntries,
  ledgerKeys,
  ledgerLogs,
  ledgerQueue,
  ledgerTiles,
  ledgerWitnessState,
  users,
} from '../schema';

export type LedgerLogRow = {
  agencyId: string;
  origin: string;
  hashAlgorithm: HashAlgorithm;
  size: number;
  headChainHash: Uint8Array;
  treeSize: number;
  root: Uint8Array | null;
};

const logColumns = {
  agencyId: ledgerLogs.agencyId,
  origin: ledgerLogs.origin,
  hashAlgorithm: ledgerLogs.hashAlgorithm,
  size: ledgerLogs.size,
  headChainHash: ledgerLogs.headChainHash,
  treeSize: ledgerLogs.treeSize,
  root: ledgerLogs.root,
};

const asLog = (row: Omit<LedgerLogRow, 'hashAlgorithm'> & { hashAlgorithm: string }): LedgerLogRow => ({
  ...row,
  hashAlgorithm: row.hashAlgorithm as HashAlgorithm,
});

export const createLedgerLog = async (
  tx: Tx,
  row: { agencyId: string; origin: string; hashAlgorithm: HashAlgorithm; headChainHash: Uint8Array; createdAt: Date },
): Promise<void> => {
  await tx.insert(ledgerLogs).values({ ...row, size: 0, treeSize: 0 });
};

export const findLedgerLog = async (db: Executor, agencyId: string): Promise<LedgerLogRow | null> => {
  const [row] = await db.select(logColumns).from(ledgerLogs).where(eq(ledgerLogs.agencyId, agencyId));

  return row ? asLog(row) : null;
};

export const findLedgerLogByOrigin = async (db: Executor, origin: string): Promise<LedgerLogRow | null> => {
  const [row] = await db.select(logColumns).from(ledgerLogs).where(eq(ledgerLogs.origin, origin));

  return row ? asLog(row) : null;
};

/** Row lock on the log head: one sequencer per agency log at a time, whatever the number of server processes. */
export const lockLedgerLog = async (tx: Tx, agencyId: string): Promise<LedgerLogRow | null> => {
  const [row] = await tx.select(logColumns).from(ledgerLogs).where(eq(ledgerLogs.agencyId, agencyId)).for('update');

  return row ? asLog(row) : null;
};

export const updateLedgerLog = async (
  tx: Tx,
  agencyId: string,
  head: { size: number; headChainHash: Uint8Array; treeSize: number; root: Uint8Array },
): Promise<void> => {
  await tx.update(ledgerLogs).set(head).where(eq(ledgerLogs.agencyId, agencyId));
};

export const listLedgerLogs = async (db: Executor): Promise<LedgerLogRow[]> =>
  (await db.select(logColumns).from(ledgerLogs).orderBy(asc(ledgerLogs.createdAt))).map(asLog);

// Queue: entries committed with their change, waiting to be sequenced.

export const enqueueLedgerEntry = async (tx: Tx, row: Omit<typeof ledgerQueue.$inferInsert, 'id'>): Promise<void> => {
  await tx.insert(ledgerQueue).values(row);
};

/** Serializes entries about one case, so each names the one before it (case_prev) and none forks the chain. */
export const lockCaseChain = async (tx: Tx, caseId: string): Promise<void> => {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${caseId}, 0))`);
};

export const lastCaseLeafHash = async (tx: Tx, agencyId: string, caseId: string): Promise<Uint8Array | null> => {
  const [queued] = await tx
    .select({ leafHash: ledgerQueue.leafHash })
    .from(ledgerQueue)
    .where(and(eq(ledgerQueue.agencyId, agencyId), eq(ledgerQueue.caseId, caseId)))
    .orderBy(desc(ledgerQueue.id))
    .limit(1);
  if (queued) return queued.leafHash;
  const [sequenced] = await tx
    .select({ leafHash: ledgerEntries.leafHash })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.agencyId, agencyId), eq(ledgerEntries.caseId, caseId)))
    .orderBy(desc(ledgerEntries.seq))
    .limit(1);

  return sequenced?.leafHash ?? null;
};

/** The next queued entries' ids and leaf hashes only: their bytes stay in the database when they move. */
export const takeQueuedHashes = async (
  tx: Tx,
  agencyId: string,
  limit: number,
): Promise<{ id: number; leafHash: Uint8Array }[]> =>
  tx
    .select({ id: ledgerQueue.id, leafHash: ledgerQueue.leafHash })
    .from(ledgerQueue)
    .where(eq(ledgerQueue.agencyId, agencyId))
    .orderBy(asc(ledgerQueue.id))
    .limit(limit);

/** Moves queued entries into the log at the given positions, in one statement, then removes them from the queue. */
export const sequenceQueuedEntries = async (
  tx: Tx,
  rows: { queueId: number; seq: number; chainHash: Uint8Array }[],
): Promise<void> => {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map((r) => sql`(${r.queueId}::bigint, ${r.seq}::bigint, ${Buffer.from(r.chainHash)}::bytea)`),
    sql`, `,
  );
  await tx.execute(sql`
    insert into ledger_entries (agency_id, seq, id, type, case_id, actor_user_id, occurred_at, leaf, leaf_hash, chain_hash, payload)
    select q.agency_id, v.seq, q.entry_id, q.type, q.case_id, q.actor_user_id, q.occurred_at, q.leaf, q.leaf_hash, v.chain, q.payload
      from ledger_queue q join (values ${values}) as v(queue_id, seq, chain) on q.id = v.queue_id
     order by v.seq`);
  await tx.delete(ledgerQueue).where(
    inArray(
      ledgerQueue.id,
      rows.map((r) => r.queueId),
    ),
  );
};

export const pendingQueueByAgency = async (db: Executor): Promise<{ agencyId: string; pending: number }[]> =>
  db.select({ agencyId: ledgerQueue.agencyId, pending: count() }).from(ledgerQueue).groupBy(ledgerQueue.agencyId);

// Sequenced entries.

export const leafHashesFrom = async (tx: Tx, agencyId: string, from: number, to: number): Promise<Uint8Array[]> =>
  (
    await tx
      .select({ leafHash: ledgerEntries.leafHash })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.agencyId, agencyId), gte(ledgerEntries.seq, from), lt(ledgerEntries.seq, to)))
      .orderBy(asc(ledgerEntries.seq))
  ).map((r) => r.leafHash);

export type StoredLedgerEntry = {
  seq: number;
  leaf: Uint8Array;
  leafHash: Uint8Array;
  chainHash: Uint8Array;
  payload: string;
};

export const listLedgerEntries = async (
  db: Executor,
  agencyId: string,
  range: { from?: number; limit?: number } = {},
): Promise<StoredLedgerEntry[]> => {
  const query = db
    .select({
      seq: ledgerEntries.seq,
      leaf: ledgerEntries.leaf,
      leafHash: ledgerEntries.leafHash,
      chainHash: ledgerEntries.chainHash,
      payload: ledgerEntries.payload,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.agencyId, agencyId), gte(ledgerEntries.seq, range.from ?? 0)))
    .orderBy(asc(ledgerEntries.seq));

  return range.limit === undefined ? query : query.limit(range.limit);
};

export const findLedgerEntry = async (db: Executor, agencyId: string, seq: number) => {
  const [row] = await db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.agencyId, agencyId), eq(ledgerEntries.seq, seq)));

  return row ?? null;
};

export type CaseTimelineRow = {
  seq: number | null;
  type: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorDisplayName: string | null;
  leaf: Uint8Array;
  leafHash: Uint8Array;
};

/** A case's entries in log order; those still queued come last, without a position yet. */
export const listCaseEntries = async (db: Executor, agencyId: string, caseId: string): Promise<CaseTimelineRow[]> => {
  const sequenced = await db
    .select({
      seq: ledgerEntries.seq,
      type: ledgerEntries.type,
      occurredAt: ledgerEntries.occurredAt,
      actorUserId: ledgerEntries.actorUserId,
      actorDisplayName: users.displayName,
      leaf: ledgerEntries.leaf,
      leafHash: ledgerEntries.leafHash,
    })
    .from(ledgerEntries)
    .leftJoin(users, eq(users.id, ledgerEntries.actorUserId))
    .where(and(eq(ledgerEntries.agencyId, agencyId), eq(ledgerEntries.caseId, caseId)))
    .orderBy(asc(ledgerEntries.seq));
  const queued = await db
    .select({
      type: ledgerQueue.type,
      occurredAt: ledgerQueue.occurredAt,
      actorUserId: ledgerQueue.actorUserId,
      actorDisplayName: users.displayName,
      leaf: ledgerQueue.leaf,
      leafHash: ledgerQueue.leafHash,
    })
    .from(ledgerQueue)
    .leftJoin(users, eq(users.id, ledgerQueue.actorUserId))
    .where(and(eq(ledgerQueue.agencyId, agencyId), eq(ledgerQueue.caseId, caseId)))
    .orderBy(asc(ledgerQueue.id));

  return [...sequenced, ...queued.map((q) => ({ ...q, seq: null }))];
};

export const countLedgerEntries = async (db: Executor): Promise<number> => {
  const [sequenced] = await db.select({ n: count() }).from(ledgerEntries);
  const [queued] = await db.select({ n: count() }).from(ledgerQueue);

  return (sequenced?.n ?? 0) + (queued?.n ?? 0);
};

// Tiles.

export const readTile = async (
  db: Executor,
  agencyId: string,
  level: number,
  index: number,
): Promise<Uint8Array | null> => {
  const [row] = await db
    .select({ hashes: ledgerTiles.hashes })
    .from(ledgerTiles)
    .where(and(eq(ledgerTiles.agencyId, agencyId), eq(ledgerTiles.level, level), eq(ledgerTiles.idx, index)));

  return row?.hashes ?? null;
};

export const upsertTiles = async (
  tx: Tx,
  agencyId: string,
  tiles: { level: number; index: number; hashes: Uint8Array }[],
): Promise<void> => {
  if (tiles.length === 0) return;
  await tx
    .insert(ledgerTiles)
    .values(tiles.map((t) => ({ agencyId, level: t.level, idx: t.index, hashes: t.hashes })))
    .onConflictDoUpdate({
      target: [ledgerTiles.agencyId, ledgerTiles.level, ledgerTiles.idx],
      set: { hashes: sql`excluded.hashes` },
    });
};

// Checkpoints, keys, cosignatures.

export type CheckpointRow = typeof ledgerCheckpoints.$inferSelect;

/** False when another sequencer signed this size first; one checkpoint per size. */
export const insertCheckpoint = async (tx: Executor, row: CheckpointRow): Promise<boolean> =>
  (await tx.insert(ledgerCheckpoints).values(row).onConflictDoNothing().returning({ size: ledgerCheckpoints.size }))
    .length > 0;

export const latestCheckpoint = async (db: Executor, agencyId: string): Promise<CheckpointRow | null> => {
  const [row] = await db
    .select()
    .from(ledgerCheckpoints)
    .where(eq(ledgerCheckpoints.agencyId, agencyId))
    .orderBy(desc(ledgerCheckpoints.size))
    .limit(1);

  return row ?? null;
};

export const findCheckpoint = async (db: Executor, agencyId: string, size: number): Promise<CheckpointRow | null> => {
  const [row] = await db
    .select()
    .from(ledgerCheckpoints)
    .where(and(eq(ledgerCheckpoints.agencyId, agencyId), eq(ledgerCheckpoints.size, size)));

  return row ?? null;
};

/** The smallest checkpoint that covers entry `seq`, so a proof for an entry can be made as soon as one exists. */
export const checkpointCovering = async (
  db: Executor,
  agencyId: string,
  seq: number,
): Promise<CheckpointRow | null> => {
  const [row] = await db
    .select()
    .from(ledgerCheckpoints)
    .where(and(eq(ledgerCheckpoints.agencyId, agencyId), gt(ledgerCheckpoints.size, seq)))
    .orderBy(asc(ledgerCheckpoints.size))
    .limit(1);

  return row ?? null;
};

export const listCheckpoints = async (db: Executor, agencyId: string): Promise<CheckpointRow[]> =>
  db
    .select()
    .from(ledgerCheckpoints)
    .where(eq(ledgerCheckpoints.agencyId, agencyId))
    .orderBy(asc(ledgerCheckpoints.size));

export type LedgerKeyRow = typeof ledgerKeys.$inferSelect;

export const insertLedgerKey = async (db: Executor, row: LedgerKeyRow): Promise<void> => {
  await db.insert(ledgerKeys).values(row);
};

export const listLedgerKeys = async (
  db: Executor,
  agencyId: string,
  purpose?: 'log' | 'witness',
): Promise<LedgerKeyRow[]> =>
  db
    .select()
    .from(ledgerKeys)
    .where(
      purpose
        ? and(eq(ledgerKeys.agencyId, agencyId), eq(ledgerKeys.purpose, purpose))
        : eq(ledgerKeys.agencyId, agencyId),
    )
    .orderBy(asc(ledgerKeys.createdAt));

export type CosignatureRow = typeof ledgerCosignatures.$inferSelect;

export const insertCosignature = async (tx: Executor, row: CosignatureRow): Promise<void> => {
  await tx.insert(ledgerCosignatures).values(row);
};

export const listCosignatures = async (db: Executor, logAgencyId: string, size?: number): Promise<CosignatureRow[]> =>
  db
    .select()
    .from(ledgerCosignatures)
    .where(
      size === undefined
        ? eq(ledgerCosignatures.logAgencyId, logAgencyId)
        : and(eq(ledgerCosignatures.logAgencyId, logAgencyId), eq(ledgerCosignatures.size, size)),
    )
    .orderBy(asc(ledgerCosignatures.size));

export type WitnessStateRow = typeof ledgerWitnessState.$inferSelect;

export const findWitnessState = async (db: Executor, witnessAgencyId: string, logAgencyId: string) => {
  const [row] = await db
    .select()
    .from(ledgerWitnessState)
    .where(
      and(eq(ledgerWitnessState.witnessAgencyId, witnessAgencyId), eq(ledgerWitnessState.logAgencyId, logAgencyId)),
    );

  return row ?? null;
};

export const saveWitnessState = async (tx: Executor, row: WitnessStateRow): Promise<void> => {
  await tx
    .insert(ledgerWitnessState)
    .values(row)
    .onConflictDoUpdate({
      target: [ledgerWitnessState.witnessAgencyId, ledgerWitnessState.logAgencyId],
      set: { size: row.size, root: row.root, updatedAt: row.updatedAt },
    });
};

export type AlertRow = typeof ledgerAlerts.$inferSelect;

export const insertAlert = async (db: Executor, row: AlertRow): Promise<void> => {
  await db.insert(ledgerAlerts).values(row);
};

export const listAlerts = async (db: Executor, logAgencyIds: string[]): Promise<AlertRow[]> =>
  logAgencyIds.length === 0
    ? []
    : db
        .select()
        .from(ledgerAlerts)
        .where(inArray(ledgerAlerts.logAgencyId, logAgencyIds))
        .orderBy(desc(ledgerAlerts.createdAt))
        .limit(200);

export type AuditRow = typeof ledgerAudits.$inferSelect;

export const insertAudit = async (db: Executor, row: AuditRow): Promise<void> => {
  await db.insert(ledgerAudits).values(row);
};

export const latestAudit = async (db: Executor, agencyId: string): Promise<AuditRow | null> => {
  const [row] = await db
    .select()
    .from(ledgerAudits)
    .where(eq(ledgerAudits.agencyId, agencyId))
    .orderBy(desc(ledgerAudits.finishedAt))
    .limit(1);

  return row ?? null;
};
