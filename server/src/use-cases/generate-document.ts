import { createHash } from 'node:crypto';
import { assertDocumentComplete, chinaDate, DomainError, templateForRecordKind } from '@liuhen/domain';
import { findAgencyById } from '../db/repos/agency-repo';
import { findCaseById } from '../db/repos/case-repo';
import {
  insertCaseDocument,
  listDocumentsOfCase,
  listSignaturesOfCases,
  type CaseDocumentRow,
  type CaseDocumentSummary,
} from '../db/repos/document-repo';
import { isSuperseded, lockCase } from '../db/repos/record-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import { loadCaseState, type StoredOfficer, type StoredWitness } from '../procedures/case-state';
import type { UseCaseContext, UserActor } from './context';
import { loadWorkCalendar } from './work-calendar';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const DECISION_KINDS = new Set(['penalty_decision', 'licensing_decision']);

/**
 * DOC-2, DOC-4: generates the standard document of a record as PDF (embedded Chinese font) and DOCX, with the
 * approvals and signatures it carries. Same input, same bytes: a document already generated from the same input is
 * answered as it is; otherwise both files are kept write-once and their hashes go into the ledger. A decision's
 * document refuses to generate when an element the law requires is missing, or while legal review withholds it.
 */
export const generateDocument = async ({
  ctx,
  actor,
  caseId,
  recordId,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  caseId: string;
  recordId: string;
}): Promise<CaseDocumentSummary & { isNew: boolean }> => {
  authorize(actor, 'document.generate');
  const found = await findCaseById(ctx.db, caseId);
  if (!found || found.case.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
  const now = ctx.clock.now();
  const calendar = await loadWorkCalendar(ctx.db, now);
  const state = await loadCaseState({ db: ctx.db, caseRow: found.case, now, calendar });
  const record = state.records.find((r) => r.row.id === recordId);
  if (!record) {
    const isOld = state.records.some((r) => r.versions.some((v) => v.id === recordId));
    throw new DomainError(isOld ? 'RECORD_SUPERSEDED' : 'RECORD_NOT_FOUND', { id: recordId });
  }
  const template = templateForRecordKind(record.row.kind);
  if (!template) throw new DomainError('DOCUMENT_NOT_AVAILABLE', { kind: record.row.kind });
  const content = record.row.content as Record<string, unknown>;
  assertDocumentComplete({ templateId: template.id, content });
  // REVIEW-5: a major decision is not issued before legal review lets it be.
  if (
    DECISION_KINDS.has(record.row.kind) &&
    state.facts.legalReview.isMajorDecision &&
    !state.facts.legalReview.canDecide
  )
    throw new DomainError('LEGAL_REVIEW_REQUIRED', {
      status: state.legalReview.status,
      message: state.legalReview.message,
    });

  const agency = await findAgencyById(ctx.db, found.case.agencyId);
  const signatures = (await listSignaturesOfCases(ctx.db, [caseId])).filter((s) => s.recordId === recordId);
  const documentNumber = typeof content.documentNumber === 'string' ? content.documentNumber : null;
  // pdfmake, docx and the fonts load with the first document, not at server start (ADR 0006: idle memory).
  const { renderDocument } = await import('../docgen/render-document');
  const rendered = await renderDocument({
    templateId: template.id,
    agency: { name: agency?.name ?? '' },
    caseNumber: found.case.number,
    documentNumber,
    generatedOn: chinaDate(now),
    record: {
      kind: record.row.kind,
      recordedAt: record.row.recordedAt.toISOString(),
      place: record.row.place,
      content,
      officers: (record.row.officers as StoredOfficer[]).map((o) => ({
        name: o.name,
        credentialNumber: o.credentialNumber,
      })),
      witnesses: (record.row.witnesses as StoredWitness[]).map((w) => ({ name: w.name })),
      partySignature: record.row.partySignature as 'signed' | 'refused' | 'pending' | 'not_required',
      refusalReason: record.row.refusalReason,
      approvals: record.approval.steps
        .filter((step) => step.decision !== null)
        .map((step) => ({
          label: step.label,
          opinion: step.opinion ?? '',
          name: step.actorName ?? '',
          at: step.at!.toISOString(),
          decision: step.decision!,
        })),
    },
    signatures: signatures.map((s) => ({
      role: s.role as 'officer' | 'party' | 'witness' | 'server' | 'recipient',
      name: s.signerName,
      signedAt: s.signedAt.toISOString(),
      method: s.method as 'electronic' | 'handwritten' | 'paper_scan',
      imagePng: s.imagePng ? Buffer.from(s.imagePng) : null,
      fingerprint: s.fingerprint,
    })),
  });
  const pdfSha256 = sha256(rendered.pdf);
  const docxSha256 = sha256(rendered.docx);

  return ctx.db.transaction(async (tx) => {
    await lockCase(tx, caseId);
    if (await isSuperseded(tx, recordId)) throw new DomainError('RECORD_SUPERSEDED', { id: recordId });
    const same = (await listDocumentsOfCase(tx, caseId)).find(
      (d) => d.recordId === recordId && d.pdfSha256 === pdfSha256 && d.docxSha256 === docxSha256,
    );
    if (same) return { ...same, isNew: false };
    const row: CaseDocumentRow = {
      id: ctx.newId(),
      agencyId: found.case.agencyId,
      caseId,
      recordId,
      templateId: template.id,
      title: template.title,
      documentNumber,
      pdf: new Uint8Array(rendered.pdf),
      pdfSha256,
      docx: new Uint8Array(rendered.docx),
      docxSha256,
      signatureIds: signatures.map((s) => s.id),
      generatedBy: actor.userId,
      generatedAt: now,
    };
    await insertCaseDocument(tx, row);
    await appendLedgerEntry(tx, {
      agencyId: found.case.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'document.generated',
        subjectId: row.id,
        caseId,
        payload: { documentId: row.id, recordId, templateId: template.id, pdfSha256, docxSha256 },
      },
    });
    const { pdf: _pdf, docx: _docx, ...summary } = row;

    return { ...summary, isNew: true };
  });
};
