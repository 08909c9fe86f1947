import {
  CONTINUITY_FINDINGS,
  DISPOSAL_BLOCKERS,
  EVIDENCE_KINDS,
  EVIDENCE_PROVIDERS,
  FOCUS_ITEMS,
  formatCitation,
  INTERRUPTION_REASONS,
  RETENTION_FACTS,
  type Citation,
  type ContinuityFinding,
  type RetentionFact,
} from '@liuhen/domain';
import type { listCaseEvidence } from '../use-cases/case-evidence';

const citations = (list: readonly Citation[]) =>
  list.map((c) => ({ source: c.source, article: c.article, text: formatCitation(c) }));

/** The evidence forms' choices as data, with their legal basis, so the web keeps no copy (AV-1, AV-3, AV-4, RET-1). */
export const presentEvidenceCatalog = (maxUploadBytes: number) => ({
  maxUploadBytes,
  kinds: EVIDENCE_KINDS.map((k) => ({ id: k.id, name: k.name, citations: citations(k.citations) })),
  focusItems: FOCUS_ITEMS.map((f) => ({ id: f.id, name: f.name, citations: citations(f.citations) })),
  interruptionReasons: INTERRUPTION_REASONS.map((r) => ({ id: r.id, name: r.name, citations: citations(r.citations) })),
  providers: Object.entries(EVIDENCE_PROVIDERS).map(([id, name]) => ({ id, name })),
  retentionFacts: Object.entries(RETENTION_FACTS).map(([id, f]) => ({
    id,
    name: f.name,
    citations: citations(f.citations),
  })),
});

type CaseEvidence = Awaited<ReturnType<typeof listCaseEvidence>>;

const presentFinding = (f: ContinuityFinding) => ({
  ...f,
  name: CONTINUITY_FINDINGS[f.code].name,
  citations: citations(f.citations),
});

/** The fields of evidence that leave the server; the store path and upload internals never do. */
export const presentCaseEvidence = (evidence: CaseEvidence) => ({
  items: evidence.items.map(({ item, uploadedByName, device, retention, isHeld, isLate, continuity, disposal }) => ({
    id: item.id,
    kind: item.kind,
    stage: item.stage,
    recordId: item.recordId,
    filename: item.filename,
    mediaType: item.mediaType,
    size: item.size,
    sha256: item.blobSha256,
    recordedStartedAt: item.recordedStartedAt.toISOString(),
    recordedEndedAt: item.recordedEndedAt?.toISOString() ?? null,
    place: item.place,
    latitude: item.latitude === null ? null : Number(item.latitude),
    longitude: item.longitude === null ? null : Number(item.longitude),
    officers: item.officers as { userId: string; name: string }[],
    partyName: item.partyName,
    device: device ? { id: device.id, name: device.name, serialNumber: device.serialNumber, kind: device.kind } : null,
    focusItems: item.focusItems as string[],
    providedBy: item.providedBy,
    providerName: item.providerName,
    note: item.note,
    mediaTiming: item.mediaTiming,
    uploadedBy: { id: item.uploadedBy, displayName: uploadedByName },
    uploadedAt: item.uploadedAt.toISOString(),
    uploadDueAt: item.uploadDueAt?.toISOString() ?? null,
    isLate,
    retention: retention
      ? { retentionClass: retention.retentionClass, retainUntil: retention.retainUntil, reasons: retention.reasons }
      : null,
    isHeld,
    continuity: continuity.map(presentFinding),
    disposal: {
      status: disposal.approved ? 'disposed' : disposal.pending ? 'pending' : 'kept',
      requestId: (disposal.approved ?? disposal.pending)?.request.id ?? null,
      reason: (disposal.approved ?? disposal.pending)?.request.reason ?? null,
      requestedAt: (disposal.approved ?? disposal.pending)?.request.requestedAt.toISOString() ?? null,
      decidedAt: disposal.approved?.decision?.decidedAt.toISOString() ?? null,
      blockers: disposal.blockers.map((id) => ({ id, name: DISPOSAL_BLOCKERS[id].name })),
      canRequest: evidence.canManageRetention && disposal.blockers.length === 0,
    },
    // A disposed original's bytes are gone; its description and history stay.
    contentUrl: disposal.approved ? null : `/api/evidence/${item.id}/content`,
    downloadUrl: evidence.canDownload && !disposal.approved ? `/api/evidence/${item.id}/download` : null,
  })),
  gapStatements: evidence.statements.map((s) => ({
    id: s.id,
    afterEvidenceId: s.afterEvidenceId,
    reason: s.reason,
    text: s.text,
    createdBy: { id: s.createdBy, displayName: s.createdByName },
    createdAt: s.createdAt.toISOString(),
  })),
  holds: evidence.holds.map((h) => ({
    id: h.id,
    evidenceId: h.evidenceId,
    reason: h.reason,
    placedBy: { id: h.placedBy, displayName: evidence.names.get(h.placedBy) ?? '' },
    placedAt: h.placedAt.toISOString(),
  })),
  releasedHolds: evidence.releasedHolds.map(({ hold, release }) => ({
    id: hold.id,
    evidenceId: hold.evidenceId,
    reason: hold.reason,
    placedBy: { id: hold.placedBy, displayName: evidence.names.get(hold.placedBy) ?? '' },
    placedAt: hold.placedAt.toISOString(),
    releaseReason: release!.reason,
    releasedBy: { id: release!.releasedBy, displayName: evidence.names.get(release!.releasedBy) ?? '' },
    releasedAt: release!.releasedAt.toISOString(),
  })),
  retentionFacts: [
    ...evidence.retentionFacts.map((f) => ({
      id: f.id,
      fact: f.fact,
      name: RETENTION_FACTS[f.fact as RetentionFact]?.name ?? f.fact,
      note: f.note,
      createdBy: { id: f.createdBy, displayName: evidence.names.get(f.createdBy) ?? '' },
      createdAt: f.createdAt.toISOString(),
      isDerived: false,
    })),
    // A major case is known from its records (REVIEW-1), not entered here.
    ...evidence.derivedFacts.map((fact) => ({
      id: null,
      fact,
      name: RETENTION_FACTS[fact].name,
      note: '由案件记录认定',
      createdBy: null,
      createdAt: null,
      isDerived: true,
    })),
  ],
  canDownload: evidence.canDownload,
  canManageRetention: evidence.canManageRetention,
  canManageHolds: evidence.canManageHolds,
});
