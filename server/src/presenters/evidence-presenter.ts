import {
  CONTINUITY_FINDINGS,
  EVIDENCE_KINDS,
  EVIDENCE_PROVIDERS,
  FOCUS_ITEMS,
  formatCitation,
  INTERRUPTION_REASONS,
  RETENTION_FACTS,
  type Citation,
  type ContinuityFinding,
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
  items: evidence.items.map(({ item, uploadedByName, device, retention, isHeld, isLate, continuity }) => ({
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
    contentUrl: `/api/evidence/${item.id}/content`,
    downloadUrl: evidence.canDownload ? `/api/evidence/${item.id}/download` : null,
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
    placedAt: h.placedAt.toISOString(),
  })),
  canDownload: evidence.canDownload,
});
