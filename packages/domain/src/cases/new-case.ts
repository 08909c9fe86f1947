import { DomainError, type ErrorCode } from '../errors';
import { checkCreditCode, normalizeCreditCode } from '../identifiers/credit-code';
import { isValidPhone, normalizePhone } from '../identifiers/phone';
import { checkResidentId, normalizeResidentId } from '../identifiers/resident-id';
import { isIsoDate } from '../time/china-time';
import { CASE_SOURCES } from './case-source';

export type PersonParty = {
  kind: 'person';
  name: string;
  idNumber: string;
  phone: string | null;
  address: string | null;
};

export type OrganizationParty = {
  kind: 'organization';
  name: string;
  creditCode: string;
  legalRepresentative: string;
  phone: string | null;
  address: string | null;
};

export type Party = PersonParty | OrganizationParty;

export type NewCase = {
  source: string;
  sourceDetail: string | null;
  place: string;
  discoveredOn: string;
  summary: string;
  party: Party;
};

/** Shape of the input before checks: what a form or an API client sends. */
export type NewCaseInput = {
  /** PROC-1: penalty when not given. */
  procedure?: string;
  source: string;
  sourceDetail?: string | null;
  place: string;
  discoveredOn: string;
  summary: string;
  party: {
    kind: string;
    name: string;
    idNumber?: string | null;
    creditCode?: string | null;
    legalRepresentative?: string | null;
    phone?: string | null;
    address?: string | null;
  };
};

export type FieldProblem = { field: string; code: ErrorCode };

export const CASE_TEXT_LIMITS = {
  place: 200,
  summary: 2000,
  sourceDetail: 500,
  name: 100,
  address: 200,
} as const;

const trimmed = (value: string | null | undefined): string | null => {
  const t = value?.trim();

  return t ? t : null;
};

/**
 * Checks every field at once (SEC-3) and returns the normalized case, or throws one error that lists
 * each problem; the code is the shared one when all problems agree, else VALIDATION_FAILED.
 */
export const validateNewCase = (
  input: NewCaseInput,
  today: string,
  // The sources of the procedure being registered; a penalty's by default (S4 第九条 to 第十二条).
  sources: readonly string[] = Object.keys(CASE_SOURCES),
): NewCase => {
  const problems: FieldProblem[] = [];
  const need = (field: string, value: string | null, limit: number): string => {
    if (value === null) problems.push({ field, code: 'VALIDATION_FAILED' });
    else if (value.length > limit) problems.push({ field, code: 'VALIDATION_FAILED' });

    return value ?? '';
  };
  const optional = (field: string, value: string | null, limit: number): string | null => {
    if (value !== null && value.length > limit) problems.push({ field, code: 'VALIDATION_FAILED' });

    return value;
  };

  const source = input.source;
  if (!sources.includes(source)) problems.push({ field: 'source', code: 'UNKNOWN_CASE_SOURCE' });
  const sourceDetail = optional('sourceDetail', trimmed(input.sourceDetail), CASE_TEXT_LIMITS.sourceDetail);
  // S4 §11: a transferred case records who transferred or assigned it.
  if (source === 'transfer' && sourceDetail === null) {
    problems.push({ field: 'sourceDetail', code: 'TRANSFER_SOURCE_DETAIL_REQUIRED' });
  }
  const place = need('place', trimmed(input.place), CASE_TEXT_LIMITS.place);
  const summary = need('summary', trimmed(input.summary), CASE_TEXT_LIMITS.summary);
  const discoveredOn = input.discoveredOn.trim();
  if (!isIsoDate(discoveredOn)) problems.push({ field: 'discoveredOn', code: 'INVALID_DATE' });
  else if (discoveredOn > today) problems.push({ field: 'discoveredOn', code: 'DATE_IN_FUTURE' });

  const raw = input.party;
  const name = need('party.name', trimmed(raw.name), CASE_TEXT_LIMITS.name);
  const phoneRaw = trimmed(raw.phone);
  const phone = phoneRaw === null ? null : normalizePhone(phoneRaw);
  if (phone !== null && !isValidPhone(phone)) problems.push({ field: 'party.phone', code: 'INVALID_PHONE' });
  const address = optional('party.address', trimmed(raw.address), CASE_TEXT_LIMITS.address);

  let party: Party | null = null;
  if (raw.kind === 'person') {
    if (trimmed(raw.creditCode) !== null || trimmed(raw.legalRepresentative) !== null) {
      problems.push({ field: 'party.kind', code: 'PARTY_FIELDS_MISMATCH' });
    }
    const idNumber = normalizeResidentId(raw.idNumber ?? '');
    if (idNumber === '') problems.push({ field: 'party.idNumber', code: 'VALIDATION_FAILED' });
    else if (checkResidentId(idNumber, today) !== null) {
      problems.push({ field: 'party.idNumber', code: 'INVALID_ID_NUMBER' });
    }
    party = { kind: 'person', name, idNumber, phone, address };
  } else if (raw.kind === 'organization') {
    if (trimmed(raw.idNumber) !== null) problems.push({ field: 'party.kind', code: 'PARTY_FIELDS_MISMATCH' });
    const creditCode = normalizeCreditCode(raw.creditCode ?? '');
    if (creditCode === '') problems.push({ field: 'party.creditCode', code: 'VALIDATION_FAILED' });
    else if (checkCreditCode(creditCode) !== null) {
      problems.push({ field: 'party.creditCode', code: 'INVALID_CREDIT_CODE' });
    }
    const legalRepresentative = need(
      'party.legalRepresentative',
      trimmed(raw.legalRepresentative),
      CASE_TEXT_LIMITS.name,
    );
    party = { kind: 'organization', name, creditCode, legalRepresentative, phone, address };
  } else {
    problems.push({ field: 'party.kind', code: 'VALIDATION_FAILED' });
  }

  if (problems.length > 0 || party === null) {
    const codes = new Set(problems.map((p) => p.code));
    const code = codes.size === 1 ? [...codes][0]! : 'VALIDATION_FAILED';
    throw new DomainError(code, { fields: problems });
  }

  return { source, sourceDetail, place, discoveredOn, summary, party };
};
