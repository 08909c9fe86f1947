import { useSyncExternalStore } from 'react';

// A one-line notice for the login page, e.g. why the user was signed out.
let notice: string | null = null;
const listeners = new Set<() => void>();

export const setAuthNotice = (value: string | null): void => {
  if (notice === value) return;
  notice = value;
  for (const listener of listeners) listener();
};

const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);

  return () => listeners.delete(listener);
};

export const useAuthNotice = (): string | null => useSyncExternalStore(subscribe, () => notice);
