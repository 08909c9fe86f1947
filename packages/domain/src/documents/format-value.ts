import type { FieldDefinition } from '../records/record-kinds';

// DOC-2: how a stored field value reads on a document. Select and multiselect show their option labels, booleans
// 是/否, money "¥12,345.00 元", dates 2026年3月5日 and instants in China time; a textarea keeps its line breaks.

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2026-03-05 → 2026年3月5日; any other text is returned as it is. */
export const chineseDate = (isoDate: string): string => {
  const match = ISO_DATE.exec(isoDate);

  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : isoDate;
};

/** An ISO instant with offset → 2026年3月5日 9时30分 in China time (UTC+8); other text as it is. */
export const chineseDateTime = (iso: string): string => {
  const instant = Date.parse(iso);
  if (!/T\d{2}:\d{2}/.test(iso) || Number.isNaN(instant)) return chineseDate(iso);
  const china = new Date(instant + CHINA_OFFSET_MS).toISOString();

  return `${chineseDate(china.slice(0, 10))} ${Number(china.slice(11, 13))}时${china.slice(14, 16)}分`;
};

/** "50000.00" → "¥50,000.00 元". */
export const chineseMoney = (amount: string | number): string => {
  const [whole = '0', fraction = ''] = String(amount).split('.');

  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0').slice(0, 2)} 元`;
};

const optionLabel = (field: FieldDefinition, value: unknown): string =>
  field.options?.find((o) => o.value === value)?.label ?? String(value);

/** True when a value counts as not given (absent, blank, an empty list). */
export const isBlankValue = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** The printed form of one value by its field definition; '' for a blank value. */
export const formatFieldValue = (field: FieldDefinition, value: unknown): string => {
  if (isBlankValue(value)) return '';
  switch (field.type) {
    case 'select':
      return optionLabel(field, value);
    case 'multiselect':
      return (Array.isArray(value) ? value : [value]).map((v) => optionLabel(field, v)).join('、');
    case 'boolean':
      return value === true ? '是' : value === false ? '否' : String(value);
    case 'money':
      return chineseMoney(value as string | number);
    case 'date':
      return chineseDate(String(value));
    case 'datetime':
      return chineseDateTime(String(value));
    case 'textarea':
      return String(value).replace(/\r\n?/g, '\n');
    default:
      return String(value);
  }
};

/** Whether a field with a showWhen condition is shown for this content (same rule as the record form). */
export const isFieldShown = (field: FieldDefinition, content: Readonly<Record<string, unknown>>): boolean => {
  if (!field.showWhen) return true;
  const controller = content[field.showWhen.field];
  const equals: readonly unknown[] = field.showWhen.equals;

  return Array.isArray(controller)
    ? controller.some((value) => equals.includes(value))
    : controller !== null && controller !== undefined && equals.includes(controller);
};
