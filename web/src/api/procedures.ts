import { useQuery } from '@tanstack/react-query';
import { request } from './http';
import type { Officer, ProcedureCatalog } from './procedure-types';
import { queryKeys } from './query-keys';

/** The catalog is data shipped with the server: it changes only with a new release. */
export const useProcedureCatalog = (isEnabled = true) =>
  useQuery({
    queryKey: queryKeys.procedures,
    queryFn: () => request<ProcedureCatalog>('GET', '/api/procedures'),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: isEnabled,
  });

export const useOfficers = (isEnabled = true) =>
  useQuery({
    queryKey: queryKeys.officers,
    queryFn: () => request<Officer[]>('GET', '/api/officers'),
    staleTime: 5 * 60_000,
    enabled: isEnabled,
  });
