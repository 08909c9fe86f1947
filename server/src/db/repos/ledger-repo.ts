import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { HashAlgorithm } from '@liuhen/domain';
import type { Executor, Tx } from '../client';
import { ledgerEntries, ledgerLogs, users } from '../schema';

export type LedgerLogHead = { hashAlgorithm: HashAlgorithm; size: number; headChainHash: Uint8Array };

export type NewLedgerEntry = typeof ledgerEntries.$inferInsert;

export const createLedgerLog = async (
  tx: Tx,
  row: { agencyId: string; hashAlgorithm: HashAlgorithm; headChainHash: Uint8Array; createdAt: Date },
): Promise<void> => {
  await tx.insert(ledgerLogs).values({ ...row, size: 0 });
};

/** Row lock on the log head: one writer per agency log at a time, so sequence numbers never collide. */
export const lockLedgerLog = async (tx: Tx, agencyId: string): Promise<LedgerLogHead | null> => {
  const [row] = await tx
    .select({ hashAlgorithm: ledgerLogs.hashAlgorithm, size: ledgerLogs.size, headChainHash: ledgerLogs.headChainHash })
    .from(ledgerLogs)
    .where(eq(ledgerLogs.agencyId, agencyId))
    .for('update');

  return row ? { ...row, hashAlgorithm: row.hashAlgorithm as HashAlgorithm } : null;
};

export const insertLedgerEntry = async (tx: Tx, row: NewLedgerEntry): Promise<void> => {
  await tx.insert(ledgerEntries).values(row);
};

export const advanceLedgerLog = async (
  tx: Tx,
  agencyId: string,
  head: { size: number; headChainHash: Uint8Array },
): Promise<void> => {
  await tx.update(ledgerLogs).set(head).where(eq(ledgerLogs.agencyId, agencyId));
};

export const lastCaseLeafHash = async (tx: Tx, agencyId: string, caseId: string): Promise<Uint8Array | null> => {
  const [row] = await tx
    .select({ leafHash: ledgerEntries.leafHash })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.agencyId, agencyId), eq(ledgerEntries.caseId, caseId)))
    .orderBy(desc(ledgerEntries.seq))
    .limit(1);

  return row?.leafHash ?? null;
};

export type CaseTimelineRow = {
  seq: number;
  type: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorDisplayName: string | null;
  leaf: Uint8Array;
  leafHash: Uint8Array;
};

export const listCaseEntries = async (db: Executor, agencyId: string, caseId: string): Promise<CaseTimelineRow[]> =>
  db
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

export type StoredLedgerEntry = {
  seq: number;
  leaf: Uint8Array;
  leafHash: Uint8Array;
  chainHash: Uint8Array;
  payload: string;
};

export const listLedgerEntries = async (db: Executor, agencyId: string): Promise<StoredLedgerEntry[]> =>
  db
    .select({
      seq: ledgerEntries.seq,
      leaf: ledgerEntries.leaf,
      leafHash: ledgerEntries.leafHash,
      chainHash: ledgerEntries.chainHash,
      payload: ledgerEntries.payload,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.agencyId, agencyId))
    .orderBy(asc(ledgerEntries.seq));

export const findLedgerLog = async (db: Executor, agencyId: string): Promise<LedgerLogHead | null> => {
  const [row] = await db
    .select({ hashAlgorithm: ledgerLogs.hashAlgorithm, size: ledgerLogs.size, headChainHash: ledgerLogs.headChainHash })
    .from(ledgerLogs)
    .where(eq(ledgerLogs.agencyId, agencyId));

  return row ? { ...row, hashAlgorithm: row.hashAlgorithm as HashAlgorithm } : null;
};

export const countLedgerEntries = async (db: Executor): Promise<number> => {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(ledgerEntries);

  return row?.n ?? 0;
};
