import dayjs, { type Dayjs } from 'dayjs';
import type { AvCondition, AvLevel, FieldDefinition, RecordKind } from '../../api/procedure-types';
import type { FieldError } from '../../api/types';
import type { CaseRecord, RecordFieldValue, RecordRequest } from '../../api/workspace-types';
import type { FormFieldErrors } from '../forms/field-errors';
import { toNamePath } from '../forms/field-errors';
import { isAvAsked } from '../procedures/procedure-labels';
import { chinaWallClock, toChinaIso } from '../time/china-time';

export type ContentFormValue = string | number | boolean | string[] | Dayjs | null | undefined;

export type WitnessFormValue = { name?: string; idNumber?: string; phone?: string };

export type PartySignatureChoice = 'signed' | 'refused' | 'pending';

/** The record form's values: the envelope at the top level, the kind's own fields under `content`. */
export type RecordFormValues = {
  recordedAt?: Dayjs | null;
  place?: string;
  officers?: string[];
  /** By officer id; an officer not in the map showed the credential (the checkbox starts ticked). */
  credentialShown?: Record<string, boolean>;
  partySignature?: PartySignatureChoice;
  refusalReason?: string;
  witnesses?: WitnessFormValue[];
  avReason?: string;
  correctionReason?: string;
  content?: Record<string, ContentFormValue>;
};

const trimmedOrNull = (value: string | undefined | null): string | null => {
  const t = value?.trim();

  return t ? t : null;
};

const matches = (value: unknown, equals: readonly (string | boolean)[]): boolean =>
  Array.isArray(value)
    ? value.some((v) => equals.includes(v as string))
    : value !== null && value !== undefined && equals.includes(value as string | boolean);

/**
 * The fields shown for the values entered, as the server judges them: in order, and a field hidden by its own
 * controller counts as empty, so a chain of conditions hides everything below a hidden link.
 */
export const visibleFields = (
  fields: readonly FieldDefinition[],
  content: Readonly<Record<string, unknown>> | undefined,
): FieldDefinition[] => {
  const seen = new Map<string, unknown>();
  const shown: FieldDefinition[] = [];
  for (const field of fields) {
    const isShown = !field.showWhen || matches(seen.get(field.showWhen.field), field.showWhen.equals);
    seen.set(field.name, isShown ? (content?.[field.name] ?? null) : null);
    if (isShown) shown.push(field);
  }

  return shown;
};

/** Money is sent as a decimal string with two places ("1500.00"): the ledger hashes it as written. */
export const toMoneyString = (raw: string | number): string => {
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return text;

  return `${match[1]!.replace(/^0+(?=\d)/, '')}.${(match[2] ?? '').padEnd(2, '0')}`;
};

const isDayjs = (value: unknown): value is Dayjs => dayjs.isDayjs(value);

