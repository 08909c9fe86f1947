import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createHasher, type HashAlgorithm, type Hasher } from '@liuhen/domain';
import pg from 'pg';

import type { AuditEntry } from './audit';

export type AuditLogData = {
  agencyCode: string;
  agencyName: string;
  origin: string;
  hashAlgorithm: HashAlgorithm;
  hasher: Hasher;
  entries: AuditEntry[];
  checkpoints: { size: number; note: string }[];
  /** Verifier keys recorded in the database; trust them only if no keys were given from elsewhere. */
  databaseVkeys: string[];
};

export type AuditSourceOptions = { dataDir?: string; databaseUrl?: string; agencyCode?: string };

type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

const bytes = (value: unknown): Uint8Array => new Uint8Array(value as ArrayLike<number>);

const readLogs = async (query: Query, agencyCode: string | undefined): Promise<AuditLogData[]> => {
  const logs = await query(
    `select l.agency_id, l.origin, l.hash_algorithm, a.code, a.name
       from ledger_logs l join agencies a on a.id = l.agency_id
      ${agencyCode ? 'where a.code = $1' : ''}
      order by l.created_at`,
    agencyCode ? [agencyCode.toUpperCase()] : [],
  );
  const result: AuditLogData[] = [];
  for (const log of logs) {
    const hashAlgorithm = log.hash_algorithm as HashAlgorithm;
    const entries = await query(
      'select seq, leaf, leaf_hash, chain_hash from ledger_entries where agency_id = $1 order by seq',
      [log.agency_id],
    );
    const checkpoints = await query('select size, note from ledger_checkpoints where agency_id = $1 order by size', [
      log.agency_id,
    ]);
    const keys = await query(
      "select vkey from ledger_keys where agency_id = $1 and purpose = 'log' order by created_at",
      [log.agency_id],
    );
    result.push({
      agencyCode: String(log.code),
      agencyName: String(log.name),
      origin: String(log.origin),
      hashAlgorithm,
      hasher: createHasher(hashAlgorithm),
      entries: entries.map((e) => ({
        seq: Number(e.seq),
        leaf: bytes(e.leaf),
        leafHash: bytes(e.leaf_hash),
        chainHash: bytes(e.chain_hash),
      })),
      checkpoints: checkpoints.map((c) => ({ size: Number(c.size), note: String(c.note) })),
      databaseVkeys: keys.map((k) => String(k.vkey)),
    });
  }

  return result;
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);

    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Reads every log from a Liuhen data folder or a PostgreSQL database. The data folder is copied first and the
 * copy opened, so the audit never writes to the evidence it examines.
 */
export const loadAuditSource = async (options: AuditSourceOptions): Promise<AuditLogData[]> => {
  if (options.databaseUrl) {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    try {
      // A read-only transaction: the verifier cannot change what it checks.
      await client.query('begin transaction read only');
      const logs = await readLogs(async (text, params) => (await client.query(text, params)).rows, options.agencyCode);
      await client.query('commit');

      return logs;
    } finally {
      await client.end();
    }
  }
  if (!options.dataDir) throw new Error('give --data <folder> or --database-url <url>');
  const dbDir = path.join(options.dataDir, 'db');
  if (!fs.existsSync(path.join(dbDir, 'PG_VERSION'))) {
    throw new Error(`没有找到留痕数据库 / no Liuhen database in ${dbDir}`);
  }
  const lockFile = path.join(options.dataDir, 'liuhen.lock');
  if (fs.existsSync(lockFile)) {
    const holder = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid?: number; host?: string };
    if (typeof holder.pid === 'number' && holder.host === os.hostname() && isAlive(holder.pid)) {
      throw new Error(
        `数据目录正被留痕服务（pid ${holder.pid}）使用，请先停止服务，或核验其副本 / ` +
          `the data folder is in use by a running server (pid ${holder.pid}); stop it or audit a copy`,
      );
    }
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-audit-'));
  try {
    fs.cpSync(dbDir, copy, { recursive: true });
    const db = await PGlite.create(copy);
    try {
      return await readLogs(
        async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows,
        options.agencyCode,
      );
    } finally {
      await db.close();
    }
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
};
