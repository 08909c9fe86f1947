import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { blobRefusal } from './blob-errors';

/** An original's address: its SHA-256 in lowercase hex, the only name a blob ever has. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export type ByteRange = { start: number; end: number };

// The address becomes a path and an object key, so nothing but 64 hex digits gets that far.
export const assertSha256 = (sha256: string): void => {
  if (!SHA256_PATTERN.test(sha256)) throw blobRefusal('blob_invalid_sha256', { sha256 });
};

export const assertRange = (range: ByteRange | undefined): void => {
  if (range === undefined) return;
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw blobRefusal('blob_invalid_range', { start, end });
  }
};

export const assertTerm = (until: Date | null): void => {
  if (until !== null && !(until instanceof Date && Number.isFinite(until.getTime()))) {
    throw blobRefusal('blob_invalid_term', { until: String(until) });
  }
};

/**
 * Passes bytes through and fails at the end unless they hash to `expected`, so whatever consumes the
 * stream (a file copy, a multipart upload) never commits bytes that do not match their address.
 */
export const sha256Verifier = (expected: string): Transform => {
  const hash = createHash('sha256');

  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      const actual = hash.digest('hex');
      callback(actual === expected ? null : blobRefusal('blob_sha256_mismatch', { expected, actual }));
    },
  });
};

export const sha256OfFile = async (path: string): Promise<string> => {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(path, { highWaterMark: 1 << 20 }), hash);

  return hash.digest('hex');
};
