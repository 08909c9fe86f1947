import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, toQueryString } from './http';
import { queryKeys } from './query-keys';
import type { CaseDetail, CasePage, CaseSource, NewCaseRequest, ProcedureType } from './types';

export type CaseListQuery = {
  page: number;
  pageSize: number;
  q: string;
  procedure: ProcedureType | null;
  source: CaseSource | null;
  discoveredFrom: string | null;
  discoveredTo: string | null;
  isMine: boolean;
};

export const caseListPath = (query: CaseListQuery): string =>
  `/api/cases${toQueryString({
    page: query.page,
    pageSize: query.pageSize,
    q: query.q.trim(),
    procedure: query.procedure,
    source: query.source,
    discoveredFrom: query.discoveredFrom,
    discoveredTo: query.discoveredTo,
    mine: query.isMine,
  })}`;

export const useCaseList = (query: CaseListQuery, isEnabled = true) =>
  useQuery({
    queryKey: queryKeys.caseList(query),
    queryFn: () => request<CasePage>('GET', caseListPath(query)),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });

export const useCaseDetail = (id: string) =>
  useQuery({
    queryKey: queryKeys.caseDetail(id),
    queryFn: () => request<CaseDetail>('GET', `/api/cases/${encodeURIComponent(id)}`),
    // Opening the page is a reading of the case: fetch each time so the ledger and the timeline agree.
    staleTime: 0,
    refetchOnMount: 'always',
  });

export const useCreateCase = () => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (body: NewCaseRequest) => request<CaseDetail>('POST', '/api/cases', body),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.cases, 'list'] });
      // Seeded so the new case shows at once; the page still reads it, which the ledger records as a view.
      queryClient.setQueryData(queryKeys.caseDetail(created.id), created);
    },
  });
};