/** One field's value as the API takes it; undefined when empty, so the field is left out. */
export const toContentValue = (field: FieldDefinition, raw: ContentFormValue): RecordFieldValue | undefined => {
  switch (field.type) {
    case 'text':
      return typeof raw === 'string' && raw.trim() ? raw.trim() : undefined;
    case 'textarea': {
      const text = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n').trim() : '';

      return text ? text : undefined;
    }
    case 'date':
      if (isDayjs(raw)) return raw.format('YYYY-MM-DD');

      return typeof raw === 'string' && raw ? raw : undefined;
    case 'datetime':
      if (isDayjs(raw)) return toChinaIso(raw);

      return typeof raw === 'string' && raw ? raw : undefined;
    case 'select':
      return typeof raw === 'string' && raw ? raw : undefined;
    case 'multiselect': {
      if (!Array.isArray(raw) || raw.length === 0) return undefined;
      const known = (field.options ?? []).map((o) => o.value);

      // In the options' order, as the server stores it, so equal choices read alike.
      return known.filter((value) => raw.includes(value));
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;

      // An untouched switch reads 否.
      return field.isRequired ? false : undefined;
    case 'integer':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
    case 'money':
      if (typeof raw === 'number' || (typeof raw === 'string' && raw.trim())) return toMoneyString(raw);

      return undefined;
  }
};

/** Only the fields on screen are sent: the server refuses a value in a field its condition hides. */
export const toRecordContent = (
  fields: readonly FieldDefinition[],
  content: Readonly<Record<string, ContentFormValue>> | undefined,
): Record<string, RecordFieldValue> => {
  const body: Record<string, RecordFieldValue> = {};
  for (const field of visibleFields(fields, content)) {
    const value = toContentValue(field, content?.[field.name]);
    if (value !== undefined) body[field.name] = value;
  }

  return body;
};

export type RecordFormContext = {
  /** The stage asks for audio-video for the values entered, so the written reason is on the form. */
  isAvReasonShown: boolean;
};

/**
 * AV-2: whether the form asks for the written AV statement for the values entered. A conditional requirement
 * (送达回证: only 留置送达 and 公告送达) is judged on the content as it would be sent, hidden fields left out.
 */
export const isAvReasonAsked = (
  kind: RecordKind,
  av: { level: AvLevel; when: AvCondition | null },
  content: Readonly<Record<string, ContentFormValue>> | undefined,
): boolean => isAvAsked(av.level, av.when, av.when ? toRecordContent(kind.fields, content) : undefined);

export const toRecordRequest = (
  kind: RecordKind,
  values: RecordFormValues,
  context: RecordFormContext,
): RecordRequest => {
  const isShownRecorded = kind.officers.isCredentialShownRecorded;
  const body: RecordRequest = {
    kind: kind.id,
    recordedAt: values.recordedAt ? toChinaIso(values.recordedAt) : '',
    place: trimmedOrNull(values.place),
    officers: (values.officers ?? []).map((userId) => ({
      userId,
      // Desk records are not shown to anyone; the field is only meaningful where showing is recorded.
      isCredentialShown: isShownRecorded && values.credentialShown?.[userId] !== false,
    })),
    content: toRecordContent(kind.fields, values.content),
  };
  if (kind.partySignature === 'required') {
    if (values.partySignature) body.partySignature = values.partySignature;
    body.refusalReason = values.partySignature === 'refused' ? trimmedOrNull(values.refusalReason) : null;
  }
  if (kind.witnesses !== 'none') {
    body.witnesses = (values.witnesses ?? [])
      .filter((w) => trimmedOrNull(w.name) || trimmedOrNull(w.idNumber) || trimmedOrNull(w.phone))
      .map((w) => ({
        name: (w.name ?? '').trim(),
        idNumber: trimmedOrNull(w.idNumber),
        phone: trimmedOrNull(w.phone),
      }));
  }
  if (context.isAvReasonShown) body.avReason = trimmedOrNull(values.avReason);

  return body;
};

/** Starting values for a field that is never blank: a switch reads 否 and a checkbox group starts empty. */
const defaultContentValue = (field: FieldDefinition): ContentFormValue => {
  if (field.type === 'boolean') return false;
  if (field.type === 'multiselect') return [];

  return undefined;
};

export const newRecordFormValues = (
  kind: RecordKind,
  options: { now: Dayjs; place: string | null; officerIds: string[] },
): RecordFormValues => ({
  recordedAt: options.now,
  place: options.place ?? '',
  officers: options.officerIds,
  credentialShown: {},
  witnesses: [],
  content: Object.fromEntries(kind.fields.map((f) => [f.name, defaultContentValue(f)])),
});

/** A stored value back into the form, for a correction that starts from the current version. */
export const toFormContentValue = (field: FieldDefinition, stored: unknown): ContentFormValue => {
  if (stored === null || stored === undefined) return defaultContentValue(field);
  switch (field.type) {
    case 'date':
      return typeof stored === 'string' && dayjs(stored).isValid() ? dayjs(stored) : undefined;
    case 'datetime':
      return typeof stored === 'string' ? (chinaWallClock(stored) ?? undefined) : undefined;
    case 'multiselect':
      return Array.isArray(stored) ? stored.filter((v): v is string => typeof v === 'string') : [];
    case 'boolean':
      return typeof stored === 'boolean' ? stored : false;
    case 'integer':
      return typeof stored === 'number' ? stored : undefined;
    case 'money':
      return typeof stored === 'string' || typeof stored === 'number' ? String(stored) : undefined;
    default:
      return typeof stored === 'string' ? stored : undefined;
  }
};

export const correctionFormValues = (kind: RecordKind, record: CaseRecord): RecordFormValues => ({
  recordedAt: chinaWallClock(record.recordedAt),
  place: record.place ?? '',
  officers: record.officers.map((o) => o.userId),
  credentialShown: Object.fromEntries(record.officers.map((o) => [o.userId, o.isCredentialShown])),
  ...(record.partySignature === 'not_required' ? {} : { partySignature: record.partySignature }),
  refusalReason: record.refusalReason ?? '',
  witnesses: record.witnesses.map((w) => ({ name: w.name, idNumber: w.idNumber ?? '', phone: w.phone ?? '' })),
  avReason: record.avReason ?? '',
  correctionReason: '',
  content: Object.fromEntries(kind.fields.map((f) => [f.name, toFormContentValue(f, record.content[f.name])])),
});

const ENVELOPE_LABELS: Record<string, string> = {
  kind: '文书种类',
  recordedAt: '记录时间',
  place: '地点',
  officers: '执法人员',
  partySignature: '当事人签名',
  refusalReason: '拒签理由',
  witnesses: '见证人',
  avReason: '音像记录说明',
  correctionReason: '更正理由',
  content: '文书内容',
};

/** The server names an officer by list position (`officers.1.userId`); the form has one picker for them all. */
export const canonicalRecordField = (field: string): string => (field.startsWith('officers.') ? 'officers' : field);

export type RecordFormErrors = { formErrors: FormFieldErrors[]; otherMessages: string[] };

/** Server problems onto the inputs on screen; the rest, named in Chinese, for a notice above the form. */
export const splitRecordErrors = (
  problems: readonly FieldError[],
  kind: RecordKind,
  values: RecordFormValues,
  context: RecordFormContext & { isCorrection: boolean },
): RecordFormErrors => {
  const known = new Set(['recordedAt', 'place', 'officers']);
  if (kind.partySignature === 'required') {
    known.add('partySignature');
    if (values.partySignature === 'refused') known.add('refusalReason');
  }
  if (context.isAvReasonShown) known.add('avReason');
  if (context.isCorrection) known.add('correctionReason');
  (values.witnesses ?? []).forEach((_, index) => {
    for (const part of ['name', 'idNumber', 'phone']) known.add(`witnesses.${index}.${part}`);
  });
  for (const field of visibleFields(kind.fields, values.content)) known.add(`content.${field.name}`);

  const byField = new Map<string, string[]>();
  const otherMessages: string[] = [];
  for (const problem of problems) {
    const field = canonicalRecordField(problem.field);
    if (known.has(field)) {
      const messages = byField.get(field) ?? [];
      if (!messages.includes(problem.message)) messages.push(problem.message);
      byField.set(field, messages);
      continue;
    }
    const contentField = field.startsWith('content.')
      ? kind.fields.find((f) => f.name === field.slice('content.'.length))
      : undefined;
    const label = contentField?.label ?? ENVELOPE_LABELS[field.split('.')[0] ?? ''] ?? field;
    const text = `${label}：${problem.message}`;
    if (!otherMessages.includes(text)) otherMessages.push(text);
  }

  return {
    formErrors: [...byField].map(([field, errors]) => ({ name: toNamePath(field), errors })),
    otherMessages,
  };
};
