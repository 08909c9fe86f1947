import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/src/db/client';

/**
 * Runs statements as the database owner with every trigger off (session_replication_role = replica), which is
 * what someone with full database access can do: the append-only guards do not stop them, the audit must.
 */
export const asDatabaseOwner = async (db: Db, statements: SQL[]): Promise<void> => {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const statement of statements) await tx.execute(statement);
  });
};
