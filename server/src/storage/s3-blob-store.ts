import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectLegalHoldCommand,
  GetObjectLockConfigurationCommand,
  GetObjectRetentionCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  paginateListObjectsV2,
  PutObjectLegalHoldCommand,
  PutObjectRetentionCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { systemClock } from '../clock';
import { assertRange, assertSha256, assertTerm, sha256Verifier, SHA256_PATTERN, type ByteRange } from './blob-address';
import { blobRefusal } from './blob-errors';
import type { BlobRetention, BlobStore, PutFileOptions, S3BlobStoreOptions } from './blob-store';

const PREFIX = 'sha256/';
const MiB = 1024 * 1024;
// S3 allows 10,000 parts; keep a margin so a file at the upload limit still fits.
const MAX_PARTS = 9_000;

type S3Error = Error & { $metadata?: { httpStatusCode?: number }; Code?: string };

const statusOf = (error: unknown): number | undefined => (error as S3Error | null)?.$metadata?.httpStatusCode;
const nameOf = (error: unknown): string => (error as S3Error | null)?.name ?? '';
const isNotFound = (error: unknown) => statusOf(error) === 404 || ['NotFound', 'NoSuchKey'].includes(nameOf(error));
// RGW: "forbidden by object lock"; AWS: "Access Denied because object protected by object lock".
const isLockRefusal = (error: unknown) =>
  statusOf(error) === 403 && /object lock|retention|legal hold/i.test((error as Error).message ?? '');
// No retention or hold set on the object: 404 NoSuchObjectLockConfiguration (so RGW answers).
const isNoLockSetting = (error: unknown) =>
  /NoSuchObjectLockConfiguration|ObjectLockConfigurationNotFound/.test(`${nameOf(error)} ${(error as S3Error).Code}`) ||
  statusOf(error) === 404;

const explain = (error: unknown): string => `${nameOf(error)}: ${(error as Error).message}`;

const keyOf = (sha256: string) => `${PREFIX}${sha256.slice(0, 2)}/${sha256}`;

