import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { checkDeclaredKind, DomainError } from '@liuhen/domain';
import { findUpload, listUploadsOfCase, updateUpload, type EvidenceUploadRow } from '../db/repos/evidence-repo';
import { markUploadExpired } from '../db/repos/evidence-audit-repo';
import { appendLedgerEntry } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { EvidenceServices } from '../ingest/evidence-services';
import { HEAD_BYTES, readHead, receiveInto, removeStagedFile, stagedPath } from '../ingest/staging';
import type { UseCaseContext, UserActor } from './context';
import { finishEvidenceUpload } from './finish-evidence-upload';

// tus: one request at a time per upload; a second waits for the first instead of racing it for the offset.
const locks = new Map<string, Promise<unknown>>();
const exclusive = async <T>(id: string, run: () => Promise<T>): Promise<T> => {
  const previous = locks.get(id) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  locks.set(id, next);
  try {
    return await next;
  } finally {
    if (locks.get(id) === next) locks.delete(id);
  }
};

/** The expiry job takes the same per-upload lock, so it never removes bytes a request is still writing. */
export const withUploadLock = exclusive;

export type ChunkChecksum = { algorithm: 'sha1' | 'sha256'; digest: Buffer };

/** The upload of this person, still able to take bytes; anyone else's is reported as not found. */
export const openUpload = async (ctx: UseCaseContext, actor: UserActor, id: string): Promise<EvidenceUploadRow> => {
  const upload = await findUpload(ctx.db, id);
  if (!upload || upload.createdBy !== actor.userId) throw new DomainError('UPLOAD_NOT_FOUND', { id });

  return upload;
};

/**
 * AV-7 (tus HEAD): where to resume. Read under the upload's lock, so a request still draining after its client went
 * away has written its bytes first; an upload past its time is expired here rather than offered for resumption.
 */
export const readUploadOffset = async ({
  ctx,
  evidence,
  actor,
  uploadId,
}: {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  actor: UserActor;
  uploadId: string;
}): Promise<EvidenceUploadRow> =>
  exclusive(uploadId, async () => {
    const upload = await openUpload(ctx, actor, uploadId);
    if (upload.status === 'receiving' && upload.expiresAt.getTime() <= ctx.clock.now().getTime()) {
      await expireUpload(ctx, evidence, upload);
      throw new DomainError('UPLOAD_GONE', { id: uploadId, status: 'expired' });
    }
    if (upload.status !== 'receiving' && upload.status !== 'finished')
      throw new DomainError('UPLOAD_GONE', { id: upload.id, status: upload.status });

    return upload;
  });

const refuse = async (
  ctx: UseCaseContext,
  evidence: EvidenceServices,
  upload: EvidenceUploadRow,
  refusal: { code: string; detected?: unknown },
) => {
  evidence.hashes.forget(upload.id);
  await removeStagedFile(evidence.stagingDir, upload.id);
  await updateUpload(ctx.db, upload.id, { status: 'refused', refusal, updatedAt: ctx.clock.now() });
};

/**
 * AV-7 (tus PATCH): appends the bytes of one request at `offset`. The offset must be the one the server holds; a
 * chunk with a checksum that does not match is discarded whole; the file's type is checked by its magic bytes as soon
 * as its first bytes are in, so a mislabelled file is refused before the rest is sent. The last byte finishes it.
 */
