import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/src/db/client';
import { databaseUrlWith } from './database-url';

export type TestDatabase = Database & { url: string | null };

/** A fresh database copied from the migrated template, on the backend this run was asked for. */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  if (inject('backend') === 'pglite') {
    const tar = fs.readFileSync(inject('pgliteTemplatePath'));
    const database = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([tar]) });

    return { ...database, url: null };
  }
  const { adminUrl, name } = inject('postgresTemplate');
  const copy = `${name.replace('tpl', 't')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${copy} template ${name}`);
  const url = databaseUrlWith(adminUrl, copy);
  const database = await openDatabase({ kind: 'postgres', url, maxConnections: 5 });

  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await admin.query(`drop database if exists ${copy} with (force)`);
      await admin.end();
    },
  };
};