export const openS3BlobStore = async (options: S3BlobStoreOptions): Promise<BlobStore> => {
  const checksum = options.checksums === 'when_required' ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED';
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint === null ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === null ? {} : { credentials: options.credentials }),
    forcePathStyle: options.forcePathStyle,
    requestChecksumCalculation: checksum,
    responseChecksumValidation: checksum,
  });
  const Bucket = options.bucket;
  const where = `S3 bucket "${Bucket}"${options.endpoint === null ? '' : ` at ${options.endpoint}`}`;

  try {
    await client.send(new HeadBucketCommand({ Bucket }));
  } catch (error) {
    client.destroy();
    throw new Error(`${where} 不存在或无法访问 / does not exist or cannot be reached (${explain(error)})`);
  }
  let lockEnabled: string | undefined;
  try {
    const answer = await client.send(new GetObjectLockConfigurationCommand({ Bucket }));
    lockEnabled = answer.ObjectLockConfiguration?.ObjectLockEnabled;
  } catch (error) {
    if (statusOf(error) !== 404) {
      client.destroy();
      throw new Error(`${where}: 无法读取对象锁定配置 / cannot read its Object Lock configuration (${explain(error)})`);
    }
  }
  // Without Object Lock anyone holding the keys could delete or overwrite an original: refuse to start (AV-7).
  if (lockEnabled !== 'Enabled') {
    client.destroy();
    throw new Error(
      `${where} 未启用对象锁定（Object Lock），不能存放执法音视频原件 / has no Object Lock; ` +
        'create the bucket with Object Lock enabled (e.g. `aws s3api create-bucket --object-lock-enabled-for-bucket`)',
    );
  }

  const clock = options.clock ?? systemClock;
  const isPast = (until: Date) => until.getTime() <= clock.now().getTime();
  const partSizeFor = (size: number) =>
    Math.max(options.partSize ?? 8 * MiB, 5 * MiB, Math.ceil(size / MAX_PARTS / MiB) * MiB);
  const queueSize = options.queueSize ?? 4;

  const stat = async (sha256: string) => {
    assertSha256(sha256);
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(sha256) }));

      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };

  // Every stored version of an address: a race of two puts of the same content leaves two, both identical.
  const versionsOf = async (sha256: string): Promise<{ versions: string[]; deleteMarkers: string[] }> => {
    const Key = keyOf(sha256);
    const versions: string[] = [];
    const deleteMarkers: string[] = [];
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    for (;;) {
      const page = await client.send(
        new ListObjectVersionsCommand({ Bucket, Prefix: Key, KeyMarker, VersionIdMarker }),
      );
      for (const v of page.Versions ?? []) if (v.Key === Key && v.VersionId) versions.push(v.VersionId);
      for (const m of page.DeleteMarkers ?? []) if (m.Key === Key && m.VersionId) deleteMarkers.push(m.VersionId);
      if (!page.IsTruncated) break;
      KeyMarker = page.NextKeyMarker;
      VersionIdMarker = page.NextVersionIdMarker;
    }

    return { versions, deleteMarkers };
  };

  const mustExist = async (sha256: string): Promise<string[]> => {
    assertSha256(sha256);
    if ((await stat(sha256)) === null) throw blobRefusal('blob_not_found', { sha256 });

    return (await versionsOf(sha256)).versions;
  };

  const retentionOf = async (Key: string, VersionId?: string): Promise<Date | null> => {
    try {
      const answer = await client.send(new GetObjectRetentionCommand({ Bucket, Key, VersionId }));

      return answer.Retention?.RetainUntilDate ?? null;
    } catch (error) {
      if (isNoLockSetting(error)) return null;
      throw error;
    }
  };

  const retention = async (sha256: string): Promise<BlobRetention | null> => {
    if ((await stat(sha256)) === null) return null;
    const Key = keyOf(sha256);
    let isLegalHold = false;
    try {
      const hold = await client.send(new GetObjectLegalHoldCommand({ Bucket, Key }));
      isLegalHold = hold.LegalHold?.Status === 'ON';
    } catch (error) {
      if (!isNoLockSetting(error)) throw error;
    }

    return { retainUntil: await retentionOf(Key), isLegalHold };
  };

  const extendRetention = async (sha256: string, until: Date): Promise<void> => {
    assertTerm(until);
    const Key = keyOf(sha256);
    const versions = await mustExist(sha256);
    if (isPast(until)) return;
    for (const VersionId of versions) {
      const current = await retentionOf(Key, VersionId);
      if (current !== null && current.getTime() >= until.getTime()) continue;
      try {
        await client.send(
          new PutObjectRetentionCommand({
            Bucket,
            Key,
            VersionId,
            Retention: { Mode: 'COMPLIANCE', RetainUntilDate: until },
          }),
        );
      } catch (error) {
        // Someone extended it further meanwhile and the server refused to shorten: the term already holds.
        const now = await retentionOf(Key, VersionId);
        if (now !== null && now.getTime() >= until.getTime()) continue;
        throw error;
      }
    }
  };

  const putFile = async (options: PutFileOptions): Promise<{ isNew: boolean }> => {
    const { sha256, size, retainUntil } = options;
    assertSha256(sha256);
    assertTerm(retainUntil);
    const source = await fsp.stat(options.path);
    if (source.size !== size) throw blobRefusal('blob_size_mismatch', { sha256, expected: size, actual: source.size });
    const Key = keyOf(sha256);

    const settleExisting = async (stored: number): Promise<{ isNew: false }> => {
      if (stored !== size) {
        throw new Error(`固定性失败 / fixity failure: stored original ${sha256} has ${stored} bytes, expected ${size}`);
      }
      if (retainUntil !== null) await extendRetention(sha256, retainUntil);
      await fsp.rm(options.path, { force: true });

      return { isNew: false };
    };
    const existing = await stat(sha256);
    if (existing !== null) return settleExisting(existing.size);

    // The hash is checked on the bytes as they stream out: a mismatch fails the stream before the last part,
    // so the multipart upload is aborted and never completed under a wrong address.
    const file = fs.createReadStream(options.path, { highWaterMark: MiB });
    const body = sha256Verifier(sha256);
    file.on('error', (error) => body.destroy(error));
    file.pipe(body);
    const upload = new Upload({
      client,
      params: {
        Bucket,
        Key,
        Body: body,
        ContentLength: size,
        ContentType: 'application/octet-stream',
        Metadata: { sha256 },
        // null: the bucket's default retention (if it has one) applies; the ingest sets the term later.
        ...(retainUntil === null || isPast(retainUntil)
          ? {}
          : { ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: retainUntil }),
      },
      partSize: partSizeFor(size),
      queueSize,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } finally {
      file.destroy();
    }

    const stored = await stat(sha256);
    if (stored === null || stored.size !== size) {
      throw new Error(
        `上传后校验失败 / after upload, ${Key} has ${stored?.size ?? 'no'} bytes instead of ${size}; the local file is kept`,
      );
    }
    await fsp.rm(options.path, { force: true });

    return { isNew: true };
  };

  return {
    kind: 's3',
    putFile,
    stat,

    read: async (sha256: string, range?: ByteRange) => {
      assertSha256(sha256);
      assertRange(range);
      try {
        const answer = await client.send(
          new GetObjectCommand({
            Bucket,
            Key: keyOf(sha256),
            ...(range === undefined ? {} : { Range: `bytes=${range.start}-${range.end}` }),
          }),
        );

        return answer.Body as Readable;
      } catch (error) {
        if (isNotFound(error)) throw blobRefusal('blob_not_found', { sha256 });
        if (statusOf(error) === 416) throw blobRefusal('blob_invalid_range', { sha256, ...range });
        throw error;
      }
    },

    retention,
    extendRetention,

    setLegalHold: async (sha256, isOn) => {
      const Key = keyOf(sha256);
      for (const VersionId of await mustExist(sha256)) {
        await client.send(
          new PutObjectLegalHoldCommand({ Bucket, Key, VersionId, LegalHold: { Status: isOn ? 'ON' : 'OFF' } }),
        );
      }
    },

    dispose: async (sha256) => {
      await mustExist(sha256);
      const Key = keyOf(sha256);
      const { versions, deleteMarkers } = await versionsOf(sha256);
      // Deleting a version (not just hiding it behind a delete marker) is what Object Lock guards; the server decides.
      for (const VersionId of [...versions, ...deleteMarkers]) {
        try {
          await client.send(new DeleteObjectCommand({ Bucket, Key, VersionId }));
        } catch (error) {
          if (!isLockRefusal(error)) throw error;
          const held = await retention(sha256);
          throw blobRefusal('blob_retained', {
            sha256,
            retainUntil: held?.retainUntil?.toISOString() ?? null,
            legalHold: held?.isLegalHold ?? null,
            server: (error as Error).message,
          });
        }
      }
    },

    list: async function* () {
      for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix: PREFIX })) {
        for (const object of page.Contents ?? []) {
          const sha256 = object.Key?.slice(object.Key.lastIndexOf('/') + 1) ?? '';
          if (SHA256_PATTERN.test(sha256) && object.Key === keyOf(sha256)) yield { sha256, size: object.Size ?? 0 };
        }
      }
    },

    close: async () => client.destroy(),
  };
};
