import { DomainError } from '@liuhen/domain';

// The domain has no blob codes yet; each refusal carries its own `reason` so a later code change touches only this file.
export type BlobRefusal =
  | 'blob_invalid_sha256'
  | 'blob_invalid_range'
  | 'blob_invalid_term'
  | 'blob_size_mismatch'
  | 'blob_sha256_mismatch'
  | 'blob_not_found'
  | 'blob_retained';

export const blobRefusal = (reason: BlobRefusal, details: Record<string, unknown> = {}): DomainError => {
  const code =
    reason === 'blob_not_found' ? 'RECORD_NOT_FOUND' : reason === 'blob_retained' ? 'FORBIDDEN' : 'VALIDATION_FAILED';

  return new DomainError(code, { reason, ...details });
};

/** The reason of a refusal made by this module, or null for any other error. */
export const blobRefusalReason = (error: unknown): BlobRefusal | null => {
  if (!(error instanceof DomainError)) return null;
  const details = error.details as { reason?: unknown } | undefined;

  return typeof details?.reason === 'string' && details.reason.startsWith('blob_')
    ? (details.reason as BlobRefusal)
    : null;
};
