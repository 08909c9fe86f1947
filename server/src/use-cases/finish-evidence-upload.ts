import {
  avUploadRule,
  chinaDate,
  chinaEndOfDay,
  computeDeadline,
  DEFAULT_AGENCY_DEADLINE_SETTINGS,
  detectFileType,
  isAvEvidenceKind,
  isMajorCase,
  isRetentionFact,
  retentionTermFor,
  type AvUploadSetting,
  type RetentionFact,
} from '@liuhen/domain';
import { findCaseById } from '../db/repos/case-repo';
import {
  findEvidenceSettings,
  insertBlobIfAbsent,
  insertEvidenceItem,
  insertRetention,
  listRetentionFacts,
  updateUpload,
  type EvidenceUploadRow,
} from '../db/repos/evidence-repo';
import { listCaseRecords } from '../db/repos/record-repo';
import type { Executor } from '../db/client';
import type { EvidenceServices } from '../ingest/evidence-services';
import { readHead, stagedPath } from '../ingest/staging';
import type { UploadDigest } from '../ingest/upload-hash';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { readVideoTiming } from '../media/mp4-metadata';
import { definitionOf } from '../procedures/case-state';
import type { UseCaseContext, UserActor } from './context';
import type { StoredUploadMetadata } from './start-evidence-upload';
import { loadWorkCalendar } from './work-calendar';

/** RET-2: the facts of a case that lengthen retention: those recorded on it, and a major case from its records. */
export const retentionFactsOf = async (db: Executor, caseId: string): Promise<RetentionFact[]> => {
  const recorded = (await listRetentionFacts(db, caseId)).map((f) => f.fact).filter(isRetentionFact);
  const records = await listCaseRecords(db, caseId);
  const major = isMajorCase(records.map((r) => ({ content: r.content as Record<string, unknown> })));

  return [...new Set<RetentionFact>([...recorded, ...(major ? (['major_case'] as const) : [])])];
};

/**
 * AV-6: when the file had to be in central storage, by the agency's rule (24 hours by default), counted from the end
 * of the recording; null for files a party or bystander provided, which no officer's clock governs.
 */
const uploadDueAt = async (ctx: UseCaseContext, agencyId: string, metadata: StoredUploadMetadata) => {
  if (metadata.providedBy !== 'agency' || !isAvEvidenceKind(metadata.kind)) return null;
  const settings = await findEvidenceSettings(ctx.db, agencyId);
  const rule = avUploadRule((settings?.avUpload as AvUploadSetting) ?? DEFAULT_AGENCY_DEADLINE_SETTINGS.avUpload);
  const calendar = await loadWorkCalendar(ctx.db, ctx.clock.now());
  const due = computeDeadline({
    rule,
    start: new Date(metadata.recordedEndedAt ?? metadata.recordedStartedAt),
    calendar,
  });

  return due.dueAt ?? chinaEndOfDay(due.dueDate);
};

/**
 * AV-1, AV-7, RET-2: the last byte is in. The original goes into the write-once store under its SHA-256 (stored once
 * however often it is filed), locked for its retention term; then, in one transaction, the evidence item, its term
 * and its ledger entry. The store comes first: an item never points at bytes the store does not hold.
 */
export const finishEvidenceUpload = async ({
  ctx,
  evidence,
  actor,
  upload,
  digest,
}: {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  actor: UserActor;
  upload: EvidenceUploadRow;
  digest: UploadDigest;
}): Promise<string> => {
  const metadata = upload.metadata as StoredUploadMetadata;
  const file = stagedPath(evidence.stagingDir, upload.id);
  const now = ctx.clock.now();
  await updateUpload(ctx.db, upload.id, { status: 'finishing', updatedAt: now });
  evidence.hashes.forget(upload.id);

  const detected = detectFileType(await readHead(file));
  // AV-4: the file's own creation time and duration, to check continuity against; other kinds have none to read.
  const timing = isAvEvidenceKind(metadata.kind)
    ? await readVideoTiming(file)
    : { creationTime: null, durationMs: null, hasTiming: false, container: detected.mediaType };
  const found = await findCaseById(ctx.db, upload.caseId);
  const caseRow = found!.case;
  const term = retentionTermFor({
    kind: metadata.kind,
    recordedOn: chinaDate(new Date(metadata.recordedStartedAt)),
    procedureType: definitionOf(caseRow).type,
    facts: await retentionFactsOf(ctx.db, caseRow.id),
  });
  const retainUntil = chinaEndOfDay(term.retainUntil);
  await evidence.store.putFile({ path: file, sha256: digest.sha256, size: upload.declaredSize, retainUntil });
  // Content stored before under a shorter term now carries this item's term too.
  await evidence.store.extendRetention(digest.sha256, retainUntil);
  const dueAt = await uploadDueAt(ctx, upload.agencyId, metadata);

  const evidenceId = ctx.newId();
  await ctx.db.transaction(async (tx) => {
    await insertBlobIfAbsent(tx, {
      sha256: digest.sha256,
      sm3: digest.sm3,
      size: upload.declaredSize,
      mediaType: detected.mediaType,
      store: evidence.store.kind,
      storedAt: now,
    });
    await insertEvidenceItem(tx, {
      id: evidenceId,
      agencyId: upload.agencyId,
      caseId: upload.caseId,
      stage: metadata.stage ?? caseRow.stage,
      recordId: metadata.recordId,
      kind: metadata.kind,
      blobSha256: digest.sha256,
      filename: metadata.filename,
      mediaType: detected.mediaType,
      size: upload.declaredSize,
      recordedStartedAt: new Date(metadata.recordedStartedAt),
      recordedEndedAt: metadata.recordedEndedAt ? new Date(metadata.recordedEndedAt) : null,
      place: metadata.place,
      latitude: metadata.latitude === null ? null : String(metadata.latitude),
      longitude: metadata.longitude === null ? null : String(metadata.longitude),
      officers: metadata.officers,
      partyName: metadata.partyName,
      deviceId: metadata.deviceId,
      focusItems: metadata.focusItems,
      providedBy: metadata.providedBy,
      providerName: metadata.providerName,
      note: metadata.note,
      mediaTiming: timing,
      uploadedBy: upload.createdBy,
      uploadedAt: now,
      uploadDueAt: dueAt,
    });
    await insertRetention(tx, {
      id: ctx.newId(),
      evidenceId,
      retentionClass: term.retentionClass,
      retainUntil: term.retainUntil,
      reasons: term.reasons.map((r) => ({ id: r.id, name: r.name })),
      at: now,
    });
    await updateUpload(tx, upload.id, { status: 'finished', evidenceId, updatedAt: now });
    await appendLedgerEntry(tx, {
      agencyId: upload.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'evidence.added',
        subjectId: evidenceId,
        caseId: upload.caseId,
        payload: {
          evidenceId,
          sha256: digest.sha256,
          sm3: digest.sm3,
          size: upload.declaredSize,
          kind: metadata.kind,
        },
      },
    });
  });

  return evidenceId;
};
