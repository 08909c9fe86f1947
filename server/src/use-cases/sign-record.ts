import { createHash } from 'node:crypto';
import { DomainError } from '@liuhen/domain';
import { findEvidenceItem } from '../db/repos/evidence-repo';
import { insertRecordSignature, listSignaturesOfCases, type RecordSignatureRow } from '../db/repos/document-repo';
import { findCaseRecord, isSuperseded, lockCase } from '../db/repos/record-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

export const SIGNATURE_ROLES = ['officer', 'party', 'witness', 'server', 'recipient'] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];

export type SignatureInput = {
  role?: unknown;
  method?: unknown;
  signerName?: unknown;
  /** A PNG drawn on the tablet, as base64 (a data: URL prefix is accepted). */
  imagePng?: unknown;
  scanEvidenceId?: unknown;
};

// A tablet signature is a small picture; anything bigger or not a PNG is not one.
const MAX_IMAGE_BYTES = 512 * 1024;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const parsePng = (raw: unknown): Buffer => {
  if (typeof raw !== 'string') throw new DomainError('INVALID_SIGNATURE', { field: 'imagePng' });
  const base64 = raw.replace(/^data:image\/png;base64,/, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length > (MAX_IMAGE_BYTES * 4) / 3 + 4)
    throw new DomainError('INVALID_SIGNATURE', { field: 'imagePng' });
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_MAGIC) || bytes.subarray(12, 16).toString() !== 'IHDR')
    throw new DomainError('INVALID_SIGNATURE', { field: 'imagePng' });
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 40 || height < 20 || width > 4000 || height > 4000)
    throw new DomainError('INVALID_SIGNATURE', { field: 'imagePng', width, height });

  return bytes;
};

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * DOC-4: a signature on a record. Officers sign electronically as themselves (the fingerprint binds the record's
 * digest, the officer and the time); the party, witnesses, servers and recipients sign by hand on a tablet, or on
 * paper that is scanned back and filed as evidence. The record is never changed: the signature is its own row.
 */
export const signRecord = async ({
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
  input: SignatureInput;
}): Promise<Omit<RecordSignatureRow, 'imagePng'>> => {
  authorize(actor, 'document.generate');
  const role = input.role as SignatureRole;
  if (!SIGNATURE_ROLES.includes(role)) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'role' }] });
  const method = input.method;
  if (method !== 'electronic' && method !== 'handwritten' && method !== 'paper_scan')
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'method' }] });
  // Only an officer's own signature is electronic: the session proves who signs. Others sign in their own hand.
  if (method === 'electronic' && role !== 'officer' && role !== 'server')
    throw new DomainError('INVALID_SIGNATURE', { field: 'method', role });
  const signerName =
    method === 'electronic'
      ? actor.displayName
      : typeof input.signerName === 'string' && input.signerName.trim().length > 0 && input.signerName.length <= 50
        ? input.signerName.trim()
        : null;
  if (signerName === null) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'signerName' }] });
  const image = method === 'handwritten' ? parsePng(input.imagePng) : null;
  const now = ctx.clock.now();

  return ctx.db.transaction(async (tx) => {
    const caseRow = await lockCase(tx, caseId);
    if (!caseRow || caseRow.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
    const record = await findCaseRecord(tx, recordId);
    if (!record || record.caseId !== caseId) throw new DomainError('RECORD_NOT_FOUND', { id: recordId });
    if (await isSuperseded(tx, record.id)) throw new DomainError('RECORD_SUPERSEDED', { id: record.id });
    if (method === 'electronic' && role === 'officer') {
      const officers = record.officers as { userId: string }[];
      if (!officers.some((o) => o.userId === actor.userId))
        throw new DomainError('INVALID_SIGNATURE', { field: 'role', reason: 'not_an_officer_of_the_record' });
    }
    let scanSha256: string | null = null;
    if (method === 'paper_scan') {
      const scan =
        typeof input.scanEvidenceId === 'string' && /^[0-9a-f-]{36}$/.test(input.scanEvidenceId)
          ? await findEvidenceItem(tx, input.scanEvidenceId)
          : null;
      if (!scan || scan.caseId !== caseId || !['scan', 'photo'].includes(scan.kind))
        throw new DomainError('INVALID_SIGNATURE', { field: 'scanEvidenceId' });
      scanSha256 = scan.blobSha256;
    }
    const existing = (await listSignaturesOfCases(tx, [caseId])).filter((s) => s.recordId === recordId);
    if (existing.some((s) => s.role === role && s.signerName === signerName))
      throw new DomainError('DOCUMENT_ALREADY_SIGNED', { role, signerName });
    const fingerprint =
      method === 'electronic'
        ? sha256(`${record.contentSha256}|${actor.userId}|${role}|${now.toISOString()}`)
        : method === 'handwritten'
          ? sha256(image!)
          : scanSha256!;
    const row: RecordSignatureRow = {
      id: ctx.newId(),
      caseId,
      recordId,
      role,
      signerName,
      signerUserId: method === 'electronic' ? actor.userId : null,
      method,
      imagePng: image ? new Uint8Array(image) : null,
      imageSha256: image ? fingerprint : null,
      scanEvidenceId: method === 'paper_scan' ? (input.scanEvidenceId as string) : null,
      fingerprint,
      signedAt: now,
      createdBy: actor.userId,
    };
    await insertRecordSignature(tx, row);
    await appendLedgerEntry(tx, {
      agencyId: caseRow.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'record.signed',
        subjectId: recordId,
        caseId,
        payload: { recordId, signatureId: row.id, role, method, fingerprint },
      },
    });
    const { imagePng: _image, ...summary } = row;

    return summary;
  });
};
