/** Only same-site paths are followed after login, never `//host` or absolute URLs. */
export const safeRedirect = (value: string | null | undefined): string => {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login/')) return '/';

  return value;
};

export const loginPathFor = (intended: string): string => {
  const target = safeRedirect(intended);

  return target === '/' ? '/login' : `/login?redirect=${encodeURIComponent(target)}`;
};
