import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { evidenceOversightKeys } from './evidence-oversight';
import { request } from './http';
import type { Citation } from './procedure-types';
import { queryKeys } from './query-keys';
import type { ActorRef } from './types';

// AV-1..AV-8: evidence files of a case and their resumable uploads (server/src/routes/upload-routes.ts).

export type EvidenceKindId = 'video' | 'audio' | 'photo' | 'scan' | 'electronic_data' | 'system_operation_data';

export type EvidenceProviderId = 'agency' | 'party' | 'bystander';

export type CatalogEntry = { id: string; name: string; citations: Citation[] };

/** GET /api/evidence/catalog: the upload form's choices as data, with their legal basis. */
export type EvidenceCatalog = {
  maxUploadBytes: number;
  kinds: CatalogEntry[];
  focusItems: CatalogEntry[];
  interruptionReasons: CatalogEntry[];
  providers: { id: EvidenceProviderId; name: string }[];
  retentionFacts: CatalogEntry[];
};

export type ContinuitySeverity = 'blocking' | 'warning' | 'notice';

/** AV-4: one finding of the continuity check; which fields it has depends on its code. */
export type ContinuityFinding = {
  code: 'gap' | 'overlap' | 'after_the_fact' | 'future_clock' | 'declared_mismatch' | 'no_timing' | (string & {});
  name: string;
  severity: ContinuitySeverity;
  clipIds: string[];
  citations: Citation[];
  status?: 'explained' | 'unexplained';
  startedAt?: string;
  endedAt?: string;
  seconds?: number;
  interruption?: { afterClipId: string; reasonId: string; text: string } | null;
  declaredStartedAt?: string;
  reference?: 'upload' | 'now';
  referenceAt?: string;
  activityEndedAt?: string;
  basis?: 'file' | 'declared';
  missing?: ('start' | 'duration')[];
};

export type EvidenceItem = {
  id: string;
  kind: EvidenceKindId | (string & {});
  stage: string;
  recordId: string | null;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  recordedStartedAt: string;
  recordedEndedAt: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  officers: { userId: string; name: string }[];
  partyName: string | null;
  device: { id: string; name: string; serialNumber: string; kind: string } | null;
  focusItems: string[];
  providedBy: EvidenceProviderId | (string & {});
  providerName: string | null;
  note: string | null;
  /** What the file itself says of its timing (MP4/MOV creation time and duration). */
  mediaTiming: { creationTime?: string | null; durationMs?: number | null; hasTiming?: boolean } | null;
  uploadedBy: ActorRef;
  uploadedAt: string;
  /** AV-6: null when no upload period applies (files a party provided, photos). */
  uploadDueAt: string | null;
  isLate: boolean;
  retention: {
    retentionClass: 'av_minimum' | 'case_file' | (string & {});
    retainUntil: string;
    reasons: { id: string; name: string }[];
  } | null;
  isHeld: boolean;
  continuity: ContinuityFinding[];
  /** RET-2: where the original stands on the one disposal path; absent from servers before it. */
  disposal?: {
    status: 'kept' | 'pending' | 'disposed' | (string & {});
    requestId?: string | null;
    reason: string | null;
    requestedAt: string | null;
    decidedAt: string | null;
    /** Why a disposal cannot be asked for now (term running, held, pending…); empty when it can. */
    blockers?: { id: string; name: string }[];
    /** The signed-in user may ask for this original's disposal now. */
    canRequest?: boolean;
  };
  /** Null once the original has been disposed of: its description and history stay, its bytes are gone. */
  contentUrl: string | null;
  /** Null unless the signed-in user may download originals (and the original is still kept). */
  downloadUrl: string | null;
};

export type GapStatement = {
  id: string;
  afterEvidenceId: string;
  reason: string;
  text: string;
  createdBy: ActorRef;
  createdAt: string;
};

/** RET-2: a legal hold on the whole case (evidenceId null) or on one original. */
export type LegalHold = {
  id: string;
  evidenceId: string | null;
  reason: string;
  placedBy?: ActorRef;
  placedAt: string;
};

export type ReleasedHold = LegalHold & { releaseReason: string; releasedBy: ActorRef; releasedAt: string };

/** RET-1: a fact that lengthens retention; derived ones (a major case) are known from the case's records. */
export type RecordedRetentionFact = {
  id: string | null;
  fact: string;
  name: string;
  note: string | null;
  createdBy: ActorRef | null;
  createdAt: string | null;
  isDerived: boolean;
};

/** GET /api/cases/:id/evidence. Retention fields are absent from servers before RET-1/RET-2. */
export type CaseEvidence = {
  items: EvidenceItem[];
  gapStatements: GapStatement[];
  holds: LegalHold[];
  releasedHolds?: ReleasedHold[];
  retentionFacts?: RecordedRetentionFact[];
  canDownload: boolean;
  canManageRetention?: boolean;
  canManageHolds?: boolean;
};

/** RET-1: one original whose term a fact lengthens. */
export type RetentionUpgrade = {
  evidenceId: string;
  filename: string;
  from: string | null;
  to: string;
  retentionClass: string;
  reasons: { id: string; name: string }[];
};

export type RetentionFactResult = { factId: string | null; upgrades: RetentionUpgrade[] };

export type RetentionFactRequest = { fact: string; note?: string };

