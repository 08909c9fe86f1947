import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { setAuthNotice, setLoggedOutOnPurpose } from './auth-notice';
import { isApiError, request } from './http';
import { sessionExpiredNotice } from './query-client';
import { isPublicQueryKey, queryKeys } from './query-keys';
import type { Me, Meta } from './types';

export const fetchMe = async (): Promise<Me | null> => {
  try {
    return await request<Me>('GET', '/api/auth/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      const notice = sessionExpiredNotice(error);
      if (notice) setAuthNotice(notice);

      return null;
    }
    throw error;
  }
};

export const useMe = () => useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 });

export const useMeta = () =>
  useQuery({
    queryKey: queryKeys.meta,
    queryFn: () => request<Meta>('GET', '/api/meta'),
    staleTime: Number.POSITIVE_INFINITY,
  });

export type LoginInput = { username: string; password: string };

export const useLogin = () => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (input: LoginInput) => request<{ user: Me }>('POST', '/api/auth/login', input),
    onSuccess: ({ user }) => {
      queryClient.removeQueries({ predicate: (q) => !isPublicQueryKey(q.queryKey) });
      setAuthNotice(null);
      setLoggedOutOnPurpose(false);
      queryClient.setQueryData(queryKeys.me, user);
    },
  });
};

export const useLogout = () => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: () => request<void>('POST', '/api/auth/logout'),
    onMutate: () => setLoggedOutOnPurpose(true),
    onSettled: () => {
      setAuthNotice(null);
      queryClient.setQueryData(queryKeys.me, null);
      queryClient.removeQueries({ predicate: (q) => !isPublicQueryKey(q.queryKey) });
    },
  });
};
