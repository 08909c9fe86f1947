import { useQuery } from '@tanstack/react-query';
import { request } from './http';
import { queryKeys } from './query-keys';
import type { People } from './types';

export const usePeople = (isEnabled = true) =>
  useQuery({
    queryKey: queryKeys.people,
    queryFn: () => request<People>('GET', '/api/people'),
    enabled: isEnabled,
  });
