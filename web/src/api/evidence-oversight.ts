import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, toQueryString } from './http';
import type { Citation } from './procedure-types';
import type { ActorRef } from './types';

// AV-4, AV-6, RET-2 and fixity at agency level: server/src/routes/evidence-audit-routes.ts and retention-routes.ts.

type CaseRef = { id: string; number: string; summary: string };

/** GET /api/evidence/late filters: recording dates are China dates (YYYY-MM-DD). */
export type LateEvidenceQuery = {
  from: string | null;
  to: string | null;
  officerId: string | null;
  deviceId: string | null;
  page: number;
  pageSize: number;
};

export type LateEvidenceItem = {
  evidenceId: string;
  case: CaseRef;
  kind: string;
  filename: string;
  recordedStartedAt: string;
  recordedEndedAt: string | null;
  uploadDueAt: string;
  uploadedAt: string;
  /** Hours past the upload deadline, to one decimal. */
  delayHours: number;
  uploadedBy: ActorRef;
  officers: ActorRef[];
  device: { id: string; serialNumber: string; model: string; name: string } | null;
};

export type LateEvidencePage = { items: LateEvidenceItem[]; total: number; page: number; pageSize: number };

export type FixityRunStatus = 'running' | 'finished' | 'unfinished';

export type FixityRun = {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: FixityRunStatus | (string & {});
  /** This agency's items among the originals the run checked. */
  agency: { checked: number; bytes: number; missing: number; altered: number; unreadable: number };
  /** The whole store: originals rehashed, bytes read, stored files no record names. */
  store: { checked: number; bytes: number; unreferenced: number };
};

export type FixityProblem = {
  sha256: string;
  outcome: 'missing' | 'altered' | 'unreadable' | (string & {});
  outcomeName: string;
  checkedAt: string;
  runId: string;
  expectedSize: number | null;
  actualSize: number | null;
  actualSha256: string | null;
  error: string | null;
  items: {
    evidenceId: string;
    case: CaseRef;
    filename: string;
    kind: string;
    recordedStartedAt: string;
    uploadedAt: string;
  }[];
};

export type FixityFindings = {
  isRunning: boolean;
  runs: FixityRun[];
  problems: FixityProblem[];
  unreferenced: { sha256: string; size: number | null; checkedAt: string }[];
};

export type DisposalDecision = 'approved' | 'rejected';

export type DisposalRequest = {
  id: string;
  reason: string;
  requestedBy: ActorRef;
  requestedAt: string;
  evidence: { id: string; filename: string; kind: string; size: number };
  case: CaseRef;
  decision: { decision: DisposalDecision; opinion: string; decidedBy: ActorRef; decidedAt: string } | null;
  /** The server's word: the agency head, the request undecided and made by someone else. */
  canDecide: boolean;
};

export type DisposalRequestStatus = 'pending' | 'all';

export type DisposalDecisionResponse = {
  requestId: string;
  evidenceId: string;
  decision: DisposalDecision;
  decidedAt: string;
  isContentRemoved: boolean;
};

export type DisposalPreviewItem = {
  evidenceId: string;
  caseId: string;
  caseNumber: string;
  caseSummary: string;
  filename: string;
  kind: string;
  size: number;
  /** The last day the original must be kept (China date). */
  retainUntil: string;
  /** The holds that still cover the item, the released one left out. */
  holdIds: string[];
  /** Blocker ids (term_running, no_term, legal_hold, pending_request, disposed). */
  blockers: string[];
  isFreedByRelease: boolean;
};

export type DisposalPreview = {
  asOf: string;
  releaseHoldId: string | null;
  disposable: DisposalPreviewItem[];
  blocked: DisposalPreviewItem[];
};

export type DisposalPreviewQuery = { asOf: string; releaseHoldId: string | null };

export type AvUploadPresetId = 'within_24_hours' | 'within_2_working_days' | 'by_end_of_working_day';

export type EvidenceSettings = {
  avUpload: AvUploadPresetId | (string & {});
  maxGapSeconds: number;
  updatedAt: string | null;
  presets: { id: AvUploadPresetId | (string & {}); name: string; citations: (Citation & { text: string })[] }[];
  maxGapLimitSeconds: number;
};

