import { DomainError } from '../errors';
import { RECORD_KINDS } from '../records/catalog';
import type { FieldDefinition } from '../records/record-kinds';
import { isBlankValue, isFieldShown } from './format-value';
import { DOCUMENT_TEMPLATES, isDocumentTemplateId, type DocumentTemplate } from './templates';

export type DocumentProblem = { field: string; label: string };
export type DocumentCheck = { templateId: string; content: Readonly<Record<string, unknown>> };

/** The catalog definition of a field of a template's record kind, or null (case-file templates, unknown names). */
export const documentField = (template: DocumentTemplate, name: string): FieldDefinition | null =>
  template.recordKind === null ? null : (RECORD_KINDS[template.recordKind].fields.find((f) => f.name === name) ?? null);

/**
 * DOC-2: the required elements a document lacks, with their Chinese labels (e.g. 行政处罚法 第五十九条 for the
 * decision). A field shown only under a condition (fine amount when the penalty is a fine) is required only when
 * shown. An unknown template yields no problems: callers check the id with isDocumentTemplateId first.
 */
export const documentProblems = ({ templateId, content }: DocumentCheck): DocumentProblem[] => {
  if (!isDocumentTemplateId(templateId)) return [];
  const template: DocumentTemplate = DOCUMENT_TEMPLATES[templateId];

  return template.requiredFields.flatMap((name) => {
    const field = documentField(template, name);
    if (field && !isFieldShown(field, content)) return [];

    return isBlankValue(content[name]) ? [{ field: name, label: field?.label ?? name }] : [];
  });
};

/**
 * Throws DOCUMENT_NOT_AVAILABLE for an unknown template, DOCUMENT_INCOMPLETE with `{ missing }` when the document
 * lacks a required element.
 */
export const assertDocumentComplete = (check: DocumentCheck): void => {
  if (!isDocumentTemplateId(check.templateId))
    throw new DomainError('DOCUMENT_NOT_AVAILABLE', { templateId: check.templateId });
  const missing = documentProblems(check);
  if (missing.length > 0) throw new DomainError('DOCUMENT_INCOMPLETE', { missing });
};
