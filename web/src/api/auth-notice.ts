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

// Set by an explicit logout so the guard sends the user to a plain login page, not back to where they were;
// cleared by the next login, so a later session loss keeps the page to return to.
let isLoggedOutOnPurpose = false;

export const setLoggedOutOnPurpose = (value: boolean): void => {
  isLoggedOutOnPurpose = value;
};

export const wasLoggedOutOnPurpose = (): boolean => isLoggedOutOnPurpose;
