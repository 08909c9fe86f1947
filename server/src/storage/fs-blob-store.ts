import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { systemClock } from '../clock';
import {
  assertRange,
  assertSha256,
  assertTerm,
  sha256OfFile,
  sha256Verifier,
  SHA256_PATTERN,
  type ByteRange,
} from './blob-address';
import { blobRefusal } from './blob-errors';
import type { BlobRetention, BlobStore, FsBlobStoreOptions, PutFileOptions } from './blob-store';

/** The sidecar `<sha256>.lock.json`: what the fs store checks before it disposes of an original. */
type LockRecord = { sha256: string; retainUntil: string | null; legalHold: boolean };

const LOCK_SUFFIX = '.lock.json';

const isCode = (error: unknown, ...codes: string[]): boolean =>
  codes.includes((error as NodeJS.ErrnoException | null)?.code ?? '');

const fsyncPath = async (target: string): Promise<void> => {
  const handle = await fsp.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

const laterOf = (a: string | null, b: Date | null): string | null => {
  if (b === null) return a;
  if (a === null) return b.toISOString();

  return Date.parse(a) >= b.getTime() ? a : b.toISOString();
};

export const openFsBlobStore = async (options: FsBlobStoreOptions): Promise<BlobStore> => {
  const root = path.resolve(options.dir);
  const clock = options.clock ?? systemClock;
  await fsp.mkdir(root, { recursive: true, mode: 0o750 });

  const blobPath = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const lockPath = (sha256: string) => `${blobPath(sha256)}${LOCK_SUFFIX}`;

  // Read-modify-write of a sidecar must not interleave, or a slower writer could shorten a term another just extended;
  // one process owns $LIUHEN_DATA (the data lock), so a queue per address in this process is enough.
  const queues = new Map<string, Promise<unknown>>();
  const serially = <T>(sha256: string, work: () => Promise<T>): Promise<T> => {
    const previous = queues.get(sha256) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(sha256, settled);
    void settled.then(() => {
      if (queues.get(sha256) === settled) queues.delete(sha256);
    });

    return next;
  };

  const statOrNull = async (target: string): Promise<fs.Stats | null> => {
    try {
      return await fsp.stat(target);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
  };

  const readLock = async (sha256: string): Promise<LockRecord | null> => {
    let text: string;
    try {
      text = await fsp.readFile(lockPath(sha256), 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
    const record = JSON.parse(text) as Partial<LockRecord>;
    if (
      record.sha256 !== sha256 ||
      typeof record.legalHold !== 'boolean' ||
      (record.retainUntil !== null && (typeof record.retainUntil !== 'string' || isNaN(Date.parse(record.retainUntil))))
    ) {
      throw new Error(`保全记录损坏 / retention record ${lockPath(sha256)} is malformed`);
    }

    return record as LockRecord;
  };

  // Temp file, fsync, rename over, fsync the directory: a crash leaves the old record or the new one, never half.
  const writeLock = async (record: LockRecord): Promise<void> => {
    const target = lockPath(record.sha256);
    const temp = `${path.dirname(target)}/.${record.sha256}.${randomUUID()}.lock.tmp`;
    const handle = await fsp.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(record)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.chmod(temp, 0o444);
    await fsp.rename(temp, target);
    await fsyncPath(path.dirname(target));
  };

  const mustExist = async (sha256: string): Promise<fs.Stats> => {
    assertSha256(sha256);
    const stats = await statOrNull(blobPath(sha256));
    if (stats === null) throw blobRefusal('blob_not_found', { sha256 });

    return stats;
  };

  const extendRetention = (sha256: string, until: Date): Promise<void> =>
    serially(sha256, async () => {
      assertTerm(until);
      await mustExist(sha256);
      const record = (await readLock(sha256)) ?? { sha256, retainUntil: null, legalHold: false };
      const retainUntil = laterOf(record.retainUntil, until);
      if (retainUntil !== record.retainUntil) await writeLock({ ...record, retainUntil });
    });

  // The same content is already here: keep the stored original, lock in the new term, drop the caller's copy.
  const settleExisting = async (options: PutFileOptions, stored: fs.Stats): Promise<{ isNew: false }> => {
    if (stored.size !== options.size) {
      throw new Error(
        `固定性失败 / fixity failure: stored original ${options.sha256} has ${stored.size} bytes, expected ${options.size}`,
      );
    }
    if (options.retainUntil !== null) await extendRetention(options.sha256, options.retainUntil);
    await fsp.rm(options.path, { force: true });

    return { isNew: false };
  };

  const putFile = async (options: PutFileOptions): Promise<{ isNew: boolean }> => {
    const { sha256, size, retainUntil } = options;
    assertSha256(sha256);
    assertTerm(retainUntil);
    const source = await fsp.stat(options.path);
    if (source.size !== size) throw blobRefusal('blob_size_mismatch', { sha256, expected: size, actual: source.size });

    const target = blobPath(sha256);
    const existing = await statOrNull(target);
    if (existing !== null) return settleExisting(options, existing);

    const dir = path.dirname(target);
    await fsp.mkdir(dir, { recursive: true, mode: 0o750 });
    const temp = path.join(dir, `.${sha256}.${randomUUID()}.tmp`);
    let isMoved = false;
    try {
      try {
        await fsp.rename(options.path, temp);
        isMoved = true;
        const actual = await sha256OfFile(temp);
        if (actual !== sha256) throw blobRefusal('blob_sha256_mismatch', { expected: sha256, actual });
      } catch (error) {
        if (!isCode(error, 'EXDEV')) throw error;
        // Another file system: copy through the hash, so what lands is what was checked.
        await pipeline(
          fs.createReadStream(options.path, { highWaterMark: 1 << 20 }),
          sha256Verifier(sha256),
          fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 }),
        );
      }
      await fsyncPath(temp);
      await fsp.chmod(temp, 0o444);
      // The term is on record before the original appears, so no crash leaves an original without its record.
      await serially(sha256, async () => {
        const record = await readLock(sha256);
        const base = record ?? { sha256, retainUntil: null, legalHold: false };
        const until = laterOf(base.retainUntil, retainUntil);
        if (record === null || until !== record.retainUntil) await writeLock({ ...base, retainUntil: until });
      });
      try {
        // link() refuses an existing name, unlike rename(): an original is never replaced, even in a race.
        await fsp.link(temp, target);
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error;
        await fsp.rm(temp, { force: true });

        return await settleExisting(options, await fsp.stat(target));
      }
      await fsp.rm(temp);
      await fsyncPath(dir);
      if (!isMoved) await fsp.rm(options.path, { force: true });

      return { isNew: true };
    } catch (error) {
      // A refusal leaves the caller's file where it was and nothing under the address.
      if (isMoved && (await statOrNull(temp)) !== null) await fsp.rename(temp, options.path).catch(() => undefined);
      else await fsp.rm(temp, { force: true });
      throw error;
    }
  };

  const retention = async (sha256: string): Promise<BlobRetention | null> => {
    assertSha256(sha256);
    if ((await statOrNull(blobPath(sha256))) === null) return null;
    const record = await readLock(sha256);
    if (record === null) return { retainUntil: null, isLegalHold: false };

    return {
      retainUntil: record.retainUntil === null ? null : new Date(record.retainUntil),
      isLegalHold: record.legalHold,
    };
  };

  return {
    kind: 'fs',
    putFile,

    stat: async (sha256) => {
      assertSha256(sha256);
      const stats = await statOrNull(blobPath(sha256));

      return stats === null ? null : { size: stats.size };
    },

    read: async (sha256: string, range?: ByteRange) => {
      assertSha256(sha256);
      assertRange(range);
      let handle: fsp.FileHandle;
      try {
        handle = await fsp.open(blobPath(sha256), 'r');
      } catch (error) {
        if (isCode(error, 'ENOENT')) throw blobRefusal('blob_not_found', { sha256 });
        throw error;
      }

      return handle.createReadStream(range === undefined ? {} : { start: range.start, end: range.end });
    },

    retention,
    extendRetention,

    setLegalHold: (sha256, isOn) =>
      serially(sha256, async () => {
        await mustExist(sha256);
        const record = (await readLock(sha256)) ?? { sha256, retainUntil: null, legalHold: false };
        if (record.legalHold !== isOn) await writeLock({ ...record, legalHold: isOn });
      }),

    dispose: (sha256) =>
      serially(sha256, async () => {
        await mustExist(sha256);
        const record = await readLock(sha256);
        const now = clock.now();
        // No record means its history is unknown: refuse rather than guess the term has passed.
        if (
          record === null ||
          record.legalHold ||
          (record.retainUntil !== null && Date.parse(record.retainUntil) > now.getTime())
        ) {
          throw blobRefusal('blob_retained', {
            sha256,
            retainUntil: record?.retainUntil ?? null,
            legalHold: record?.legalHold ?? null,
          });
        }
        const target = blobPath(sha256);
        // The original goes first, so a crash in between never leaves an original without its record.
        await fsp.rm(target);
        await fsyncPath(path.dirname(target));
        await fsp.rm(lockPath(sha256), { force: true });
        await fsyncPath(path.dirname(target));
      }),

    list: async function* () {
      const hex2 = (names: string[]) => names.filter((n) => /^[0-9a-f]{2}$/.test(n)).sort();
      for (const a of hex2(await fsp.readdir(root))) {
        for (const b of hex2(await fsp.readdir(path.join(root, a)))) {
          const names = (await fsp.readdir(path.join(root, a, b))).filter((n) => SHA256_PATTERN.test(n)).sort();
          for (const sha256 of names) {
            const stats = await statOrNull(path.join(root, a, b, sha256));
            if (stats !== null) yield { sha256, size: stats.size };
          }
        }
      }
    },

    close: async () => undefined,
  };
};
