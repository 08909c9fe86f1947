import type { Clock } from '../clock';
import type { Config } from '../config';
import type { ByteRange } from './blob-address';
import { openFsBlobStore } from './fs-blob-store';

export type BlobStat = { size: number };

/** What holds an original back from disposal: a term (null = none) and a legal hold. */
export type BlobRetention = { retainUntil: Date | null; isLegalHold: boolean };

export type PutFileOptions = {
  /** A finished local file; the store takes it over (moved or uploaded, then removed). */
  path: string;
  sha256: string;
  size: number;
  /** The retention term to lock in; null = none yet (S3: the bucket's default retention applies, if it has one). */
  retainUntil: Date | null;
};

/**
 * Write-once, content-addressed store of evidence originals (AV-1, AV-7, RET-2). An original is named by the
 * lowercase hex SHA-256 of its bytes, which the store checks itself, so no address can ever hold other bytes.
 */
export interface BlobStore {
  readonly kind: 'fs' | 's3';
  /**
   * Moves (fs) or uploads (s3) a finished local file into the store under its SHA-256, after checking its size and
   * its hash. Idempotent: when the content is already stored, removes the file, extends the stored term to
   * retainUntil and answers isNew:false. Never overwrites. On a refusal the local file is left where it was.
   */
  putFile(options: PutFileOptions): Promise<{ isNew: boolean }>;
  stat(sha256: string): Promise<BlobStat | null>;
  /** A stream of the original, or of bytes start..end inclusive (HTTP range requests). */
  read(sha256: string, range?: ByteRange): Promise<NodeJS.ReadableStream>;
  /** The current term and hold, or null when no such original is stored. */
  retention(sha256: string): Promise<BlobRetention | null>;
  /** Extends the retention term; never shortens it (an earlier date is a no-op). */
  extendRetention(sha256: string, until: Date): Promise<void>;
  setLegalHold(sha256: string, isOn: boolean): Promise<void>;
  /**
   * The only deletion. The store itself refuses while a retention term or legal hold holds (S3: Object Lock
   * COMPLIANCE on the server; fs: the sidecar record kept beside each original).
   */
  dispose(sha256: string): Promise<void>;
  /** Every stored original, for the fixity job. */
  list(): AsyncIterable<{ sha256: string; size: number }>;
  close(): Promise<void>;
}

export type FsBlobStoreOptions = {
  kind: 'fs';
  /** `$LIUHEN_DATA/blobs`; originals live in `ab/cd/<sha256>` with `<sha256>.lock.json` beside them. */
  dir: string;
  /** Decides when a term has passed; tests pass their own. */
  clock?: Clock;
};

export type S3BlobStoreOptions = {
  kind: 's3';
  /** null = the AWS endpoint of the region. */
  endpoint: string | null;
  region: string;
  bucket: string;
  /** null = the SDK's default credential chain (instance role and the like). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  forcePathStyle: boolean;
  /** when_required for Ceph RGW Pacific (no aws-chunked trailers); when_supported for AWS. */
  checksums: 'when_required' | 'when_supported';
  /** Multipart part size in bytes (at least 5 MiB); memory use is about partSize × queueSize. */
  partSize?: number;
  queueSize?: number;
  /** A term already past holds nothing and S3 refuses it, so such a term is skipped; tests pass their own. */
  clock?: Clock;
};

export type BlobStoreOptions = FsBlobStoreOptions | S3BlobStoreOptions;

/** Opens the configured store; an S3 bucket without Object Lock is refused here, before the server starts. */
export const openBlobStore = async (options: BlobStoreOptions): Promise<BlobStore> => {
  if (options.kind === 'fs') return openFsBlobStore(options);
  // The AWS SDK is loaded only by deployments that use S3.
  const { openS3BlobStore } = await import('./s3-blob-store');

  return openS3BlobStore(options);
};

/** The store the configuration names (LIUHEN_BLOB_STORE and LIUHEN_S3_*). */
export const blobStoreOptionsFrom = (config: Pick<Config, 'storage'>): BlobStoreOptions => ({
  ...config.storage.blobStore,
});
