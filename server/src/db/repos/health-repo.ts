import { sql } from 'drizzle-orm';
import type { Executor } from '../client';

export const pingDatabase = async (db: Executor): Promise<void> => {
  await db.execute(sql`select 1`);
};
