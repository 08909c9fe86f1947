import { asc, eq, sql } from 'drizzle-orm';
import type { AgencyLevel, SectionKind } from '@liuhen/domain';
import type { Executor, Tx } from '../client';
import { agencies, sections } from '../schema';

export type AgencyRow = typeof agencies.$inferSelect & { level: AgencyLevel };
export type SectionRow = typeof sections.$inferSelect & { kind: SectionKind };

export const insertAgency = async (tx: Tx, row: typeof agencies.$inferInsert): Promise<void> => {
  await tx.insert(agencies).values(row);
};

export const insertSection = async (tx: Tx, row: typeof sections.$inferInsert): Promise<void> => {
  await tx.insert(sections).values(row);
};

export const findAgencyById = async (db: Executor, id: string): Promise<AgencyRow | null> => {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));

  return (row as AgencyRow | undefined) ?? null;
};

export const findAgencyByCode = async (db: Executor, code: string): Promise<AgencyRow | null> => {
  const [row] = await db.select().from(agencies).where(eq(agencies.code, code));

  return (row as AgencyRow | undefined) ?? null;
};

export const listAgencies = async (db: Executor): Promise<AgencyRow[]> =>
  (await db.select().from(agencies).orderBy(asc(agencies.createdAt))) as AgencyRow[];

export const countAgencies = async (db: Executor): Promise<number> => {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(agencies);

  return row?.n ?? 0;
};

export const findSectionById = async (db: Executor, id: string): Promise<SectionRow | null> => {
  const [row] = await db.select().from(sections).where(eq(sections.id, id));

  return (row as SectionRow | undefined) ?? null;
};

export const listSections = async (db: Executor, agencyId: string): Promise<SectionRow[]> =>
  (await db
    .select()
    .from(sections)
    .where(eq(sections.agencyId, agencyId))
    .orderBy(asc(sections.createdAt))) as SectionRow[];
