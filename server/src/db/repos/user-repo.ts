import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '@liuhen/domain';
import type { Executor, Tx } from '../client';
import { credentials, userRoles, users } from '../schema';

export type UserRow = typeof users.$inferSelect;
export type CredentialRow = typeof credentials.$inferSelect;
export type UserWithRoles = UserRow & { roles: Role[] };

export const insertUser = async (tx: Tx, row: typeof users.$inferInsert, roles: readonly Role[]): Promise<void> => {
  await tx.insert(users).values(row);
  if (roles.length > 0) await tx.insert(userRoles).values(roles.map((role) => ({ userId: row.id, role })));
};

export const insertCredential = async (tx: Tx, row: typeof credentials.$inferInsert): Promise<void> => {
  await tx.insert(credentials).values(row);
};

const rolesOf = async (db: Executor, userIds: string[]): Promise<Map<string, Role[]>> => {
  const map = new Map<string, Role[]>();
  if (userIds.length === 0) return map;
  const rows = await db.select().from(userRoles).where(inArray(userRoles.userId, userIds)).orderBy(asc(userRoles.role));
  for (const row of rows) map.set(row.userId, [...(map.get(row.userId) ?? []), row.role as Role]);

  return map;
};

const withRoles = async (db: Executor, rows: UserRow[]): Promise<UserWithRoles[]> => {
  const roles = await rolesOf(
    db,
    rows.map((r) => r.id),
  );

  return rows.map((row) => ({ ...row, roles: roles.get(row.id) ?? [] }));
};

export const findUserByUsername = async (db: Executor, username: string): Promise<UserWithRoles | null> => {
  const rows = await db.select().from(users).where(eq(users.username, username));

  return (await withRoles(db, rows))[0] ?? null;
};

export const findUserById = async (db: Executor, id: string): Promise<UserWithRoles | null> => {
  const rows = await db.select().from(users).where(eq(users.id, id));

  return (await withRoles(db, rows))[0] ?? null;
};

export const listUsersOfAgency = async (db: Executor, agencyId: string): Promise<UserWithRoles[]> => {
  const rows = await db.select().from(users).where(eq(users.agencyId, agencyId)).orderBy(asc(users.username));

  return withRoles(db, rows);
};

export const listCredentialsOfUsers = async (db: Executor, userIds: string[]): Promise<CredentialRow[]> =>
  userIds.length === 0
    ? []
    : db
        .select()
        .from(credentials)
        .where(inArray(credentials.userId, userIds))
        .orderBy(asc(credentials.validFrom), asc(credentials.number));

export const findCredentialByNumber = async (db: Executor, number: string): Promise<CredentialRow | null> => {
  const [row] = await db.select().from(credentials).where(eq(credentials.number, number));

  return row ?? null;
};

export const listDemoUsers = async (db: Executor): Promise<UserWithRoles[]> => {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.isDemo, true), eq(users.isActive, true)))
    .orderBy(asc(users.createdAt));

  return withRoles(db, rows);
};

export const countUsers = async (db: Executor): Promise<number> => {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);

  return row?.n ?? 0;
};
