import { createContext, useContext } from 'react';
import type { Me } from '../api/types';

export const CurrentUserContext = createContext<Me | null>(null);

/** Only for screens under the auth guard, which always provides the user. */
export const useCurrentUser = (): Me => {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser must be used under RequireAuth');

  return me;
};
