import { DomainError } from '@liuhen/domain';

export const TUS_VERSION = '1.0.0';
// No 'creation': an upload is created by stating its metadata as JSON first (ADR 0005).
export const TUS_EXTENSIONS = 'checksum,expiration,termination';

type HeaderValue = string | string[] | undefined;

/** A non-negative byte count as tus sends it (decimal digits only), or null when absent or malformed. */
export const parseOffset = (value: HeaderValue): number | null => {
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) return null;
  const number = Number(value);

  return Number.isSafeInteger(number) ? number : null;
};

/** tus checksum extension: `Upload-Checksum: <algorithm> <base64 digest>`; null when the client sent none. */
export const parseChecksum = (value: HeaderValue): { algorithm: 'sha1' | 'sha256'; digest: Buffer } | null => {
  if (value === undefined) return null;
  const match = typeof value === 'string' ? /^([a-z0-9-]+) ([A-Za-z0-9+/]+={0,2})$/.exec(value.trim()) : null;
  if (!match)
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'Upload-Checksum', code: 'VALIDATION_FAILED' }] });
  const [, algorithm, encoded] = match;
  if (algorithm !== 'sha1' && algorithm !== 'sha256') throw new DomainError('UNSUPPORTED_CHECKSUM', { algorithm });
  const digest = Buffer.from(encoded!, 'base64');
  if (digest.length !== (algorithm === 'sha1' ? 20 : 32)) {
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'Upload-Checksum', code: 'VALIDATION_FAILED' }] });
  }

  return { algorithm, digest };
};

/**
 * ACCESS-4 playback: one `bytes=start-end` or `bytes=start-` range, or null when none was asked; anything else
 * (several ranges, suffix ranges) is answered with the whole file, as HTTP allows.
 */
export const parseRange = (value: HeaderValue): { start: number; end: number | null } | null | 'invalid' => {
  if (value === undefined) return null;
  const match = typeof value === 'string' ? /^bytes=(\d{1,16})-(\d{0,16})$/.exec(value.trim()) : null;
  if (!match) return 'invalid';
  const start = Number(match[1]);
  const end = match[2] === '' ? null : Number(match[2]);

  return end !== null && end < start ? 'invalid' : { start, end };
};