export type EvidenceSettingsChange = { avUpload: string; maxGapSeconds: number };

export const evidenceOversightKeys = {
  all: ['evidence-oversight'] as const,
  late: (query: LateEvidenceQuery) => ['evidence-oversight', 'late', query] as const,
  fixity: ['evidence-oversight', 'fixity'] as const,
  disposalRequests: ['evidence-oversight', 'disposal-requests'] as const,
  disposalRequestList: (status: DisposalRequestStatus) => ['evidence-oversight', 'disposal-requests', status] as const,
  disposalPreviews: ['evidence-oversight', 'disposal-preview'] as const,
  disposalPreview: (query: DisposalPreviewQuery) => ['evidence-oversight', 'disposal-preview', query] as const,
  settings: ['evidence-oversight', 'settings'] as const,
};

/** AV-6: uploads that reached central storage after their deadline, a page at a time. */
export const useLateEvidence = (query: LateEvidenceQuery, isEnabled = true) =>
  useQuery({
    queryKey: evidenceOversightKeys.late(query),
    queryFn: () => request<LateEvidencePage>('GET', `/api/evidence/late${toQueryString(query)}`),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });

const FIXITY_POLL_MS = 1000;

/** Fixity runs and open problems; asked again every second while a check runs in the server. */
export const useFixity = (isEnabled = true) =>
  useQuery({
    queryKey: evidenceOversightKeys.fixity,
    queryFn: () => request<FixityFindings>('GET', '/api/evidence/fixity'),
    enabled: isEnabled,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.isRunning ? FIXITY_POLL_MS : false),
  });

/** 202: the check runs in the background; the list says when it is done. */
export const useStartFixityRun = () => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: () => request<{ runId: string }>('POST', '/api/evidence/fixity/runs'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: evidenceOversightKeys.fixity }),
  });
};

export const useDisposalRequests = (status: DisposalRequestStatus, isEnabled = true) =>
  useQuery({
    queryKey: evidenceOversightKeys.disposalRequestList(status),
    queryFn: () => request<DisposalRequest[]>('GET', `/api/evidence/disposal-requests${toQueryString({ status })}`),
    enabled: isEnabled,
    staleTime: 0,
  });

/** RET-2: the agency head's decision; an approval destroys the original, so every view of it is asked again. */
export const useDecideDisposal = () => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({
      requestId,
      decision,
      opinion,
    }: {
      requestId: string;
      decision: DisposalDecision;
      opinion: string;
    }) =>
      request<DisposalDecisionResponse>(
        'POST',
        `/api/evidence/disposal-requests/${encodeURIComponent(requestId)}/decision`,
        { decision, opinion },
      ),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: evidenceOversightKeys.disposalRequests }),
        queryClient.invalidateQueries({ queryKey: evidenceOversightKeys.disposalPreviews }),
        // A case's evidence tab shows the item's disposal state.
        queryClient.invalidateQueries({ queryKey: ['evidence'] }),
      ]);
    },
  });
};

/** RET-2: what would be disposable on a date, and what releasing one hold would free; changes nothing. */
export const useDisposalPreview = (query: DisposalPreviewQuery, isEnabled = true) =>
  useQuery({
    queryKey: evidenceOversightKeys.disposalPreview(query),
    queryFn: () => request<DisposalPreview>('GET', `/api/evidence/disposal-preview${toQueryString(query)}`),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
    staleTime: 0,
  });

export const useEvidenceSettings = () =>
  useQuery({
    queryKey: evidenceOversightKeys.settings,
    queryFn: () => request<EvidenceSettings>('GET', '/api/evidence/settings'),
  });

/** AV-4, AV-6: applies to evidence filed from now on; the change is a ledger entry. */
export const useChangeEvidenceSettings = () => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (body: EvidenceSettingsChange) => request<EvidenceSettings>('PUT', '/api/evidence/settings', body),
    onSuccess: (settings) => queryClient.setQueryData(evidenceOversightKeys.settings, settings),
  });
};
