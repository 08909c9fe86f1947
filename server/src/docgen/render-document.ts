import { createHash } from 'node:crypto';
import { renderDocx } from './docx';
import { buildDocumentModel, type DocumentInput } from './model';
import { renderPdf } from './pdf';

export type { DocumentInput, DocumentSignature } from './model';

const bytesOf = (value: unknown): Uint8Array | null => {
  if (value instanceof Uint8Array) return value;
  // Buffer.toJSON runs before a JSON.stringify replacer sees the value.
  const json = value as { type?: unknown; data?: unknown } | null;

  return json && typeof json === 'object' && json.type === 'Buffer' && Array.isArray(json.data)
    ? Uint8Array.from(json.data as number[])
    : null;
};

/** A stable digest of the input (images by their SHA-256), the seed of the ids docx would otherwise draw at random. */
const inputDigest = (input: DocumentInput): Buffer =>
  createHash('sha256')
    .update(
      JSON.stringify(input, (_key, value: unknown) => {
        const bytes = bytesOf(value);

        return bytes ? createHash('sha256').update(bytes).digest('hex') : value;
      }),
    )
    .digest();

/**
 * DOC-2, DOC-4: the PDF (embedded Noto Serif SC) and the editable DOCX of one standard document. Throws
 * DOCUMENT_NOT_AVAILABLE for an unknown template and DOCUMENT_INCOMPLETE (details.missing: { field, label }[]) when
 * a required element is missing. The same input gives the same bytes, so the files' hashes can go into the ledger.
 */
export const renderDocument = async (input: DocumentInput): Promise<{ pdf: Buffer; docx: Buffer }> => {
  const model = buildDocumentModel(input);
  const docx = await renderDocx(model, inputDigest(input));
  const pdf = await renderPdf(model);

  return { pdf, docx };
};
