import { DomainError } from '@liuhen/domain';

/** A reason, opinion or note a person must write: non-blank and within its length; answered trimmed. */
export const requiredText = (value: unknown, field: string, maxLength = 500): string => {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > maxLength)
    throw new DomainError('VALIDATION_FAILED', { field, maxLength });

  return value.trim();
};
