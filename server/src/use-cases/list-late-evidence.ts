import { addDays, chinaStartOfDay, DomainError, isIsoDate } from '@liuhen/domain';
import { findLateEvidence } from '../db/repos/evidence-audit-repo';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

export type LateEvidenceQuery = {
  /** Recordings made on or after this China date (YYYY-MM-DD). */
  from?: string;
  /** Recordings made on or before this China date. */
  to?: string;
  /** Named as an officer on the recording, or its uploader. */
  officerId?: string;
  deviceId?: string;
  page?: number;
  pageSize?: number;
};

export type LateEvidenceItem = {
  evidenceId: string;
  case: { id: string; number: string; summary: string };
  kind: string;
  filename: string;
  recordedStartedAt: Date;
  recordedEndedAt: Date | null;
  uploadDueAt: Date;
  uploadedAt: Date;
  /** Hours past the deadline, to one decimal. */
  delayHours: number;
  uploadedBy: { id: string; displayName: string };
  /** The officers named on the recording, with the names they had when it was filed. */
  officers: { id: string; displayName: string }[];
  device: { id: string; serialNumber: string; model: string; name: string } | null;
};

export type LateEvidencePage = { items: LateEvidenceItem[]; total: number; page: number; pageSize: number };

export const MAX_LATE_PAGE_SIZE = 100;

/**
 * AV-6: the agency's files that reached central storage after their upload deadline, each with its delay, the officers
 * and uploader and the device, newest recording first; for those who supervise the files.
 */
export const listLateEvidence = async ({
  ctx,
  actor,
  query,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  query: LateEvidenceQuery;
}): Promise<LateEvidencePage> => {
  authorize(actor, 'evidence.audit');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const problems: { field: string; code: 'VALIDATION_FAILED' | 'INVALID_DATE' | 'INVALID_DATE_RANGE' }[] = [];
  if (!Number.isSafeInteger(page) || page < 1) problems.push({ field: 'page', code: 'VALIDATION_FAILED' });
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_LATE_PAGE_SIZE) {
    problems.push({ field: 'pageSize', code: 'VALIDATION_FAILED' });
  }
  const from = query.from?.trim() || null;
  const to = query.to?.trim() || null;
  if (from !== null && !isIsoDate(from)) problems.push({ field: 'from', code: 'INVALID_DATE' });
  if (to !== null && !isIsoDate(to)) problems.push({ field: 'to', code: 'INVALID_DATE' });
  if (from !== null && to !== null && isIsoDate(from) && isIsoDate(to) && from > to) {
    problems.push({ field: 'to', code: 'INVALID_DATE_RANGE' });
  }
  if (problems.length > 0) {
    throw new DomainError(problems.length === 1 ? problems[0]!.code : 'VALIDATION_FAILED', { fields: problems });
  }

  const { rows, total } = await findLateEvidence(ctx.db, {
    agencyId: actor.agencyId,
    recordedFrom: from === null ? null : chinaStartOfDay(from),
    recordedBefore: to === null ? null : chinaStartOfDay(addDays(to, 1)),
    officerId: query.officerId ?? null,
    deviceId: query.deviceId ?? null,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });

  return {
    items: rows.map(({ item, caseNumber, caseSummary, uploadedByName, device }) => ({
      evidenceId: item.id,
      case: { id: item.caseId, number: caseNumber, summary: caseSummary },
      kind: item.kind,
      filename: item.filename,
      recordedStartedAt: item.recordedStartedAt,
      recordedEndedAt: item.recordedEndedAt,
      uploadDueAt: item.uploadDueAt!,
      uploadedAt: item.uploadedAt,
      delayHours: Math.round((item.uploadedAt.getTime() - item.uploadDueAt!.getTime()) / 360_000) / 10,
      uploadedBy: { id: item.uploadedBy, displayName: uploadedByName },
      officers: (item.officers as { userId: string; name: string }[]).map((o) => ({
        id: o.userId,
        displayName: o.name,
      })),
      device,
    })),
    total,
    page,
    pageSize,
  };
};
