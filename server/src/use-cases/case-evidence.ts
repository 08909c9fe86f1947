import {
  AV_EVIDENCE_KINDS,
  chinaDate,
  disposalBlockers,
  DomainError,
  isInterruptionReasonId,
  type ContinuityFinding,
} from '@liuhen/domain';
import { findCaseById } from '../db/repos/case-repo';
import {
  findBlob,
  findEvidenceItem,
  findEvidenceSettings,
  insertGapStatement,
  listRetentionFacts,
  listCurrentRetention,
  listEvidenceOfCase,
  listGapStatements,
  type EvidenceItemRow,
} from '../db/repos/evidence-repo';
import { listDevicesOfAgency } from '../db/repos/device-repo';
import { listDisposalsOfItems, listHoldsOfCase, type LegalHoldRow } from '../db/repos/retention-repo';
import { lockCase } from '../db/repos/record-repo';
import { listUsersOfAgency } from '../db/repos/user-repo';
import type { EvidenceServices } from '../ingest/evidence-services';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize, can } from '../policies/permissions';
import { continuityOfClips } from '../procedures/case-state';
import type { UseCaseContext, UserActor } from './context';
import { retentionFactsOf } from './finish-evidence-upload';

const isAv = (item: EvidenceItemRow) => (AV_EVIDENCE_KINDS as readonly string[]).includes(item.kind);

/** Clips of one field activity: those filed against the same record, else the same stage and device. */
const activityKey = (item: EvidenceItemRow) => item.recordId ?? `${item.stage}|${item.deviceId ?? 'none'}`;

type Disposals = Awaited<ReturnType<typeof listDisposalsOfItems>>;

/** RET-2: where an item stands on the one disposal path today. */
const disposalOf = (
  item: EvidenceItemRow,
  retainUntil: string | null,
  holds: readonly LegalHoldRow[],
  disposals: Disposals,
  today: string,
) => {
  const own = disposals.filter((d) => d.request.evidenceId === item.id);
  const approved = own.find((d) => d.decision?.decision === 'approved') ?? null;
  const pending = own.find((d) => d.decision === null) ?? null;

  return {
    approved,
    pending,
    blockers: disposalBlockers(
      {
        retainUntil,
        isHeld: holds.some((h) => h.evidenceId === null || h.evidenceId === item.id),
        isDisposed: approved !== null,
        hasPendingRequest: pending !== null,
      },
      today,
    ),
  };
};

/**
 * AV-3, AV-4, AV-6, RET-2: every original filed to a case with what was said about it, its digest, its device, its
 * retention term and holds, whether it reached storage in time, and the continuity of each activity's clips.
 */
