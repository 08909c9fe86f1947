import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { setAuthNotice } from './auth-notice';
import { isApiError } from './http';
import { queryKeys } from './query-keys';

/** A 401 other than a wrong password means the session is gone. */
export const isSessionLoss = (error: unknown): boolean =>
  isApiError(error) && error.status === 401 && error.code !== 'INVALID_CREDENTIALS';

export const sessionExpiredNotice = (error: unknown): string | null =>
  isApiError(error) && error.code === 'SESSION_EXPIRED' ? error.message || '登录已过期，请重新登录' : null;

export const createQueryClient = (): QueryClient => {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => handleError(error) }),
    mutationCache: new MutationCache({ onError: (error) => handleError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Every GET of a case writes a 查阅案件 entry to the ledger, so never refetch behind the user's back.
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          (!isApiError(error) || error.status === 0 || error.status >= 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });

  // The auth guard sees the signed-out state and redirects to /login with the current path.
  const handleError = (error: unknown): void => {
    if (!isSessionLoss(error)) return;
    setAuthNotice(sessionExpiredNotice(error) ?? '登录状态已失效，请重新登录');
    client.setQueryData(queryKeys.me, null);
  };

  return client;
};
