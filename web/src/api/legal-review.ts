import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './http';

// REVIEW-1, REVIEW-4 at agency level: server/src/routes/legal-review-routes.ts.

export type ReviewTimeliness = 'on_time' | 'due_soon' | 'overdue' | 'decided_late' | (string & {});

export type ReviewConclusion = 'approve' | 'correct' | 'do_not_decide' | 'transfer' | (string & {});

export type PendingReviewExtension = { id: string; workingDays: number; reason: string };

export type OpenLegalReview = {
  submissionId: string;
  caseId: string;
  caseNumber: string;
  round: number;
  /** The submitter's display name. */
  submittedBy: string;
  submittedAt: string;
  /** China date, after approved extensions. */
  dueOn: string;
  /** False while the working-day calendar does not cover the due date's year: the date is provisional (PROC-8). */
  isDueDateCovered: boolean;
  timeliness: ReviewTimeliness;
  pendingExtensions: PendingReviewExtension[];
};

export type DecidedLegalReview = {
  submissionId: string;
  caseId: string;
  caseNumber: string;
  round: number;
  conclusion: ReviewConclusion;
  /** The reviewer's display name. */
  reviewedBy: string;
  reviewedAt: string;
  dueOn: string;
  timeliness: ReviewTimeliness;
};

export type LegalReviewList = { open: OpenLegalReview[]; decided: DecidedLegalReview[] };

export type ExtensionDecision = 'approved' | 'rejected';

export type MajorCatalogEntry = {
  id: string;
  category: string;
  level: string;
  field: string;
  title: string;
  penaltyKinds: string[];
  partyType: string;
  /** Yuan as the database's decimal text, e.g. "100000.00"; null when the entry sets no amount. */
  amountThreshold: string | number | null;
  basis: string;
  createdAt: string;
  retirement: { reason: string; retiredAt: string } | null;
};

export type MajorCatalog = { canManage: boolean; entries: MajorCatalogEntry[] };

export type MajorCatalogEntryInput = {
  category: string;
  level: string;
  field: string;
  title: string;
  penaltyKinds: string[];
  partyType: string;
  amountThreshold: number | null;
  basis: string;
};

export const legalReviewKeys = {
  all: ['legal-review'] as const,
  list: ['legal-review', 'list'] as const,
  catalog: ['legal-review', 'major-catalog'] as const,
};

/** REVIEW-4: open reviews with their due dates and timeliness, and the latest decided ones. */
export const useLegalReviews = (isEnabled = true) =>
  useQuery({
    queryKey: legalReviewKeys.list,
    queryFn: () => request<LegalReviewList>('GET', '/api/legal-reviews'),
    enabled: isEnabled,
    staleTime: 0,
  });

/** REVIEW-4: the deputy head's decision on an extension; an approval moves the round's due date. */
export const useDecideReviewExtension = () => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({
      extensionId,
      decision,
      opinion,
    }: {
      extensionId: string;
      decision: ExtensionDecision;
      opinion: string;
    }) =>
      request<{ extensionId: string; decision: ExtensionDecision; dueOn: string }>(
        'POST',
        `/api/legal-review-extensions/${encodeURIComponent(extensionId)}/decision`,
        { decision, opinion },
      ),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: legalReviewKeys.list }),
        // A case's workspace shows its review's due date.
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
      ]);
    },
  });
};

/** REVIEW-1: the agency's catalog of major decisions, in force and withdrawn. */
export const useMajorCatalog = (isEnabled = true) =>
  useQuery({
    queryKey: legalReviewKeys.catalog,
    queryFn: () => request<MajorCatalog>('GET', '/api/major-catalog'),
    enabled: isEnabled,
  });

export const useAddMajorCatalogEntry = () => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (body: MajorCatalogEntryInput) =>
      request<{ id: string; title: string; createdAt: string }>('POST', '/api/major-catalog', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: legalReviewKeys.catalog }),
  });
};

/** REVIEW-1: the entry stays listed, as decisions reviewed under it refer to it. */
export const useRetireMajorCatalogEntry = () => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({ entryId, reason }: { entryId: string; reason: string }) =>
      request<{ entryId: string; retiredAt: string }>(
        'POST',
        `/api/major-catalog/${encodeURIComponent(entryId)}/retirement`,
        { reason },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: legalReviewKeys.catalog }),
  });
};