export const listCaseEvidence = async ({
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
  const now = ctx.clock.now();
  const items = await listEvidenceOfCase(ctx.db, caseId);
  const ids = items.map((i) => i.id);
  const retention = new Map((await listCurrentRetention(ctx.db, ids)).map((r) => [r.evidenceId, r]));
  const allHolds = await listHoldsOfCase(ctx.db, caseId);
  const holds = allHolds.filter((h) => h.release === null).map((h) => h.hold);
  const disposals = await listDisposalsOfItems(ctx.db, ids);
  const today = chinaDate(now);
  const facts = await listRetentionFacts(ctx.db, caseId);
  const derivedFacts = (await retentionFactsOf(ctx.db, caseId)).filter((f) => !facts.some((r) => r.fact === f));
  const statements = await listGapStatements(ctx.db, caseId);
  const names = new Map((await listUsersOfAgency(ctx.db, actor.agencyId)).map((u) => [u.id, u.displayName]));
  const devices = new Map((await listDevicesOfAgency(ctx.db, actor.agencyId)).map((d) => [d.id, d]));
  const settings = await findEvidenceSettings(ctx.db, actor.agencyId);
  const activities = new Map<string, EvidenceItemRow[]>();
  for (const item of items.filter(isAv))
    activities.set(activityKey(item), [...(activities.get(activityKey(item)) ?? []), item]);
  const findings: ContinuityFinding[] = [...activities.values()].flatMap((clips) =>
    continuityOfClips(clips, statements, now, settings?.maxGapSeconds),
  );

  return {
    items: items.map((item) => ({
      item,
      uploadedByName: names.get(item.uploadedBy) ?? '',
      device: item.deviceId ? (devices.get(item.deviceId) ?? null) : null,
      retention: retention.get(item.id) ?? null,
      isHeld: holds.some((h) => h.evidenceId === null || h.evidenceId === item.id),
      isLate: item.uploadDueAt !== null && item.uploadedAt.getTime() > item.uploadDueAt.getTime(),
      disposal: disposalOf(item, retention.get(item.id)?.retainUntil ?? null, holds, disposals, today),
      continuity: findings.filter((f) => f.clipIds.includes(item.id)),
    })),
    statements: statements.map((s) => ({ ...s, createdByName: names.get(s.createdBy) ?? '' })),
    holds,
    releasedHolds: allHolds.filter((h) => h.release !== null),
    retentionFacts: facts,
    derivedFacts,
    names,
    canDownload: can(actor, 'evidence.download'),
    canManageRetention: can(actor, 'retention.manage'),
    canManageHolds: can(actor, 'legal_hold.manage'),
  };
};

/** ACCESS-4: opening an original to watch it or copy it out is itself recorded, with who and when. */
export const openEvidenceContent = async ({
  ctx,
  evidence,
  actor,
  evidenceId,
  action,
  range,
  isFirstRequest,
}: {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  actor: UserActor;
  evidenceId: string;
  action: 'view' | 'download';
  range: { start: number; end: number | null } | null;
  /** A player asks for many ranges of one viewing; only the opening request is an entry of its own. */
  isFirstRequest: boolean;
}) => {
  authorize(actor, action === 'download' ? 'evidence.download' : 'case.read');
  const item = await findEvidenceItem(ctx.db, evidenceId);
  if (!item || item.agencyId !== actor.agencyId) throw new DomainError('EVIDENCE_NOT_FOUND', { id: evidenceId });
  if ((await listDisposalsOfItems(ctx.db, [item.id])).some((d) => d.decision?.decision === 'approved'))
    throw new DomainError('EVIDENCE_DISPOSED', { id: evidenceId });
  const blob = await findBlob(ctx.db, item.blobSha256);
  const last = item.size - 1;
  const bytes = range ? { start: range.start, end: Math.min(range.end ?? last, last) } : null;
  if (bytes && bytes.start > bytes.end) return { item, mediaType: item.mediaType, bytes, stream: null };
  if (isFirstRequest || action === 'download') {
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      await appendLedgerEntry(tx, {
        agencyId: item.agencyId,
        entryId: ctx.newId(),
        actor: ledgerActorOf(actor),
        occurredAt: now,
        event: {
          type: 'evidence.accessed',
          subjectId: item.id,
          caseId: item.caseId,
          payload: { evidenceId: item.id, action },
        },
      });
    });
  }

  return {
    item,
    mediaType: blob?.mediaType ?? item.mediaType,
    bytes,
    stream: await evidence.store.read(item.blobSha256, bytes ?? undefined),
  };
};

/**
 * AV-4 (S2 第十六条): the written explanation of a stop in a recording, filed after the clip where it stopped. It
 * turns the gap's finding from unexplained to explained; it never changes the clips.
 */
export const explainRecordingGap = async ({
  ctx,
  actor,
  evidenceId,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  evidenceId: string;
  input: { reason: string; text: string };
}) => {
  authorize(actor, 'evidence.upload');
  const text = input.text.trim();
  const fields: { field: string; code: 'VALIDATION_FAILED' }[] = [];
  if (!isInterruptionReasonId(input.reason)) fields.push({ field: 'reason', code: 'VALIDATION_FAILED' });
  if (text.length === 0 || text.length > 1000) fields.push({ field: 'text', code: 'VALIDATION_FAILED' });
  if (fields.length > 0) throw new DomainError('VALIDATION_FAILED', { fields });
  const item = await findEvidenceItem(ctx.db, evidenceId);
  if (!item || item.agencyId !== actor.agencyId || !isAv(item)) {
    throw new DomainError('EVIDENCE_NOT_FOUND', { id: evidenceId });
  }
  const id = ctx.newId();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockCase(tx, item.caseId);
    await insertGapStatement(tx, {
      id,
      caseId: item.caseId,
      afterEvidenceId: item.id,
      reason: input.reason,
      text,
      createdBy: actor.userId,
      createdAt: now,
    });
    await appendLedgerEntry(tx, {
      agencyId: item.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'evidence.gap_explained',
        subjectId: item.id,
        caseId: item.caseId,
        payload: { evidenceId: item.id, reason: input.reason, statementId: id },
      },
    });
  });

  return { id };
};
