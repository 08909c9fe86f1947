import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobRefusalReason } from '../../server/src/storage/blob-errors';
import { openBlobStore, type BlobStore } from '../../server/src/storage/blob-store';
import { refusalOf } from '../support/domain-error';

const MiB = 1024 * 1024;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-blobs-'));
const incoming = path.join(work, 'incoming');
const blobDir = path.join(work, 'blobs');
let now = new Date('2026-03-15T09:30:00Z');
const clock = { now: () => now };
let store: BlobStore;

beforeAll(async () => {
  fs.mkdirSync(incoming);
  store = await openBlobStore({ kind: 'fs', dir: blobDir, clock });
});
afterAll(async () => {
  await store.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
let fileCount = 0;
/** A finished upload as the ingest hands it over: a local file, its SHA-256 and size. */
const localFile = (bytes: Buffer, dir = incoming) => {
  const file = path.join(dir, `upload-${++fileCount}`);
  fs.writeFileSync(file, bytes);

  return { path: file, sha256: sha256Of(bytes), size: bytes.length };
};
const readAll = async (stream: NodeJS.ReadableStream): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);

  return Buffer.concat(chunks);
};
const reasonOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return blobRefusalReason(error) ?? `other: ${(error as Error).message}`;
  }

  return 'none';
};
const storedPath = (sha256: string) => path.join(blobDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

describe('fs blob store: write-once, content-addressed originals (AV-1, AV-7)', () => {
  it('AV-1: stores an original under ab/cd/<sha256>, read-only, and reads it back whole and by byte range', async () => {
    const bytes = randomBytes(100_000);
    const file = localFile(bytes);

    expect(await store.putFile({ ...file, retainUntil: null })).toEqual({ isNew: true });

    expect(fs.existsSync(file.path)).toBe(false);
    const stored = fs.statSync(storedPath(file.sha256));
    expect(stored.mode & 0o777).toBe(0o444);
    expect(await store.stat(file.sha256)).toEqual({ size: 100_000 });
    expect((await readAll(await store.read(file.sha256))).equals(bytes)).toBe(true);
    expect((await readAll(await store.read(file.sha256, { start: 10, end: 19 }))).equals(bytes.subarray(10, 20))).toBe(
      true,
    );
    expect(
      (await readAll(await store.read(file.sha256, { start: 99_999, end: 99_999 }))).equals(bytes.subarray(-1)),
    ).toBe(true);
    // No temp files are left beside the original.
    expect(fs.readdirSync(path.dirname(storedPath(file.sha256))).sort()).toEqual([
      file.sha256,
      `${file.sha256}.lock.json`,
    ]);
  });

  it('AV-1: the same content twice is stored once; the second upload is removed and answers isNew:false', async () => {
    const bytes = randomBytes(4096);
    const first = localFile(bytes);
    const second = localFile(bytes);

    expect(await store.putFile({ ...first, retainUntil: null })).toEqual({ isNew: true });
    const inode = fs.statSync(storedPath(first.sha256)).ino;
    expect(await store.putFile({ ...second, retainUntil: null })).toEqual({ isNew: false });

    expect(fs.existsSync(second.path)).toBe(false);
    expect(fs.statSync(storedPath(first.sha256)).ino).toBe(inode);
    expect(
      fs.readdirSync(path.dirname(storedPath(first.sha256))).filter((n) => n.startsWith(first.sha256)),
    ).toHaveLength(2);
  });

  it('AV-7: two uploads of the same content at once: one stores it, the other finds it, nothing is replaced', async () => {
    const bytes = randomBytes(2 * MiB);
    const uploads = [localFile(bytes), localFile(bytes), localFile(bytes)];

    const answers = await Promise.all(uploads.map((file) => store.putFile({ ...file, retainUntil: null })));

    expect(answers.filter((a) => a.isNew)).toHaveLength(1);
    for (const file of uploads) expect(fs.existsSync(file.path)).toBe(false);
    const dir = path.dirname(storedPath(uploads[0]!.sha256));
    expect(fs.readdirSync(dir).filter((n) => n.includes(uploads[0]!.sha256))).toHaveLength(2);
    expect((await readAll(await store.read(uploads[0]!.sha256))).equals(bytes)).toBe(true);
  });

  it('AV-7: a wrong size or a wrong SHA-256 is refused, nothing is stored and the upload stays where it was', async () => {
    const file = localFile(randomBytes(2048));

    const tooBig = await refusalOf(store.putFile({ ...file, size: 2049, retainUntil: null }));
    expect(tooBig).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { reason: 'blob_size_mismatch', expected: 2049, actual: 2048 },
    });
    const wrongAddress = sha256Of(Buffer.from('something else'));
    expect(await reasonOf(store.putFile({ ...file, sha256: wrongAddress, retainUntil: null }))).toBe(
      'blob_sha256_mismatch',
    );
    expect(await reasonOf(store.putFile({ ...file, sha256: '../../etc/passwd', retainUntil: null }))).toBe(
      'blob_invalid_sha256',
    );
    expect(await reasonOf(store.putFile({ ...file, sha256: file.sha256.toUpperCase(), retainUntil: null }))).toBe(
      'blob_invalid_sha256',
    );

    expect(fs.existsSync(file.path)).toBe(true);
    expect(await store.stat(file.sha256)).toBeNull();
    expect(await store.stat(wrongAddress)).toBeNull();
    expect(fs.existsSync(path.dirname(storedPath(wrongAddress)))).toBe(true);
    expect(fs.readdirSync(path.dirname(storedPath(wrongAddress))).filter((n) => n.includes(wrongAddress))).toEqual([]);
  });

  it('AV-7: an address can never hold other bytes: forged bytes claiming an address never land there', async () => {
    const original = randomBytes(8192);
    const file = localFile(original);
    await store.putFile({ ...file, retainUntil: null });
    const forged = Buffer.from(original);
    forged[100] = forged[100]! ^ 0xff;

    // Claiming a stored address: the stored original answers for it, the forgery is discarded unread.
    const onStored = localFile(forged);
    expect(await store.putFile({ ...onStored, sha256: file.sha256, retainUntil: null })).toEqual({ isNew: false });
    expect(fs.existsSync(onStored.path)).toBe(false);
    expect((await readAll(await store.read(file.sha256))).equals(original)).toBe(true);

    // Claiming a free address: the store hashes the bytes itself and refuses them.
    const free = sha256Of(randomBytes(8192));
    const onFree = localFile(forged);
    expect(await reasonOf(store.putFile({ ...onFree, sha256: free, retainUntil: null }))).toBe('blob_sha256_mismatch');
    expect(await store.stat(free)).toBeNull();
    expect(fs.existsSync(onFree.path)).toBe(true);
  });

  const shm = '/dev/shm';
  const isOtherDevice = fs.existsSync(shm) && fs.statSync(shm).dev !== fs.statSync(work).dev;
  it.skipIf(!isOtherDevice)('AV-7: from another file system the upload is copied through the hash check', async () => {
    const dir = fs.mkdtempSync(path.join(shm, 'liuhen-incoming-'));
    try {
      const bytes = randomBytes(3 * MiB);
      const file = localFile(bytes, dir);
      const forgery = localFile(randomBytes(3 * MiB), dir);

      expect(await reasonOf(store.putFile({ ...forgery, sha256: sha256Of(randomBytes(8)), retainUntil: null }))).toBe(
        'blob_sha256_mismatch',
      );
      expect(fs.existsSync(forgery.path)).toBe(true);
      expect(await store.putFile({ ...file, retainUntil: null })).toEqual({ isNew: true });
      expect(fs.existsSync(file.path)).toBe(false);
      expect(fs.statSync(storedPath(file.sha256)).mode & 0o777).toBe(0o444);
      expect((await readAll(await store.read(file.sha256))).equals(bytes)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('AV-1: a 300 MB original is stored streaming, with memory growth far below its size', async () => {
    const size = 300 * MiB;
    const file = path.join(incoming, 'body-camera.mp4');
    const hash = createHash('sha256');
    const chunk = randomBytes(MiB);
    const out = fs.openSync(file, 'w');
    for (let i = 0; i < size / MiB; i++) {
      chunk.writeUInt32BE(i, 0);
      hash.update(chunk);
      fs.writeSync(out, chunk);
    }
    fs.closeSync(out);
    const sha256 = hash.digest('hex');

    const baseline = process.memoryUsage.rss();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
    const started = performance.now();
    try {
      expect(await store.putFile({ path: file, sha256, size, retainUntil: null })).toEqual({ isNew: true });
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage.rss());
    const growthMiB = (peak - baseline) / MiB;
    console.log(
      `fs put of 300 MiB (rename + hash check + fsync): ${seconds.toFixed(2)} s, ` +
        `${(300 / seconds).toFixed(0)} MiB/s, RSS growth ${growthMiB.toFixed(1)} MiB`,
    );

    expect(growthMiB).toBeLessThan(150);
    expect(await store.stat(sha256)).toEqual({ size });
    const tail = await readAll(await store.read(sha256, { start: size - 4, end: size - 1 }));
    expect(tail.equals(chunk.subarray(-4))).toBe(true);
    await store.dispose(sha256);
    expect(await store.stat(sha256)).toBeNull();
  }, 120_000);
});

describe('fs blob store: retention and legal hold (RET-2)', () => {
  it('RET-2: dispose is refused before the term, an earlier date never shortens it, and it is allowed after', async () => {
    const file = localFile(randomBytes(1000));
    const term = new Date('2031-03-15T00:00:00Z');
    await store.putFile({ ...file, retainUntil: term });

    expect(await store.retention(file.sha256)).toEqual({ retainUntil: term, isLegalHold: false });
    expect(await refusalOf(store.dispose(file.sha256))).toMatchObject({
      details: { reason: 'blob_retained', retainUntil: term.toISOString(), legalHold: false },
    });
    await store.extendRetention(file.sha256, new Date('2027-01-01T00:00:00Z'));
    expect(await reasonOf(store.extendRetention(file.sha256, new Date('not a date')))).toBe('blob_invalid_term');
    expect((await store.retention(file.sha256))?.retainUntil).toEqual(term);
    const longer = new Date('2036-03-15T00:00:00Z');
    await store.extendRetention(file.sha256, longer);
    expect((await store.retention(file.sha256))?.retainUntil).toEqual(longer);
    // The same content uploaded again with a shorter term keeps the longer one.
    const again = localFile(fs.readFileSync(storedPath(file.sha256)));
    expect(await store.putFile({ ...again, retainUntil: term })).toEqual({ isNew: false });
    expect((await store.retention(file.sha256))?.retainUntil).toEqual(longer);
    const sidecar = `${storedPath(file.sha256)}.lock.json`;
    expect(JSON.parse(fs.readFileSync(sidecar, 'utf8'))).toEqual({
      sha256: file.sha256,
      retainUntil: longer.toISOString(),
      legalHold: false,
    });
    expect(fs.statSync(sidecar).mode & 0o777).toBe(0o444);

    now = new Date('2036-03-15T00:00:01Z');
    try {
      await store.dispose(file.sha256);
    } finally {
      now = new Date('2026-03-15T09:30:00Z');
    }
    expect(await store.stat(file.sha256)).toBeNull();
    expect(fs.existsSync(storedPath(file.sha256))).toBe(false);
    expect(fs.existsSync(sidecar)).toBe(false);
    expect(await reasonOf(store.read(file.sha256))).toBe('blob_not_found');
    expect(await reasonOf(store.dispose(file.sha256))).toBe('blob_not_found');
  });

  it('RET-2: a legal hold blocks dispose until it is released, whatever the term', async () => {
    const file = localFile(randomBytes(1000));
    await store.putFile({ ...file, retainUntil: null });
    await store.setLegalHold(file.sha256, true);

    expect(await refusalOf(store.dispose(file.sha256))).toMatchObject({
      details: { reason: 'blob_retained', retainUntil: null, legalHold: true },
    });
    expect(await store.retention(file.sha256)).toEqual({ retainUntil: null, isLegalHold: true });

    await store.setLegalHold(file.sha256, false);
    await store.dispose(file.sha256);
    expect(await store.stat(file.sha256)).toBeNull();
  });

  it('RET-2: an original whose retention record is missing is never disposed of', async () => {
    const file = localFile(randomBytes(1000));
    await store.putFile({ ...file, retainUntil: null });
    fs.rmSync(`${storedPath(file.sha256)}.lock.json`);

    expect(await reasonOf(store.dispose(file.sha256))).toBe('blob_retained');
    expect(await store.stat(file.sha256)).toEqual({ size: 1000 });
  });

  it('lists every stored original with its size, for the fixity job', async () => {
    const files = [localFile(randomBytes(10)), localFile(randomBytes(20))];
    for (const file of files) await store.putFile({ ...file, retainUntil: null });

    const listed = new Map<string, number>();
    for await (const blob of store.list()) listed.set(blob.sha256, blob.size);
    for (const file of files) expect(listed.get(file.sha256)).toBe(file.size);
    for (const [sha256, size] of listed) expect(await store.stat(sha256)).toEqual({ size });
  });
});
