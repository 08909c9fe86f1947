import { isIsoDate } from '../time/china-time';
import { RECORD_KINDS } from './catalog';
import { isRecordKindId, type FieldDefinition, type RecordKindId } from './record-kinds';

/**
 * One stored value. Money is a decimal string in yuan with exactly two decimals ("1500.00"): record content is
 * hashed into the ledger as canonical JSON, which admits only safe integers, and a string reads on the document
 * exactly as it was entered, with no binary-float rounding.
 */
export type RecordFieldValue = string | number | boolean | string[] | null;
export type RecordContent = Record<string, RecordFieldValue>;
export type RecordContentProblem = { field: string; code: 'VALIDATION_FAILED' | 'INVALID_DATE' };
export type RecordContentValidation = { content: RecordContent; problems: RecordContentProblem[] };

type ProblemCode = RecordContentProblem['code'];
type Parsed = { value: RecordFieldValue } | { code: ProblemCode };

const DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const MONEY = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** True for an ISO 8601 instant with seconds optional and an explicit offset, e.g. 2026-11-21T09:30+08:00. */
export const isIsoDateTime = (value: string): boolean => {
  const match = DATETIME.exec(value);
  if (!match) return false;
  const [, day, hour, minute, second, offsetHour, offsetMinute] = match;

  return (
    isIsoDate(day!) &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second ?? 0) < 60 &&
    Number(offsetHour ?? 0) <= 14 &&
    Number(offsetMinute ?? 0) < 60
  );
};

/** Parses a money amount (number or decimal string, yuan, at most 2 decimals) to its stored form, or null. */
export const normalizeMoney = (raw: unknown): string | null => {
  const written = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : typeof raw === 'string' ? raw : '';
  const match = MONEY.exec(written.trim());
  if (!match) return null;

  return `${match[1]!.replace(/^0+(?=\d)/, '')}.${(match[2] ?? '').padEnd(2, '0')}`;
};

const isAbsent = (raw: unknown): boolean =>
  raw === undefined ||
  raw === null ||
  (typeof raw === 'string' && raw.trim() === '') ||
  (Array.isArray(raw) && raw.length === 0);

// Limits count characters as people do (code points), not UTF-16 units.
const lengthOf = (value: string): number => [...value].length;

const invalid: Parsed = { code: 'VALIDATION_FAILED' };
const badDate: Parsed = { code: 'INVALID_DATE' };

/** Checks and normalizes one present value against its definition. */
const parse = (field: FieldDefinition, raw: unknown): Parsed => {
  switch (field.type) {
    case 'text':
    case 'textarea': {
      if (typeof raw !== 'string') return invalid;
      // One line break form, so the same text hashes the same whichever system typed it.
      const value = field.type === 'textarea' ? raw.replace(/\r\n?/g, '\n').trim() : raw.trim();
      if (field.type === 'text' && /[\r\n]/.test(value)) return invalid;
      if (field.maxLength !== undefined && lengthOf(value) > field.maxLength) return invalid;

      return { value };
    }
    case 'date': {
      if (typeof raw !== 'string') return invalid;
      const value = raw.trim();

      return isIsoDate(value) ? { value } : badDate;
    }
    case 'datetime': {
      if (typeof raw !== 'string') return invalid;
      const value = raw.trim();

      return isIsoDateTime(value) ? { value } : badDate;
    }
    case 'select': {
      if (typeof raw !== 'string') return invalid;
      const value = raw.trim();

      return field.options?.some((o) => o.value === value) ? { value } : invalid;
    }
    case 'multiselect': {
      if (!Array.isArray(raw) || !raw.every((item) => typeof item === 'string')) return invalid;
      const chosen = raw.map((item: string) => item.trim());
      const known = (field.options ?? []).map((o) => o.value);
      if (new Set(chosen).size !== chosen.length || !chosen.every((item) => known.includes(item))) return invalid;

      // Stored in the options' order, so equal choices give equal records.
      return { value: known.filter((value) => chosen.includes(value)) };
    }
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : invalid;
    case 'integer':
      return typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? { value: raw } : invalid;
    case 'money': {
      if (typeof raw !== 'number' && typeof raw !== 'string') return invalid;
      const value = normalizeMoney(raw);

      return value === null ? invalid : { value };
    }
  }
};

