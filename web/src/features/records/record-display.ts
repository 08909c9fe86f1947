import type { FieldDefinition } from '../../api/procedure-types';
import { formatChinaDateTime } from '../time/china-time';

const optionLabel = (field: FieldDefinition, value: string): string =>
  field.options?.find((o) => o.value === value)?.label ?? value;

/** A stored content value as it reads on the document; null when the field was left empty. */
export const displayContentValue = (field: FieldDefinition, stored: unknown): string | null => {
  if (stored === null || stored === undefined || stored === '') return null;
  switch (field.type) {
    case 'select':
      return typeof stored === 'string' ? optionLabel(field, stored) : String(stored);
    case 'multiselect':
      return Array.isArray(stored) && stored.length > 0
        ? stored.map((v) => optionLabel(field, String(v))).join('、')
        : null;
    case 'boolean':
      return stored === true ? '是' : stored === false ? '否' : String(stored);
    case 'datetime':
      return typeof stored === 'string' ? formatChinaDateTime(stored) : String(stored);
    case 'money':
      return `${String(stored)} 元`;
    default:
      return typeof stored === 'string' ? stored : JSON.stringify(stored);
  }
};

/** Content keys the catalog does not know (an older form version), so nothing stored goes unshown. */
export const unknownContentKeys = (
  fields: readonly FieldDefinition[],
  content: Readonly<Record<string, unknown>>,
): string[] => Object.keys(content).filter((key) => !fields.some((f) => f.name === key) && content[key] !== null);
