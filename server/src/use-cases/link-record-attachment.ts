import { DomainError, SERVICE_ATTACHMENT_KINDS } from '@liuhen/domain';
import { findEvidenceItem } from '../db/repos/evidence-repo';
import { insertRecordAttachment, listAttachmentsOfCases, type RecordAttachmentRow } from '../db/repos/document-repo';
import { findCaseRecord, isSuperseded, lockCase } from '../db/repos/record-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

/**
 * SERVE-1: files a proof of service with its service receipt: the mail registration, postage voucher and return
 * receipt, the announcement as published, the party's consent to electronic service, the entrusted body's receipt.
 * The proof itself is evidence already uploaded to the case (a scan or photo), kept as an immutable original.
 */
export const linkRecordAttachment = async ({
  ctx,
  actor,
  caseId,
  recordId,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  caseId: string;
  recordId: string;
  input: { evidenceId?: unknown; kind?: unknown };
}): Promise<RecordAttachmentRow> => {
  authorize(actor, 'case.record');
  const kind = input.kind;
  if (typeof kind !== 'string' || !(SERVICE_ATTACHMENT_KINDS as readonly string[]).includes(kind))
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'kind' }] });
  const evidenceId = input.evidenceId;
  if (typeof evidenceId !== 'string' || !/^[0-9a-f-]{36}$/.test(evidenceId))
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'evidenceId' }] });
  const now = ctx.clock.now();

  return ctx.db.transaction(async (tx) => {
    const caseRow = await lockCase(tx, caseId);
    if (!caseRow || caseRow.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
    const record = await findCaseRecord(tx, recordId);
    if (!record || record.caseId !== caseId) throw new DomainError('RECORD_NOT_FOUND', { id: recordId });
    if (await isSuperseded(tx, record.id)) throw new DomainError('RECORD_SUPERSEDED', { id: record.id });
    if (record.kind !== 'service_receipt')
      throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'recordId', code: 'NOT_A_SERVICE_RECEIPT' }] });
    const item = await findEvidenceItem(tx, evidenceId);
    if (!item || item.caseId !== caseId) throw new DomainError('EVIDENCE_NOT_FOUND', { id: evidenceId });
    const existing = await listAttachmentsOfCases(tx, [caseId]);
    const same = existing.find((a) => a.recordId === recordId && a.evidenceId === evidenceId && a.kind === kind);
    if (same) return same;
    const row: RecordAttachmentRow = {
      id: ctx.newId(),
      caseId,
      recordId,
      evidenceId,
      kind,
      createdBy: actor.userId,
      createdAt: now,
    };
    await insertRecordAttachment(tx, row);
    await appendLedgerEntry(tx, {
      agencyId: caseRow.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'record.attachment_linked',
        subjectId: recordId,
        caseId,
        payload: { recordId, attachmentId: row.id, evidenceId, kind },
      },
    });

    return row;
  });
};
