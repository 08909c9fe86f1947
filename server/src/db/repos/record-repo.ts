import { and, asc, eq, gte, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../client';
import { calendarDays, caseRecordApprovals, caseRecords, cases, caseStageChanges, users } from '../schema';

export type CaseRecordRow = typeof caseRecords.$inferSelect;
export type ApprovalRow = typeof caseRecordApprovals.$inferSelect;
export type StageChangeRow = typeof caseStageChanges.$inferSelect;
export type CalendarDayRow = typeof calendarDays.$inferSelect;

/** Locks the case row for the rest of the transaction: checks made on it cannot go stale before the write. */
export const lockCase = async (tx: Tx, caseId: string) => {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');

  return row ?? null;
};

export const setCaseStage = async (tx: Tx, caseId: string, stage: string): Promise<void> => {
  await tx.update(cases).set({ stage }).where(eq(cases.id, caseId));
};

export const insertStageChange = async (tx: Tx, row: StageChangeRow): Promise<void> => {
  await tx.insert(caseStageChanges).values(row);
};

export const listStageChanges = async (db: Executor, caseId: string): Promise<StageChangeRow[]> =>
  db.select().from(caseStageChanges).where(eq(caseStageChanges.caseId, caseId)).orderBy(asc(caseStageChanges.at));

// Keeps each IN list well under PostgreSQL's 65,535 bind parameters.
const IN_LIST_LIMIT = 1000;

const inChunks = async <T>(ids: string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> => {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += IN_LIST_LIMIT) rows.push(...(await query(ids.slice(i, i + IN_LIST_LIMIT))));

  return rows;
};

/** The stage changes of many cases in one query per thousand, for lists that evaluate every open case. */
export const listStageChangesOfCases = async (db: Executor, caseIds: string[]): Promise<StageChangeRow[]> =>
  inChunks(caseIds, (chunk) =>
    db
      .select()
      .from(caseStageChanges)
      .where(inArray(caseStageChanges.caseId, chunk))
      .orderBy(asc(caseStageChanges.caseId), asc(caseStageChanges.at)),
  );

export const listRecordsOfCases = async (db: Executor, caseIds: string[]): Promise<CaseRecordRow[]> =>
  inChunks(caseIds, (chunk) =>
    db
      .select()
      .from(caseRecords)
      .where(inArray(caseRecords.caseId, chunk))
      .orderBy(asc(caseRecords.caseId), asc(caseRecords.createdAt), asc(caseRecords.id)),
  );

export const insertCaseRecord = async (tx: Tx, row: typeof caseRecords.$inferInsert): Promise<void> => {
  await tx.insert(caseRecords).values(row);
};

export const listCaseRecords = async (db: Executor, caseId: string): Promise<CaseRecordRow[]> =>
  db
    .select()
    .from(caseRecords)
    .where(eq(caseRecords.caseId, caseId))
    .orderBy(asc(caseRecords.createdAt), asc(caseRecords.id));

export const findCaseRecord = async (db: Executor, recordId: string): Promise<CaseRecordRow | null> => {
  const [row] = await db.select().from(caseRecords).where(eq(caseRecords.id, recordId));

  return row ?? null;
};

export const isSuperseded = async (db: Executor, recordId: string): Promise<boolean> => {
  const [row] = await db.select({ id: caseRecords.id }).from(caseRecords).where(eq(caseRecords.supersedesId, recordId));

  return row !== undefined;
};

export const insertApproval = async (tx: Tx, row: ApprovalRow): Promise<void> => {
  await tx.insert(caseRecordApprovals).values(row);
};

export const listApprovals = async (db: Executor, recordIds: string[]) =>
  inChunks(recordIds, (chunk) =>
    db
      .select({ approval: caseRecordApprovals, actorName: users.displayName })
      .from(caseRecordApprovals)
      .innerJoin(users, eq(users.id, caseRecordApprovals.actorUserId))
      .where(inArray(caseRecordApprovals.recordId, chunk))
      .orderBy(asc(caseRecordApprovals.recordId), asc(caseRecordApprovals.stepIndex)),
  );

/** Open cases of an agency (not in a terminal stage), for the approvals inbox and the to-do list. */
export const listOpenCases = async (db: Executor, agencyId: string, terminalStages: string[]) =>
  db
    .select()
    .from(cases)
    .where(
      terminalStages.length > 0
        ? and(eq(cases.agencyId, agencyId), notInArray(cases.stage, terminalStages))
        : eq(cases.agencyId, agencyId),
    )
    .orderBy(asc(cases.createdAt));

export const listCalendarDays = async (db: Executor, from: string, to: string): Promise<CalendarDayRow[]> =>
  db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.date, from), lte(calendarDays.date, to)))
    .orderBy(asc(calendarDays.date));

export const listAllCalendarDays = async (db: Executor): Promise<CalendarDayRow[]> =>
  db.select().from(calendarDays).orderBy(asc(calendarDays.date));

export const countCalendarDays = async (db: Executor): Promise<number> => {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(calendarDays);

  return row?.n ?? 0;
};

export const insertCalendarDays = async (tx: Executor, rows: CalendarDayRow[]): Promise<void> => {
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(calendarDays)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
};

export const upsertCalendarDay = async (tx: Tx, row: CalendarDayRow): Promise<void> => {
  await tx
    .insert(calendarDays)
    .values(row)
    .onConflictDoUpdate({
      target: calendarDays.date,
      set: {
        isWorkingDay: row.isWorkingDay,
        name: row.name,
        source: row.source,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      },
    });
};
