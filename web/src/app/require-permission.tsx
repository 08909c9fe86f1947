import type { ReactNode } from 'react';
import type { Me } from '../api/types';
import { ForbiddenResult } from '../components/forbidden-result';
import { useCurrentUser } from './current-user';

type Props = { permission: keyof Me['permissions']; reason: string; children: ReactNode };

/** The server enforces every permission; this only spares the user a screen they cannot use. */
export const RequirePermission = ({ permission, reason, children }: Props) => {
  const me = useCurrentUser();

  return me.permissions[permission] ? children : <ForbiddenResult subTitle={reason} />;
};
