import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadTestConfig } from '../../server/src/config';
import { systemClock } from '../../server/src/clock';
import { openDatabase } from '../../server/src/db/client';
import { ensureCalendarSeeded } from '../../server/src/use-cases/work-calendar';
import { databaseUrlWith } from './database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    backend: 'pglite' | 'postgres';
    pgliteTemplatePath: string;
    postgresTemplate: { adminUrl: string; name: string };
  }
}

/**
 * Migrates one template database per run; each test file then starts from a copy of it,
 * so files never see each other's rows and nobody pays for migrations twice.
 */
export default async function setup(project: TestProject) {
  const config = loadTestConfig();
  project.provide('backend', config.backend);

  if (config.backend === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await database.migrate();
    await ensureCalendarSeeded({ ctx: { db: database.db, clock: systemClock } });
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    await database.close();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-tpl-')), 'template.tar');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplatePath', file);
    project.provide('postgresTemplate', { adminUrl: '', name: '' });

    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }

  const adminUrl = config.postgresUrl!;
  const name = `liuhen_tpl_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const database = await openDatabase({ kind: 'postgres', url: databaseUrlWith(adminUrl, name), maxConnections: 1 });
  await database.migrate();
  await ensureCalendarSeeded({ ctx: { db: database.db, clock: systemClock } });
  await database.close();
  project.provide('pgliteTemplatePath', '');
  project.provide('postgresTemplate', { adminUrl, name });

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
      `${name.replace('tpl', 't')}%`,
    ]);
    for (const row of leftovers.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