const isShown = (field: FieldDefinition, content: RecordContent): boolean => {
  if (!field.showWhen) return true;
  const controller = content[field.showWhen.field];
  const equals = field.showWhen.equals;

  return Array.isArray(controller)
    ? controller.some((value) => equals.includes(value))
    : controller !== null && controller !== undefined && equals.includes(controller as string | boolean);
};

// ——— rules that span fields, each from a statute or seed ———

const str = (content: RecordContent, name: string): string | null => {
  const value = content[name];

  return typeof value === 'string' ? value : null;
};

const list = (content: RecordContent, name: string): string[] => {
  const value = content[name];

  return Array.isArray(value) ? value : [];
};

const names = (value: string | null): string[] => (value ?? '').split(/[\s、,，;；]+/).filter((n) => n !== '');

const addDays = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);

  return date.toISOString().slice(0, 10);
};

// A later moment may not come before the earlier one (same field type on both sides).
const ORDERED_PAIRS: readonly (readonly [string, string])[] = [
  ['startedAt', 'endedAt'],
  ['plannedStartOn', 'plannedEndOn'],
  ['periodStartOn', 'periodEndOn'],
  ['issuedOn', 'deadline'],
  ['originalStartOn', 'originalEndOn'],
  ['originalEndOn', 'extendedEndOn'],
  ['commissionedOn', 'issuedOn'],
  ['materialsReceivedOn', 'notifiedOn'],
  ['preservedOn', 'storageEndOn'],
  ['demandServedOn', 'appliedOn'],
];

const isBefore = (field: FieldDefinition, later: string, earlier: string): boolean =>
  field.type === 'datetime' ? Date.parse(later) < Date.parse(earlier) : later < earlier;

// Rights each kind must name when it records a rights notice (PROC-6).
const REQUIRED_RIGHTS: Partial<Record<RecordKindId, (content: RecordContent) => string[]>> = {
  // 行政处罚法 第四十三条: the person questioned may ask the officers to withdraw.
  questioning_record: () => ['recusal'],
  // 行政处罚法 第四十四条, 第六十三条: statement and defence always, a hearing where the penalty qualifies.
  advance_notice: (c) =>
    c.isHearingApplicable === true ? ['statement', 'defence', 'hearing'] : ['statement', 'defence'],
  // 行政强制法 第十八条(五)(六): the party is told its rights and heard.
  compulsion_site_record: () => ['statement', 'defence'],
  // S1 §17: 陈述、申辩、申请回避; a licensing hearing only where the law grants one.
  site_verification_record: () => ['statement', 'defence', 'recusal'],
  // 行政处罚法 第六十四条(四), 行政许可法 第四十八条: the party may ask the host to withdraw.
  hearing_notice: () => ['recusal'],
  // 行政强制法 第三十五条(四).
  demand_notice: () => ['statement', 'defence'],
};

// 行政处罚法 第六十四条(四), 行政许可法 第四十八条: host, hearing officers and recorder are not the investigators.
const hearingStaffClashes = (content: RecordContent): string[] => {
  const investigators = new Set(names(str(content, 'investigators')));

  return ['host', 'hearingOfficers', 'recorder'].filter((name) =>
    names(str(content, name)).some((person) => investigators.has(person)),
  );
};

