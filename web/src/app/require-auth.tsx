import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/auth';
import { wasLoggedOutOnPurpose } from '../api/auth-notice';
import { FullPageSpin } from '../components/full-page-spin';
import { QueryErrorResult } from '../components/query-error-result';
import { loginPathFor } from '../features/auth/redirect';
import { AppLayout } from './app-layout';
import { CurrentUserContext } from './current-user';

export const RequireAuth = () => {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();

  if (isPending) return <FullPageSpin />;
  if (error && me === undefined) return <QueryErrorResult error={error} onRetry={() => void refetch()} />;
  if (!me) {
    const target = wasLoggedOutOnPurpose() ? '/login' : loginPathFor(location.pathname + location.search);

    return <Navigate to={target} replace />;
  }

  return (
    <CurrentUserContext value={me}>
      <AppLayout />
    </CurrentUserContext>
  );
};
