import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './http';
import { refreshCase } from './workspace';

/** GET /api/cases/:id/legal-review (REVIEW-1..5). */
export type CaseLegalReview = {
  isMajorDecision: boolean;
  isFiledAsMajor: boolean;
  filedGrounds: string[];
  status: string;
  message: string;
  canDecide: boolean;
  catalogMatches: { entryId: string; title: string; reasons: string[] }[];
  draft: { id: string; version: number; createdAt: string } | null;
  materials: {
    id: string;
    name: string;
    requirement: 'required' | 'when_hearing_or_assessment' | 'optional';
    suggestedRecordIds: string[];
    suggestedEvidenceIds: string[];
  }[];
  isHearingHeld: boolean;
  discussionRecords: { id: string; createdAt: string }[];
  rounds: ReviewRound[];
  can: { submit: boolean; decide: boolean; extend: boolean; requestExtension: boolean; rule: boolean };
};

export type ReviewTimeliness = 'on_time' | 'due_soon' | 'overdue' | 'decided_late';

export type ReviewRound = {
  id: string;
  round: number;
  draftRecordId: string;
  isCurrentDraft: boolean;
  proposal: string;
  materials: { material: string; recordIds: string[]; evidenceIds: string[] }[];
  majorBasis: {
    catalogMatches: { entryId: string; title: string; reasons: string[] }[];
    grounds: { ground: string; reason: string }[];
  };
  submittedBy: string;
  submittedAt: string;
  dueOn: string;
  originalDueOn: string;
  /** False while the working-day calendar does not cover the due date's year: the date is provisional (PROC-8). */
  isDueDateCovered: boolean;
  timeliness: ReviewTimeliness;
  opinion: {
    conclusion: string;
    reasons: string;
    correctionItems: string | null;
    points: { point: string; finding: string; note: string }[];
    recordId: string;
    reviewedBy: string;
    reviewedAt: string;
  } | null;
  extensions: {
    id: string;
    workingDays: number;
    reason: string;
    requestedBy: string;
    requestedAt: string;
    decision: { decision: string; opinion: string; dueOn: string; decidedBy: string; decidedAt: string } | null;
  }[];
  ruling: { outcome: string; reasons: string; discussionRecordId: string; ruledBy: string; ruledAt: string } | null;
};

export type ReviewSubmission = {
  proposal: string;
  materials: { material: string; recordIds: string[]; evidenceIds: string[] }[];
  grounds?: { ground: string; reason: string }[];
  isAssessmentMade?: boolean;
};

export type ReviewOpinionRequest = {
  points: { point: string; finding: 'no_issue' | 'issue'; note: string }[];
  conclusion: string;
  reasons: string;
  correctionItems?: string;
};

const reviewKey = (caseId: string) => ['cases', 'legal-review', caseId] as const;
const casePath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const useCaseLegalReview = (caseId: string, isEnabled = true) =>
  useQuery({
    queryKey: reviewKey(caseId),
    queryFn: () => request<CaseLegalReview>('GET', `${casePath(caseId)}/legal-review`),
    enabled: isEnabled,
    staleTime: 0,
  });

/** Every review step changes the case's gate, so the workspace is read again with the review. */
const useReviewMutation = <T>(caseId: string, call: (body: T) => Promise<unknown>) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: call,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKey(caseId) }),
        queryClient.invalidateQueries({ queryKey: ['legal-reviews'] }),
        refreshCase(queryClient, caseId),
      ]),
  });
};

export const useSubmitLegalReview = (caseId: string) =>
  useReviewMutation(caseId, (body: ReviewSubmission) => request('POST', `${casePath(caseId)}/legal-review`, body));

export const useDecideLegalReview = (caseId: string) =>
  useReviewMutation(caseId, ({ submissionId, body }: { submissionId: string; body: ReviewOpinionRequest }) =>
    request('POST', `/api/legal-reviews/${encodeURIComponent(submissionId)}/opinion`, body),
  );

export const useRequestReviewExtension = (caseId: string) =>
  useReviewMutation(
    caseId,
    ({ submissionId, workingDays, reason }: { submissionId: string; workingDays: number; reason: string }) =>
      request('POST', `/api/legal-reviews/${encodeURIComponent(submissionId)}/extensions`, { workingDays, reason }),
  );

export const useDecideReviewExtension = (caseId: string) =>
  useReviewMutation(
    caseId,
    ({ extensionId, decision, opinion }: { extensionId: string; decision: 'approved' | 'rejected'; opinion: string }) =>
      request('POST', `/api/legal-review-extensions/${encodeURIComponent(extensionId)}/decision`, {
        decision,
        opinion,
      }),
  );

export const useRuleOnLegalReview = (caseId: string) =>
  useReviewMutation(
    caseId,
    ({
      submissionId,
      outcome,
      reasons,
      discussionRecordId,
    }: {
      submissionId: string;
      outcome: 'proceed' | 'follow_review';
      reasons: string;
      discussionRecordId: string;
    }) =>
      request('POST', `/api/legal-reviews/${encodeURIComponent(submissionId)}/ruling`, {
        outcome,
        reasons,
        discussionRecordId,
      }),
  );
