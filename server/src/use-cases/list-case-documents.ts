import { DomainError } from '@liuhen/domain';
import { findCaseById } from '../db/repos/case-repo';
import { findDocument, listDocumentsOfCase } from '../db/repos/document-repo';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

/** DOC-2: the documents generated in a case, newest first, without their bytes. */
export const listCaseDocuments = async ({
  ctx,
  actor,
  caseId,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  caseId: string;
}) => {
  authorize(actor, 'case.read');
  const found = await findCaseById(ctx.db, caseId);
  if (!found || found.case.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });

  return listDocumentsOfCase(ctx.db, caseId);
};

/** DOC-2: one generated document's PDF or DOCX, byte for byte as kept. */
export const readCaseDocument = async ({
  ctx,
  actor,
  documentId,
  format,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  documentId: string;
  format: 'pdf' | 'docx';
}) => {
  authorize(actor, 'case.read');
  const row = /^[0-9a-f-]{36}$/.test(documentId) ? await findDocument(ctx.db, documentId) : null;
  if (!row || row.agencyId !== actor.agencyId) throw new DomainError('DOCUMENT_NOT_FOUND', { id: documentId });

  return {
    title: row.title,
    documentNumber: row.documentNumber,
    bytes: Buffer.from(format === 'pdf' ? row.pdf : row.docx),
    sha256: format === 'pdf' ? row.pdfSha256 : row.docxSha256,
  };
};
