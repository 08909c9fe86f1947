import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from './http';
import { queryKeys } from './query-keys';
import type {
  ApprovalRequest,
  CaseWorkspace,
  CorrectionRequest,
  MyWork,
  RecordRequest,
  SavedRecord,
  StageChangeRequest,
} from './workspace-types';

const casePath = (caseId: string): string => `/api/cases/${encodeURIComponent(caseId)}`;

/** `isFresh: false` for a second reader on the same page: it takes what the panels loaded instead of reading again. */
export const useCaseWorkspace = (caseId: string, { isFresh = true }: { isFresh?: boolean } = {}) =>
  useQuery({
    queryKey: queryKeys.caseWorkspace(caseId),
    queryFn: () => request<CaseWorkspace>('GET', `${casePath(caseId)}/workspace`),
    // Deadlines and compliance depend on today and on others' approvals: read afresh on each opening.
    staleTime: isFresh ? 0 : Number.POSITIVE_INFINITY,
    refetchOnMount: isFresh ? 'always' : false,
  });

/**
 * After a change to the case: the workspace, the timeline (new ledger entries), the list (stage) and the to-dos.
 * The case detail is refetched, which the ledger records as a view: the user is looking at the case they changed.
 */
export const refreshCase = (queryClient: QueryClient, caseId: string): Promise<unknown> =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.caseWorkspace(caseId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.caseDetail(caseId) }),
    // A new or corrected draft can make the decision major or reopen its legal review (REVIEW-1, REVIEW-5).
    queryClient.invalidateQueries({ queryKey: ['cases', 'legal-review', caseId] }),
    queryClient.invalidateQueries({ queryKey: [...queryKeys.cases, 'list'] }),
    refreshMyWork(queryClient),
  ]);

/**
 * The menu badge reads the to-do list without fetching it, so an invalidation alone would leave it stale. Once the
 * list has been loaded it is fetched again after a change; never before, as it walks every open case.
 */
export const refreshMyWork = (queryClient: QueryClient): Promise<unknown> =>
  queryClient.getQueryData(queryKeys.myWork) === undefined
    ? Promise.resolve()
    : // fetchQuery, not refetchQueries: the latter skips a query whose only observer (the badge) is disabled.
      queryClient.fetchQuery({ queryKey: queryKeys.myWork, queryFn: fetchMyWork, staleTime: 0 }).catch(() => undefined);

export const useMakeRecord = (caseId: string) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (body: RecordRequest) => request<SavedRecord>('POST', `${casePath(caseId)}/records`, body),
    onSuccess: () => refreshCase(queryClient, caseId),
  });
};

export const useCorrectRecord = (caseId: string) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({ recordId, body }: { recordId: string; body: CorrectionRequest }) =>
      request<SavedRecord>('POST', `${casePath(caseId)}/records/${encodeURIComponent(recordId)}/corrections`, body),
    onSuccess: () => refreshCase(queryClient, caseId),
  });
};

export const useDecideApproval = (caseId: string) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({ recordId, body }: { recordId: string; body: ApprovalRequest }) =>
      request<{ recordId: string; stepIndex: number; decision: string }>(
        'POST',
        `${casePath(caseId)}/records/${encodeURIComponent(recordId)}/approvals`,
        body,
      ),
    onSuccess: () => refreshCase(queryClient, caseId),
  });
};

export const useChangeStage = (caseId: string) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (body: StageChangeRequest) =>
      request<{ from: string; to: string }>('POST', `${casePath(caseId)}/stage`, body),
    // A refusal may come from a change someone else made meanwhile: refresh either way.
    onSettled: () => refreshCase(queryClient, caseId),
  });
};

const fetchMyWork = (): Promise<MyWork> => request<MyWork>('GET', '/api/my-work');

export const useMyWork = (isEnabled = true) =>
  useQuery({
    queryKey: queryKeys.myWork,
    queryFn: fetchMyWork,
    staleTime: 0,
    refetchOnMount: 'always',
    enabled: isEnabled,
  });