export const receiveUploadChunk = async ({
  ctx,
  evidence,
  actor,
  uploadId,
  offset,
  checksum,
  contentLength,
  body,
}: {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  actor: UserActor;
  uploadId: string;
  offset: number;
  checksum: ChunkChecksum | null;
  contentLength: number | null;
  body: AsyncIterable<Uint8Array>;
}): Promise<{ offset: number; evidenceId: string | null }> =>
  exclusive(uploadId, async () => {
    const upload = await openUpload(ctx, actor, uploadId);
    const now = ctx.clock.now();
    if (upload.status !== 'receiving') throw new DomainError('UPLOAD_GONE', { id: uploadId, status: upload.status });
    if (upload.expiresAt.getTime() <= now.getTime()) {
      await expireUpload(ctx, evidence, upload);
      throw new DomainError('UPLOAD_GONE', { id: uploadId, status: 'expired' });
    }
    if (offset !== upload.receivedBytes) {
      throw new DomainError('UPLOAD_OFFSET_MISMATCH', { offset: upload.receivedBytes });
    }
    if (contentLength !== null && offset + contentLength > upload.declaredSize) {
      throw new DomainError('UPLOAD_TOO_LARGE', { size: upload.declaredSize });
    }
    const file = stagedPath(evidence.stagingDir, upload.id);
    const hash = await evidence.hashes.resume({
      id: upload.id,
      path: file,
      offset,
      checkpoint: upload.hashState as Parameters<EvidenceServices['hashes']['resume']>[0]['checkpoint'],
    });
    // The request works on a copy: a refused chunk leaves the upload's hash as it was.
    const trial = await hash.clone();
    const chunkHash = checksum ? crypto.createHash(checksum.algorithm) : null;
    const { received } = await receiveInto({
      file,
      offset,
      source: body,
      hash: trial,
      chunkHash,
      maxBytes: upload.declaredSize - offset,
    });
    if (checksum && !chunkHash!.digest().equals(checksum.digest)) {
      await fs.truncate(file, offset);
      throw new DomainError('UPLOAD_CHECKSUM_MISMATCH', { offset });
    }
    const end = offset + received;
    // AV-1: the declared kind must match what the bytes are; checked once the head (or the whole small file) is in.
    const headLength = Math.min(HEAD_BYTES, upload.declaredSize);
    if (offset < headLength && end >= headLength) {
      const metadata = upload.metadata as { kind: Parameters<typeof checkDeclaredKind>[0]['declaredKind'] };
      const problem = checkDeclaredKind({
        declaredKind: metadata.kind,
        head: await readHead(file),
        size: upload.declaredSize,
      });
      if (problem) {
        await refuse(ctx, evidence, upload, problem);
        throw new DomainError(problem.code === 'EMPTY_FILE' ? 'EMPTY_FILE' : 'TYPE_MISMATCH', problem);
      }
    }
    await evidence.hashes.accept({ id: upload.id, hash: trial });
    // AV-7: an upload expires after so many idle hours, so each chunk that arrives moves its expiry on.
    const at = ctx.clock.now();
    const expiresAt = new Date(at.getTime() + evidence.uploadExpiryHours * 3_600_000);
    await updateUpload(ctx.db, upload.id, { receivedBytes: end, updatedAt: at, expiresAt });
    if (end < upload.declaredSize) return { offset: end, evidenceId: null };

    const evidenceId = await finishEvidenceUpload({
      ctx,
      evidence,
      actor,
      upload: { ...upload, receivedBytes: end },
      digest: trial.digest(),
    });

    return { offset: end, evidenceId };
  });

/**
 * AV-7: an unfinished upload past its time never becomes evidence. Its status and the `upload.expired` ledger entry
 * commit together, then its staged bytes are removed (a crash in between leaves a file the expiry job sweeps later).
 * False when the upload was no longer receiving, so it is recorded once however many callers race for it.
 */
export const expireUpload = async (
  ctx: UseCaseContext,
  evidence: EvidenceServices,
  upload: EvidenceUploadRow,
): Promise<boolean> => {
  evidence.hashes.forget(upload.id);
  const now = ctx.clock.now();
  const isExpired = await ctx.db.transaction(async (tx) => {
    const expired = await markUploadExpired(tx, upload.id, now);
    if (!expired) return false;
    await appendLedgerEntry(tx, {
      agencyId: expired.agencyId,
      entryId: ctx.newId(),
      // The server's own doing, not the uploader's: the same whether the job or a late request finds it.
      actor: { userId: null, credentialNumber: null, via: 'system' },
      occurredAt: now,
      event: {
        type: 'upload.expired',
        subjectId: expired.id,
        caseId: expired.caseId,
        payload: { uploadId: expired.id, receivedBytes: expired.receivedBytes, declaredSize: expired.declaredSize },
      },
    });

    return true;
  });
  await removeStagedFile(evidence.stagingDir, upload.id);

  return isExpired;
};

/** tus termination: the uploader gives up; nothing of it is kept. */
export const cancelUpload = async ({
  ctx,
  evidence,
  actor,
  uploadId,
}: {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  actor: UserActor;
  uploadId: string;
}) =>
  exclusive(uploadId, async () => {
    const upload = await openUpload(ctx, actor, uploadId);
    if (upload.status !== 'receiving') throw new DomainError('UPLOAD_GONE', { id: uploadId, status: upload.status });
    evidence.hashes.forget(upload.id);
    await removeStagedFile(evidence.stagingDir, upload.id);
    await updateUpload(ctx.db, upload.id, { status: 'cancelled', updatedAt: ctx.clock.now() });
  });

/** AV-7: the uploads this person left unfinished on a case, to resume after a page reload. */
export const listMyUnfinishedUploads = async ({
  ctx,
  actor,
  caseId,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  caseId: string;
}) => {
  authorize(actor, 'evidence.upload');
  const now = ctx.clock.now().getTime();

  return (await listUploadsOfCase(ctx.db, caseId, actor.userId)).filter(
    (u) => u.status === 'receiving' && u.expiresAt.getTime() > now && u.agencyId === actor.agencyId,
  );
};
