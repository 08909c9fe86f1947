import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor, Tx } from '../client';
import { caseDocuments, recordAttachments, recordSignatures } from '../schema';

export type RecordSignatureRow = typeof recordSignatures.$inferSelect;
export type RecordAttachmentRow = typeof recordAttachments.$inferSelect;
export type CaseDocumentRow = typeof caseDocuments.$inferSelect;
export type CaseDocumentSummary = Omit<CaseDocumentRow, 'pdf' | 'docx'>;

export const insertRecordSignature = async (tx: Tx, row: RecordSignatureRow): Promise<void> => {
  await tx.insert(recordSignatures).values(row);
};

export const insertRecordAttachment = async (tx: Tx, row: RecordAttachmentRow): Promise<void> => {
  await tx.insert(recordAttachments).values(row);
};

export const insertCaseDocument = async (tx: Tx, row: CaseDocumentRow): Promise<void> => {
  await tx.insert(caseDocuments).values(row);
};

/** The signatures on the records of these cases, oldest first. */
export const listSignaturesOfCases = async (db: Executor, caseIds: readonly string[]): Promise<RecordSignatureRow[]> =>
  caseIds.length === 0
    ? []
    : db
        .select()
        .from(recordSignatures)
        .where(inArray(recordSignatures.caseId, [...caseIds]))
        .orderBy(asc(recordSignatures.signedAt), asc(recordSignatures.id));

export const findSignature = async (db: Executor, id: string): Promise<RecordSignatureRow | null> => {
  const [row] = await db.select().from(recordSignatures).where(eq(recordSignatures.id, id));

  return row ?? null;
};

export const listAttachmentsOfCases = async (
  db: Executor,
  caseIds: readonly string[],
): Promise<RecordAttachmentRow[]> =>
  caseIds.length === 0
    ? []
    : db
        .select()
        .from(recordAttachments)
        .where(inArray(recordAttachments.caseId, [...caseIds]))
        .orderBy(asc(recordAttachments.createdAt), asc(recordAttachments.id));

const SUMMARY = {
  id: caseDocuments.id,
  agencyId: caseDocuments.agencyId,
  caseId: caseDocuments.caseId,
  recordId: caseDocuments.recordId,
  templateId: caseDocuments.templateId,
  title: caseDocuments.title,
  documentNumber: caseDocuments.documentNumber,
  pdfSha256: caseDocuments.pdfSha256,
  docxSha256: caseDocuments.docxSha256,
  signatureIds: caseDocuments.signatureIds,
  generatedBy: caseDocuments.generatedBy,
  generatedAt: caseDocuments.generatedAt,
};

/** The case's generated documents without their bytes, newest first. */
export const listDocumentsOfCase = async (db: Executor, caseId: string): Promise<CaseDocumentSummary[]> =>
  db
    .select(SUMMARY)
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(desc(caseDocuments.generatedAt), desc(caseDocuments.id));

export const findDocument = async (db: Executor, id: string): Promise<CaseDocumentRow | null> => {
  const [row] = await db.select().from(caseDocuments).where(eq(caseDocuments.id, id));

  return row ?? null;
};
