import { addDays, RECORD_KINDS, validateRecordContent, type FieldDefinition, type RecordKindId } from '@liuhen/domain';

const sampleValue = (field: FieldDefinition, date: string): unknown => {
  switch (field.type) {
    case 'text':
      return `${field.label}`.slice(0, field.maxLength ?? 100);
    case 'textarea':
      return `${field.label}：经查，情况属实。`;
    case 'date':
      return date;
    case 'datetime':
      return `${date}T09:00:00+08:00`;
    case 'select':
      return field.options![0]!.value;
    case 'multiselect':
      return field.options!.map((o) => o.value);
    case 'boolean':
      return false;
    case 'integer':
      return 1;
    case 'money':
      return '1000.00';
  }
};

/**
 * Content that passes the kind's own validation, filled from its field definitions, with `overrides` on top; the
 * fields hidden by showWhen are left out. Used to walk cases through their procedures in tests.
 */
export const recordContent = (
  kind: RecordKindId,
  overrides: Record<string, unknown> = {},
  date = '2026-11-20',
): Record<string, unknown> => {
  const content: Record<string, unknown> = {};
  const fields = RECORD_KINDS[kind].fields;
  // Two passes: a field's visibility can depend on a value set in the first.
  for (let pass = 0; pass < 2; pass++) {
    for (const field of fields) {
      if (field.name in overrides) {
        content[field.name] = overrides[field.name];
        continue;
      }
      const shownBy = field.showWhen;
      const controller = shownBy ? content[shownBy.field] : undefined;
      const isShown =
        !shownBy ||
        (Array.isArray(controller)
          ? controller.some((v) => shownBy.equals.includes(v as never))
          : shownBy.equals.includes(controller as never));
      if (isShown) content[field.name] = sampleValue(field, date);
      else delete content[field.name];
    }
  }
  // 行政强制法 第二十五条: the extended end is the old end plus the days granted.
  if (kind === 'seizure_extension_approval' && !('extendedEndOn' in overrides)) {
    content.extendedEndOn = addDays(String(content.originalEndOn), Number(content.extensionDays));
  }
  // A draft the demo catalog does not make major (REVIEW-1): a small fine; tests of major decisions override it.
  if (kind === 'decision_draft') {
    if (!('proposedPenaltyKinds' in overrides) && 'proposedPenaltyKinds' in content)
      content.proposedPenaltyKinds = ['fine'];
    if (!('partyType' in overrides)) content.partyType = 'individual';
  }
  // Overrides may be deliberately wrong (a test of refusal); the sample on its own must always be valid.
  const result = validateRecordContent(kind, content);
  if (Object.keys(overrides).length === 0 && result.problems.length > 0) {
    throw new Error(`sample content for ${kind} is invalid: ${JSON.stringify(result.problems)}`);
  }
  const known = new Set(fields.map((f) => f.name));
  for (const [name, value] of Object.entries(overrides)) if (!known.has(name)) content[name] = value;

  return content;
};
