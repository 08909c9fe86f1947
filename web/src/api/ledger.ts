import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError, request, requestBytes, requestText } from './http';
import { queryKeys } from './query-keys';
import type { AuditResult, LedgerIntegrity, LedgerKeys } from './types';

const ledgerPath = (code: string): string => `/api/ledger/${encodeURIComponent(code)}`;

/** Everything a browser (or a court, offline) needs to check one entry without trusting the server. */
export type EntryProofMaterials = {
  keys: LedgerKeys;
  leaf: Uint8Array<ArrayBuffer>;
  tlogProof: string;
};

export const fetchEntryProof = async (code: string, seq: number): Promise<EntryProofMaterials> => {
  const [keys, leaf, tlogProof] = await Promise.all([
    request<LedgerKeys>('GET', `${ledgerPath(code)}/keys`),
    requestBytes(`${ledgerPath(code)}/entries/${seq}`),
    requestText(`${ledgerPath(code)}/tlog-proof?index=${seq}`),
  ]);

  return { keys, leaf, tlogProof };
};

export const useEntryProof = (code: string, seq: number) =>
  useQuery({
    queryKey: queryKeys.ledgerEntryProof(code, seq),
    queryFn: () => fetchEntryProof(code, seq),
    staleTime: 0,
    // Each opening of the dialog downloads afresh: a retry after 待签名 must not see the cached refusal.
    gcTime: 0,
    retry: false,
  });

/** The entry is in the log, but no signed checkpoint covers it yet (it was written a moment ago). */
export const isNotYetCheckpointed = (error: unknown): boolean =>
  isApiError(error) && error.code === 'ENTRY_NOT_YET_CHECKPOINTED';

export const useLedgerIntegrity = () =>
  useQuery({
    queryKey: queryKeys.ledgerIntegrity,
    queryFn: () => request<LedgerIntegrity>('GET', '/api/ledger/integrity'),
    staleTime: 0,
  });

export const useRunAudit = () => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (code: string) => request<AuditResult>('POST', `${ledgerPath(code)}/audits`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.ledgerIntegrity }),
  });
};
