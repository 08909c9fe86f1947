import type { LedgerKeys } from '../../api/types';

// Names match the command below, so a court can save the three files side by side and paste it unchanged.
export const leafFileName = (code: string, seq: number): string => `${code}-${seq}.leaf.json`;

export const tlogProofFileName = (code: string, seq: number): string => `${code}-${seq}.tlog-proof`;

export const vkeyFileName = (code: string): string => `${code}.vkey`;

/** Every verifier key the log has used, one per line: an entry may be signed under a key since rotated. */
export const vkeyFileText = (keys: Pick<LedgerKeys, 'logKeys'>): string =>
  keys.logKeys.map((key) => `${key.vkey}\n`).join('');

export const offlineVerifyCommand = (code: string, seq: number): string =>
  `npx liuhen-verify proof --vkey @${vkeyFileName(code)} --proof ${tlogProofFileName(code, seq)} --leaf ${leafFileName(code, seq)}`;
