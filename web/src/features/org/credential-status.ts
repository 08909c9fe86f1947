import type { Credential } from '../../api/types';

export type CredentialStatus = { label: string; color: 'success' | 'error' | 'warning' };

/** The server decides validity; the dates only tell an expired card from one not yet in force. */
export const credentialStatus = (credential: Credential, today: string): CredentialStatus => {
  if (credential.isValid) return { label: '有效', color: 'success' };
  if (credential.validFrom > today) return { label: '未生效', color: 'warning' };

  return { label: '已过期', color: 'error' };
};
