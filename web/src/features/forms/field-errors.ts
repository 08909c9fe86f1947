import type { FieldError } from '../../api/types';

export type FormFieldErrors = { name: (string | number)[]; errors: string[] };

export type SplitFieldErrors = {
  /** Ready for antd `form.setFields`. */
  formErrors: FormFieldErrors[];
  /** Problems with no matching input on screen; show them beside the form instead. */
  otherMessages: string[];
};

/** `party.idNumber` → ['party', 'idNumber']; numeric segments become list indexes. */
export const toNamePath = (field: string): (string | number)[] =>
  field.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));

export const splitFieldErrors = (fields: readonly FieldError[], knownFields: readonly string[]): SplitFieldErrors => {
  const known = new Set(knownFields);
  const byField = new Map<string, string[]>();
  const otherMessages: string[] = [];
  for (const problem of fields) {
    if (!known.has(problem.field)) {
      if (!otherMessages.includes(problem.message)) otherMessages.push(problem.message);
      continue;
    }
    const messages = byField.get(problem.field) ?? [];
    if (!messages.includes(problem.message)) messages.push(problem.message);
    byField.set(problem.field, messages);
  }

  return {
    formErrors: [...byField].map(([field, errors]) => ({ name: toNamePath(field), errors })),
    otherMessages,
  };
};
