import type { Dayjs } from 'dayjs';
import {
  checkCreditCode,
  checkResidentId,
  isValidPhone,
  normalizeCreditCode,
  normalizePhone,
  normalizeResidentId,
} from '@liuhen/domain/identifiers';
import type { CaseSource, NewCaseRequest, PartyKind, ProcedureType } from '../../api/types';

export type NewCaseFormValues = {
  procedure: ProcedureType;
  source: CaseSource;
  sourceDetail?: string;
  discoveredOn: Dayjs;
  place: string;
  summary: string;
  party: {
    kind: PartyKind;
    name: string;
    idNumber?: string;
    creditCode?: string;
    legalRepresentative?: string;
    phone?: string;
    address?: string;
  };
};

const trimmedOrNull = (value: string | undefined): string | null => {
  const t = value?.trim();

  return t ? t : null;
};

/** Sends only the fields of the chosen party kind, so a switch of kind never leaks the other kind's data. */
export const toNewCaseRequest = (values: NewCaseFormValues): NewCaseRequest => {
  const { party } = values;
  const phoneText = trimmedOrNull(party.phone);
  const phone = phoneText === null ? null : normalizePhone(phoneText);
  const address = trimmedOrNull(party.address);
  const common = {
    procedure: values.procedure,
    source: values.source,
    sourceDetail: trimmedOrNull(values.sourceDetail),
    place: values.place.trim(),
    discoveredOn: values.discoveredOn.format('YYYY-MM-DD'),
    summary: values.summary.trim(),
  };
  if (party.kind === 'person') {
    return {
      ...common,
      party: {
        kind: 'person',
        name: party.name.trim(),
        idNumber: normalizeResidentId(party.idNumber ?? ''),
        phone,
        address,
      },
    };
  }

  return {
    ...common,
    party: {
      kind: 'organization',
      name: party.name.trim(),
      creditCode: normalizeCreditCode(party.creditCode ?? ''),
      legalRepresentative: (party.legalRepresentative ?? '').trim(),
      phone,
      address,
    },
  };
};

/** Field paths the server may name that have an input on screen for this party kind. */
export const newCaseFieldPaths = (kind: PartyKind): string[] => [
  'procedure',
  'source',
  'sourceDetail',
  'discoveredOn',
  'place',
  'summary',
  'party.kind',
  'party.name',
  ...(kind === 'person' ? ['party.idNumber'] : ['party.creditCode', 'party.legalRepresentative']),
  'party.phone',
  'party.address',
];

const RESIDENT_ID_MESSAGES = {
  format: '身份证号码应为18位，前17位为数字，最后一位为数字或X',
  region: '身份证号码的地址码不正确',
  birth_date: '身份证号码中的出生日期不正确',
  check_digit: '身份证号码校验位不正确，请核对后重新输入',
} as const;

const CREDIT_CODE_MESSAGES = {
  format: '统一社会信用代码应为18位数字或大写字母（不含 I、O、S、V、Z）',
  check_char: '统一社会信用代码校验位不正确，请核对后重新输入',
} as const;

export const residentIdError = (value: string, today: string): string | null => {
  const problem = checkResidentId(normalizeResidentId(value), today);

  return problem === null ? null : RESIDENT_ID_MESSAGES[problem];
};

export const creditCodeError = (value: string): string | null => {
  const problem = checkCreditCode(normalizeCreditCode(value));

  return problem === null ? null : CREDIT_CODE_MESSAGES[problem];
};

export const phoneError = (value: string): string | null =>
  isValidPhone(normalizePhone(value)) ? null : '请输入正确的手机号码或固定电话（如 010-12345678）';

/** A source chosen for another procedure is dropped when the procedure changes, never sent to the wrong one. */
export const sourceAfterProcedureChange = (
  source: CaseSource | undefined,
  sources: readonly { id: string }[],
): CaseSource | undefined => (source !== undefined && sources.some((s) => s.id === source) ? source : undefined);

/** While typing, judge an 18-character identifier only once it is complete. */
export const isCompleteIdentifier = (value: string): boolean => value.trim().length >= 18;
