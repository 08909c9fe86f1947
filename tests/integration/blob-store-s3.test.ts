import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  PutObjectLockConfigurationCommand,
  PutObjectRetentionCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobRefusalReason } from '../../server/src/storage/blob-errors';
import { openBlobStore, type BlobStore, type S3BlobStoreOptions } from '../../server/src/storage/blob-store';
import { cephMissingReason, startCeph, type Ceph } from '../support/ceph';
import { refusalOf } from '../support/domain-error';

const MiB = 1024 * 1024;
const DAY = 86_400_000;
const missing = cephMissingReason();
if (missing !== null) console.warn(`blob-store-s3.test.ts skipped: ${missing}`);

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
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
const errorOf = async (promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
};
const keyOf = (sha256: string) => `sha256/${sha256.slice(0, 2)}/${sha256}`;

describe.skipIf(missing !== null)('S3 blob store on Ceph RGW with Object Lock (AV-1, AV-7, RET-2)', () => {
  let work: string;
  let ceph: Ceph;
  let s3: S3Client;
  let options: S3BlobStoreOptions;
  let store: BlobStore;
  let fileCount = 0;
  const localFile = (bytes: Buffer) => {
    const file = path.join(work, `upload-${++fileCount}`);
    fs.writeFileSync(file, bytes);

    return { path: file, sha256: sha256Of(bytes), size: bytes.length };
  };
  const versionsOf = async (sha256: string, Bucket = 'evidence') => {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket, Prefix: keyOf(sha256) }));

    return (page.Versions ?? []).map((v) => v.VersionId!);
  };
  const unfinishedUploads = async () =>
    (await s3.send(new ListMultipartUploadsCommand({ Bucket: 'evidence' }))).Uploads ?? [];

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-blobs-s3-'));
    ceph = await startCeph();
    console.log(`Ceph (mon + memstore osd + radosgw) started in ${ceph.startSeconds.toFixed(1)} s`);
    const credentials = { accessKeyId: ceph.accessKeyId, secretAccessKey: ceph.secretAccessKey };
    s3 = new S3Client({
      endpoint: ceph.endpoint,
      region: 'us-east-1',
      credentials,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'evidence', ObjectLockEnabledForBucket: true }));
    await s3.send(new CreateBucketCommand({ Bucket: 'evidence-default', ObjectLockEnabledForBucket: true }));
    await s3.send(
      new PutObjectLockConfigurationCommand({
        Bucket: 'evidence-default',
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1 } },
        },
      }),
    );
    await s3.send(new CreateBucketCommand({ Bucket: 'plain' }));
    options = {
      kind: 's3',
      endpoint: ceph.endpoint,
      region: 'us-east-1',
      bucket: 'evidence',
      credentials,
      forcePathStyle: true,
      checksums: 'when_required',
    };
    store = await openBlobStore(options);
  }, 180_000);
  afterAll(async () => {
    await store?.close();
    s3?.destroy();
    await ceph?.stop();
    if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('AV-7: refuses to open a bucket that is missing or has no Object Lock', async () => {
    expect((await errorOf(openBlobStore({ ...options, bucket: 'nowhere' }))).message).toMatch(
      /"nowhere".*does not exist or cannot be reached/,
    );
    expect((await errorOf(openBlobStore({ ...options, bucket: 'plain' }))).message).toMatch(
      /"plain".*未启用对象锁定.*has no Object Lock/,
    );
  });

  it('AV-1: stores an original under sha256/ab/<sha256> and reads it back whole and by byte range', async () => {
    const bytes = randomBytes(100_000);
    const file = localFile(bytes);

    expect(await store.putFile({ ...file, retainUntil: null })).toEqual({ isNew: true });

    expect(fs.existsSync(file.path)).toBe(false);
    expect(await versionsOf(file.sha256)).toHaveLength(1);
    expect(await store.stat(file.sha256)).toEqual({ size: 100_000 });
    expect((await readAll(await store.read(file.sha256))).equals(bytes)).toBe(true);
    expect((await readAll(await store.read(file.sha256, { start: 10, end: 19 }))).equals(bytes.subarray(10, 20))).toBe(
      true,
    );
    expect(await reasonOf(store.read(file.sha256, { start: 200_000, end: 200_010 }))).toBe('blob_invalid_range');
    expect(await reasonOf(store.read(sha256Of(Buffer.from('never stored'))))).toBe('blob_not_found');
  });

  it('AV-1: the same content twice is stored once; the second upload is removed and answers isNew:false', async () => {
    const bytes = randomBytes(4096);
    const first = localFile(bytes);
    const second = localFile(bytes);

    expect(await store.putFile({ ...first, retainUntil: null })).toEqual({ isNew: true });
    expect(await store.putFile({ ...second, retainUntil: null })).toEqual({ isNew: false });

    expect(fs.existsSync(second.path)).toBe(false);
    expect(await versionsOf(first.sha256)).toHaveLength(1);
  });

  it('AV-7: a wrong size or a wrong SHA-256 is refused, nothing is stored and the upload stays where it was', async () => {
    const small = localFile(randomBytes(2048));
    // Larger than one part, so the refusal has to abort a multipart upload already under way.
    const large = localFile(randomBytes(20 * MiB));
    const wrongAddress = sha256Of(Buffer.from('something else'));

    expect(await refusalOf(store.putFile({ ...small, size: 2047, retainUntil: null }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { reason: 'blob_size_mismatch', expected: 2047, actual: 2048 },
    });
    expect(await reasonOf(store.putFile({ ...small, sha256: wrongAddress, retainUntil: null }))).toBe(
      'blob_sha256_mismatch',
    );
    expect(
      await reasonOf(store.putFile({ ...large, sha256: wrongAddress, retainUntil: new Date(Date.now() + 30 * DAY) })),
    ).toBe('blob_sha256_mismatch');

    expect(fs.existsSync(small.path) && fs.existsSync(large.path)).toBe(true);
    for (const sha256 of [small.sha256, large.sha256, wrongAddress]) {
      expect(await store.stat(sha256)).toBeNull();
      expect(await versionsOf(sha256)).toEqual([]);
    }
    expect(await unfinishedUploads()).toEqual([]);
  });

  it('AV-1: a 300 MB original is uploaded streaming, with memory growth far below its size', async () => {
    const size = 300 * MiB;
    const file = path.join(work, 'body-camera.mp4');
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
      `S3 put of 300 MiB (multipart, 8 MiB parts × 4, hash checked in flight): ${seconds.toFixed(2)} s, ` +
        `${(300 / seconds).toFixed(0)} MiB/s, RSS growth ${growthMiB.toFixed(1)} MiB`,
    );

    expect(growthMiB).toBeLessThan(150);
    expect(fs.existsSync(file)).toBe(false);
    expect(await store.stat(sha256)).toEqual({ size });
    const readBack = createHash('sha256');
    for await (const part of (await store.read(sha256)) as AsyncIterable<Buffer>) readBack.update(part);
    expect(readBack.digest('hex')).toBe(sha256);
    const tail = await readAll(await store.read(sha256, { start: size - 4, end: size - 1 }));
    expect(tail.equals(chunk.subarray(-4))).toBe(true);
    // Memstore keeps objects in RAM: give it back.
    await store.dispose(sha256);
    expect(await store.stat(sha256)).toBeNull();
  }, 180_000);

  it('RET-2: COMPLIANCE retention: the server refuses dispose, a bypassing delete and a shorter term', async () => {
    const bytes = randomBytes(1000);
    const file = localFile(bytes);
    const term = new Date(Math.ceil((Date.now() + 2 * DAY) / 1000) * 1000);
    await store.putFile({ ...file, retainUntil: term });
    const [versionId] = await versionsOf(file.sha256);

    expect(await store.retention(file.sha256)).toEqual({ retainUntil: term, isLegalHold: false });
    expect(await refusalOf(store.dispose(file.sha256))).toMatchObject({
      details: { reason: 'blob_retained', retainUntil: term.toISOString(), legalHold: false },
    });
    // Straight to the server with the same keys: Object Lock itself refuses, bypass or not.
    const bypass = await errorOf(
      s3.send(
        new DeleteObjectCommand({
          Bucket: 'evidence',
          Key: keyOf(file.sha256),
          VersionId: versionId,
          BypassGovernanceRetention: true,
        }),
      ),
    );
    expect(bypass.$metadata?.httpStatusCode).toBe(403);
    expect(bypass.message).toMatch(/object lock/i);
    const shorten = await errorOf(
      s3.send(
        new PutObjectRetentionCommand({
          Bucket: 'evidence',
          Key: keyOf(file.sha256),
          VersionId: versionId,
          Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date(Date.now() + DAY) },
        }),
      ),
    );
    expect(shorten.$metadata?.httpStatusCode).toBe(403);
    expect(shorten.message).toMatch(/shortens/i);

    // Ours never tries to shorten: an earlier date is a no-op, a later one extends.
    await store.extendRetention(file.sha256, new Date(Date.now() + DAY));
    expect((await store.retention(file.sha256))?.retainUntil).toEqual(term);
    const longer = new Date(term.getTime() + 365 * DAY);
    await store.extendRetention(file.sha256, longer);
    expect((await store.retention(file.sha256))?.retainUntil).toEqual(longer);
    // The same content uploaded again with a shorter term keeps the longer one.
    expect(await store.putFile({ ...localFile(bytes), retainUntil: term })).toEqual({ isNew: false });
    expect((await store.retention(file.sha256))?.retainUntil).toEqual(longer);
    expect(await versionsOf(file.sha256)).toEqual([versionId]);
  });

  it('RET-2: dispose is allowed once the term has passed', async () => {
    const file = localFile(randomBytes(1000));
    const term = new Date(Math.ceil((Date.now() + 3000) / 1000) * 1000);
    await store.putFile({ ...file, retainUntil: term });

    expect(await reasonOf(store.dispose(file.sha256))).toBe('blob_retained');
    await new Promise((resolve) => setTimeout(resolve, term.getTime() - Date.now() + 1500));
    await store.dispose(file.sha256);

    expect(await store.stat(file.sha256)).toBeNull();
    expect(await versionsOf(file.sha256)).toEqual([]);
  }, 30_000);

  it('RET-2: a term already past locks nothing (S3 itself refuses a past retain-until date)', async () => {
    const file = localFile(randomBytes(1000));
    const past = new Date(Date.now() - DAY);
    await store.putFile({ ...file, retainUntil: past });
    await store.extendRetention(file.sha256, past);

    expect(await store.retention(file.sha256)).toEqual({ retainUntil: null, isLegalHold: false });
    await store.dispose(file.sha256);
    expect(await store.stat(file.sha256)).toBeNull();
  });

  it('RET-2: a legal hold blocks dispose, even by the server, until it is released', async () => {
    const file = localFile(randomBytes(1000));
    await store.putFile({ ...file, retainUntil: null });
    expect(await store.retention(file.sha256)).toEqual({ retainUntil: null, isLegalHold: false });
    await store.setLegalHold(file.sha256, true);
    const [versionId] = await versionsOf(file.sha256);

    expect(await store.retention(file.sha256)).toEqual({ retainUntil: null, isLegalHold: true });
    expect(await refusalOf(store.dispose(file.sha256))).toMatchObject({
      details: { reason: 'blob_retained', legalHold: true },
    });
    const direct = await errorOf(
      s3.send(new DeleteObjectCommand({ Bucket: 'evidence', Key: keyOf(file.sha256), VersionId: versionId })),
    );
    expect(direct.$metadata?.httpStatusCode).toBe(403);

    await store.setLegalHold(file.sha256, false);
    await store.dispose(file.sha256);
    expect(await store.stat(file.sha256)).toBeNull();
  });

  it('RET-2: with no term given, the bucket default retention applies', async () => {
    const withDefault = await openBlobStore({ ...options, bucket: 'evidence-default' });
    try {
      const file = localFile(randomBytes(1000));
      const before = Date.now();
      await withDefault.putFile({ ...file, retainUntil: null });

      const { retainUntil } = (await withDefault.retention(file.sha256))!;
      expect(retainUntil!.getTime()).toBeGreaterThanOrEqual(before + DAY - 60_000);
      expect(await reasonOf(withDefault.dispose(file.sha256))).toBe('blob_retained');
    } finally {
      await withDefault.close();
    }
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