const KIND_RULES: Partial<Record<RecordKindId, (content: RecordContent) => string[]>> = {
  // 行政强制法 第二十五条: a seizure lasts at most 30 days.
  sealing_seizure_decision: (c) => {
    const days = c.termDays;

    return typeof days === 'number' && (days < 1 || days > 30) ? ['termDays'] : [];
  },
  // 行政强制法 第二十五条: one extension of at most 30 days; 三十日 is calendar days (第六十九条 covers ≤10 days only).
  seizure_extension_approval: (c) => {
    const days = c.extensionDays;
    if (typeof days !== 'number') return [];
    if (days < 1 || days > 30) return ['extensionDays'];
    const from = str(c, 'originalEndOn');
    const to = str(c, 'extendedEndOn');

    return from !== null && to !== null && addDays(from, days) !== to ? ['extendedEndOn'] : [];
  },
  // 行政强制法 第十九条: an emergency measure is reported to the head within 24 hours of the act.
  compulsion_approval: (c) => {
    const acted = str(c, 'actedAt');
    const reported = str(c, 'emergencyReportedAt');
    if (acted === null || reported === null) return [];

    return Date.parse(reported) - Date.parse(acted) > 24 * 60 * 60 * 1000 ? ['emergencyReportedAt'] : [];
  },
  // S3 附件2 §11: forced demolition always gets a dedicated camera operator filming from several angles.
  compulsion_site_record: (c) =>
    c.measureType === 'forced_demolition' && c.isViolenceAnticipated === false ? ['isViolenceAnticipated'] : [],
  hearing_notice: (c) => hearingStaffClashes(c),
  hearing_record: (c) => hearingStaffClashes(c),
  // 行政处罚法 第六十一条: fax or e-mail service only after the party agreed and signed a confirmation.
  service_receipt: (c) =>
    c.method === 'electronic' && c.isElectronicConsentSigned === false ? ['isElectronicConsentSigned'] : [],
};

const crossFieldProblems = (
  kind: RecordKindId,
  fields: readonly FieldDefinition[],
  content: RecordContent,
): string[] => {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const faults: string[] = [];
  for (const [earlierName, laterName] of ORDERED_PAIRS) {
    const earlierField = byName.get(earlierName);
    const laterField = byName.get(laterName);
    const earlier = str(content, earlierName);
    const later = str(content, laterName);
    if (!earlierField || !laterField || earlierField.type !== laterField.type || earlier === null || later === null) {
      continue;
    }
    if (isBefore(laterField, later, earlier)) faults.push(laterName);
  }
  const requiredRights = REQUIRED_RIGHTS[kind];
  if (requiredRights && content.rightsNotified !== null && content.rightsNotified !== undefined) {
    const told = list(content, 'rightsNotified');
    if (!requiredRights(content).every((right) => told.includes(right))) faults.push('rightsNotified');
  }
  faults.push(...(KIND_RULES[kind]?.(content) ?? []));

  return faults;
};

/**
 * DOC-1, SEC-3: checks a record's structured content against its kind and returns the normalized content
 * (strings trimmed, every defined field present, null when empty) with every problem found; never throws.
 * A field hidden by showWhen must be empty; unknown fields are refused.
 */
export const validateRecordContent = (kind: RecordKindId, content: unknown): RecordContentValidation => {
  if (typeof kind !== 'string' || !isRecordKindId(kind)) {
    return { content: {}, problems: [{ field: 'kind', code: 'VALIDATION_FAILED' }] };
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    return { content: {}, problems: [{ field: 'content', code: 'VALIDATION_FAILED' }] };
  }
  const input = content as Record<string, unknown>;
  const fields: readonly FieldDefinition[] = RECORD_KINDS[kind].fields;
  const problems: RecordContentProblem[] = [];
  const failed = new Set<string>();
  const report = (name: string, code: ProblemCode) => {
    if (failed.has(name)) return;
    failed.add(name);
    problems.push({ field: `content.${name}`, code });
  };

  const known = new Set(fields.map((f) => f.name));
  for (const name of Object.keys(input)) if (!known.has(name)) report(name, 'VALIDATION_FAILED');

  const normalized: RecordContent = {};
  for (const field of fields) {
    const raw = Object.hasOwn(input, field.name) ? input[field.name] : undefined;
    // A controller that failed its own check leaves visibility unknown: check the value, demand nothing.
    const isVisibilityKnown = !field.showWhen || !failed.has(field.showWhen.field);
    const shown = isShown(field, normalized);
    normalized[field.name] = null;
    if (isAbsent(raw)) {
      if (field.isRequired && shown && isVisibilityKnown) report(field.name, 'VALIDATION_FAILED');
      continue;
    }
    if (!shown && isVisibilityKnown) {
      report(field.name, 'VALIDATION_FAILED');
      continue;
    }
    const parsed = parse(field, raw);
    if ('code' in parsed) report(field.name, parsed.code);
    else if (shown) normalized[field.name] = parsed.value;
  }

  for (const name of crossFieldProblems(kind, fields, normalized)) report(name, 'VALIDATION_FAILED');

  return { content: normalized, problems };
};
