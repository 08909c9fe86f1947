import { and, count, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../client';
import { caseCounters, caseParties, cases, users } from '../schema';

export type CaseRow = typeof cases.$inferSelect;
export type CasePartyRow = typeof caseParties.$inferSelect;

/** Gapless per agency, procedure and year: the counter row is locked until the transaction ends. */
export const nextCaseSequence = async (
  tx: Tx,
  key: { agencyId: string; procedure: string; year: number },
): Promise<number> => {
  const [row] = await tx
    .insert(caseCounters)
    .values({ ...key, lastSequence: 1 })
    .onConflictDoUpdate({
      target: [caseCounters.agencyId, caseCounters.procedure, caseCounters.year],
      set: { lastSequence: sql`${caseCounters.lastSequence} + 1` },
    })
    .returning({ sequence: caseCounters.lastSequence });

  return row!.sequence;
};

export const insertCase = async (tx: Tx, row: typeof cases.$inferInsert): Promise<void> => {
  await tx.insert(cases).values(row);
};

export const insertCaseParty = async (tx: Tx, row: typeof caseParties.$inferInsert): Promise<void> => {
  await tx.insert(caseParties).values(row);
};

export type CaseListFilter = {
  agencyId: string;
  q: string | null;
  procedure: string | null;
  source: string | null;
  stage: string | null;
  discoveredFrom: string | null;
  discoveredTo: string | null;
  createdBy: string | null;
  limit: number;
  offset: number;
};

export type CaseListRow = CaseRow & {
  partyKind: string;
  partyName: string;
  createdByName: string;
};

// The first party registered is the one the list shows; later parties join the case as further rows.
const firstParty = sql`(select p.id from case_parties p where p.case_id = ${cases.id} order by p.created_at, p.id limit 1)`;

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const listCases = async (
  db: Executor,
  filter: CaseListFilter,
): Promise<{ rows: CaseListRow[]; total: number }> => {
  const conditions: SQL[] = [eq(cases.agencyId, filter.agencyId)];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(
      or(
        ilike(cases.number, pattern),
        ilike(cases.place, pattern),
        ilike(cases.summary, pattern),
        ilike(caseParties.name, pattern),
      )!,
    );
  }
  if (filter.procedure) conditions.push(eq(cases.procedure, filter.procedure));
  if (filter.source) conditions.push(eq(cases.source, filter.source));
  if (filter.stage) conditions.push(eq(cases.stage, filter.stage));
  if (filter.discoveredFrom) conditions.push(gte(cases.discoveredOn, filter.discoveredFrom));
  if (filter.discoveredTo) conditions.push(lte(cases.discoveredOn, filter.discoveredTo));
  if (filter.createdBy) conditions.push(eq(cases.createdBy, filter.createdBy));
  const where = and(...conditions);

  const rows = await db
    .select({ c: cases, partyKind: caseParties.kind, partyName: caseParties.name, createdByName: users.displayName })
    .from(cases)
    .innerJoin(caseParties, eq(caseParties.id, firstParty))
    .innerJoin(users, eq(users.id, cases.createdBy))
    .where(where)
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [totalRow] = await db
    .select({ n: count() })
    .from(cases)
    .innerJoin(caseParties, eq(caseParties.id, firstParty))
    .where(where);

  return {
    rows: rows.map((r) => ({ ...r.c, partyKind: r.partyKind, partyName: r.partyName, createdByName: r.createdByName })),
    total: totalRow?.n ?? 0,
  };
};

export type CaseWithParties = { case: CaseRow; parties: CasePartyRow[]; createdByName: string };

export const findCaseById = async (db: Executor, id: string): Promise<CaseWithParties | null> => {
  const [row] = await db
    .select({ c: cases, createdByName: users.displayName })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.createdBy))
    .where(eq(cases.id, id));
  if (!row) return null;
  const parties = await db
    .select()
    .from(caseParties)
    .where(eq(caseParties.caseId, id))
    .orderBy(caseParties.createdAt, caseParties.id);

  return { case: row.c, parties, createdByName: row.createdByName };
};

export const countCases = async (db: Executor): Promise<number> => {
  const [row] = await db.select({ n: count() }).from(cases);

  return row?.n ?? 0;
};

export const countCaseParties = async (db: Executor): Promise<number> => {
  const [row] = await db.select({ n: count() }).from(caseParties);

  return row?.n ?? 0;
};
