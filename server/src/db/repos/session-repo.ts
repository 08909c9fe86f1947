import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Executor, Tx } from '../client';
import { loginAttempts, securityEvents, sessions } from '../schema';

export type SessionRow = typeof sessions.$inferSelect;

export const insertSession = async (tx: Tx, row: typeof sessions.$inferInsert): Promise<void> => {
  await tx.insert(sessions).values(row);
};

export const findSession = async (db: Executor, id: string): Promise<SessionRow | null> => {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));

  return row ?? null;
};

/** Only moves last_seen forward, so concurrent requests cannot shorten a session. */
export const touchSession = async (db: Executor, id: string, at: Date): Promise<void> => {
  await db
    .update(sessions)
    .set({ lastSeenAt: at })
    .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, at)));
};

export const revokeSession = async (tx: Tx, id: string, at: Date): Promise<boolean> => {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });

  return rows.length > 0;
};

export type LoginAttemptRow = typeof loginAttempts.$inferSelect;

export const insertLoginAttempt = async (db: Executor, row: typeof loginAttempts.$inferInsert): Promise<void> => {
  await db.insert(loginAttempts).values(row);
};

export const recentLoginAttempts = async (db: Executor, userId: string, since: Date): Promise<LoginAttemptRow[]> =>
  db
    .select()
    .from(loginAttempts)
    .where(and(eq(loginAttempts.userId, userId), gt(loginAttempts.at, since)));

export const insertSecurityEvent = async (db: Executor, row: typeof securityEvents.$inferInsert): Promise<void> => {
  await db.insert(securityEvents).values(row);
};

export const listSecurityEvents = async (db: Executor): Promise<(typeof securityEvents.$inferSelect)[]> =>
  db.select().from(securityEvents);
