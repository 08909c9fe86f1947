/** Every code a use-case may throw; the server maps each to an HTTP status and a Chinese message. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_ID_NUMBER',
  'INVALID_CREDIT_CODE',
  'INVALID_PHONE',
  'INVALID_DATE',
  'DATE_IN_FUTURE',
  'UNKNOWN_CASE_SOURCE',
  'TRANSFER_SOURCE_DETAIL_REQUIRED',
  'PARTY_FIELDS_MISMATCH',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'FORBIDDEN',
  'CASE_NOT_FOUND',
  'AGENCY_NOT_FOUND',
  'SECTION_NOT_FOUND',
  'USER_NOT_FOUND',
  'USERNAME_TAKEN',
  'AGENCY_CODE_TAKEN',
  'CREDENTIAL_NUMBER_TAKEN',
  'INVALID_ROLE',
  'INVALID_CREDENTIAL_PERIOD',
  'WEAK_PASSWORD',
  'LEDGER_NOT_FOUND',
  'LEDGER_ENTRY_NOT_FOUND',
  'CHECKPOINT_NOT_FOUND',
  'ENTRY_NOT_YET_CHECKPOINTED',
  'INVALID_PROOF_RANGE',
  'TRANSITION_NOT_ALLOWED',
  'TRANSITION_BLOCKED',
  'RECORD_NOT_FOR_STAGE',
  'CASE_CLOSED',
  'RECORD_NOT_FOUND',
  'RECORD_SUPERSEDED',
  'UNKNOWN_RECORD_KIND',
  'INVALID_OFFICER',
  'APPROVAL_NOT_PENDING',
  'APPROVAL_WRONG_ROLE',
  'UNKNOWN_PROCEDURE',
  'INVALID_CALENDAR_DAY',
  'CALENDAR_YEAR_NOT_COVERED',
  'CALENDAR_YEAR_EXISTS',
  'EMPTY_FILE',
  'TYPE_MISMATCH',
  'UPLOAD_TOO_LARGE',
  'UPLOAD_NOT_FOUND',
  'UPLOAD_GONE',
  'UPLOAD_OFFSET_MISMATCH',
  'UPLOAD_CHECKSUM_MISMATCH',
  'UNSUPPORTED_CHECKSUM',
  'INVALID_DEVICE',
  'EVIDENCE_NOT_FOUND',
  'DEVICE_NOT_FOUND',
  'DEVICE_SERIAL_TAKEN',
  'DEVICE_CHANGE_NOT_ALLOWED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