/** POST /api/cases/:id/evidence/uploads: what is said about one file before its bytes are sent (AV-3). */
export type StartUploadRequest = {
  kind: string;
  filename: string;
  size: number;
  stage: string | null;
  recordId: string | null;
  recordedStartedAt: string;
  recordedEndedAt: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  officerIds: string[];
  partyName: string | null;
  deviceId: string | null;
  focusItems: string[];
  providedBy: string;
  providerName: string | null;
  note: string | null;
};

export type StartedUpload = { id: string; url: string; offset: number; size: number; expiresAt: string };

/** GET /api/cases/:id/evidence/uploads: my uploads on the case that can still take bytes. */
export type UnfinishedUpload = {
  id: string;
  url: string;
  filename: string;
  size: number;
  offset: number;
  kind: string;
  createdAt: string;
  expiresAt: string;
};

export type GapStatementRequest = { reason: string; text: string };

const casePath = (caseId: string): string => `/api/cases/${encodeURIComponent(caseId)}`;

export const useEvidenceCatalog = (isEnabled = true) =>
  useQuery({
    queryKey: queryKeys.evidenceCatalog,
    queryFn: () => request<EvidenceCatalog>('GET', '/api/evidence/catalog'),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: isEnabled,
  });

export const useCaseEvidence = (caseId: string) =>
  useQuery({
    queryKey: queryKeys.caseEvidence(caseId),
    queryFn: () => request<CaseEvidence>('GET', `${casePath(caseId)}/evidence`),
    // Continuity and upload deadlines depend on what others filed: read afresh on each opening.
    staleTime: 0,
    refetchOnMount: 'always',
  });

export const useUnfinishedUploads = (caseId: string, isEnabled: boolean) =>
  useQuery({
    queryKey: queryKeys.caseUploads(caseId),
    queryFn: () => request<UnfinishedUpload[]>('GET', `${casePath(caseId)}/evidence/uploads`),
    staleTime: 0,
    refetchOnMount: 'always',
    enabled: isEnabled,
  });

/** AV-3: states one file; the answer is where its bytes go. Refusals come back before any byte is sent. */
export const startEvidenceUpload = (caseId: string, body: StartUploadRequest): Promise<StartedUpload> =>
  request<StartedUpload>('POST', `${casePath(caseId)}/evidence/uploads`, body);

/** tus termination: the staged bytes are discarded and the upload can no longer become evidence. */
export const cancelEvidenceUpload = (url: string): Promise<void> => request<void>('DELETE', url);

/**
 * After a file is filed or an upload ends: the evidence list, the unfinished uploads, the workspace (AV compliance and
 * continuity block a stage) and the timeline; the case detail's refetch is recorded as a view, as after a record.
 */
export const refreshCaseEvidence = (queryClient: QueryClient, caseId: string): Promise<unknown> =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.caseEvidence(caseId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.caseUploads(caseId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.caseWorkspace(caseId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.caseDetail(caseId) }),
  ]);

/** AV-4: the written explanation of a stop after the clip `evidenceId`. */
export const useExplainGap = (caseId: string) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({ evidenceId, body }: { evidenceId: string; body: GapStatementRequest }) =>
      request<{ id: string }>('POST', `/api/evidence/${encodeURIComponent(evidenceId)}/gap-statements`, body),
    onSuccess: () => refreshCaseEvidence(queryClient, caseId),
  });
};

/** RET-1: what recording `fact` would change, without storing anything (?preview=true). */
export const previewRetentionFact = (caseId: string, body: RetentionFactRequest): Promise<RetentionFactResult> =>
  request<RetentionFactResult>('POST', `${casePath(caseId)}/retention-facts?preview=true`, body);

/** The case's evidence and the agency's disposal queue both show holds, terms and requests. */
const refreshRetention = (queryClient: QueryClient, caseId: string): Promise<unknown> =>
  Promise.all([
    refreshCaseEvidence(queryClient, caseId),
    queryClient.invalidateQueries({ queryKey: evidenceOversightKeys.all }),
  ]);

/** RET-1: records a fact that lengthens the case's retention terms. */
export const useRecordRetentionFact = (caseId: string) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (body: RetentionFactRequest) =>
      request<RetentionFactResult>('POST', `${casePath(caseId)}/retention-facts`, body),
    onSuccess: () => refreshRetention(queryClient, caseId),
  });
};

/** RET-2: a legal hold on the whole case, or on one original when evidenceId is given. */
export const usePlaceLegalHold = (caseId: string) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (body: { reason: string; evidenceId?: string }) =>
      request<{ id: string; evidenceId: string | null; placedAt: string }>(
        'POST',
        `${casePath(caseId)}/legal-holds`,
        body,
      ),
    onSuccess: () => refreshRetention(queryClient, caseId),
  });
};

/** RET-2: releases a hold, with its own reason. */
export const useReleaseLegalHold = (caseId: string) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({ holdId, reason }: { holdId: string; reason: string }) =>
      request<{ holdId: string; releasedAt: string }>(
        'POST',
        `/api/legal-holds/${encodeURIComponent(holdId)}/release`,
        { reason },
      ),
    onSuccess: () => refreshRetention(queryClient, caseId),
  });
};

/** RET-2: asks the agency head to approve disposing of one original whose term has run. */
export const useRequestDisposal = (caseId: string) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({ evidenceId, reason }: { evidenceId: string; reason: string }) =>
      request<{ requestId: string; requestedAt: string }>(
        'POST',
        `/api/evidence/${encodeURIComponent(evidenceId)}/disposal-requests`,
        { reason },
      ),
    onSuccess: () => refreshRetention(queryClient, caseId),
  });
};
