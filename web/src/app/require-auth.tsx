import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/auth';
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
  if (!me) return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;

  return (
    <CurrentUserContext value={me}>
      <AppLayout />
    </CurrentUserContext>
  );
};
