import type { LedgerLogStatus } from '../../api/types';

/** Names of every agency the integrity report mentions, so alerts can say whose log and which witness. */
export const agencyNamesOf = (logs: readonly LedgerLogStatus[]): Map<string, string> => {
  const names = new Map<string, string>();
  for (const log of logs) {
    if (log.witness && !names.has(log.witness.agency.id)) names.set(log.witness.agency.id, log.witness.agency.name);
  }
  for (const log of logs) names.set(log.agency.id, log.agency.name);

  return names;
};

export type WitnessSummary =
  | { state: 'top-level' }
  | { state: 'never'; witnessName: string }
  | { state: 'witnessed'; witnessName: string; size: number; at: string | null; isLatestCosigned: boolean };

export const witnessSummary = (log: Pick<LedgerLogStatus, 'witness'>): WitnessSummary => {
  const { witness } = log;
  if (!witness) return { state: 'top-level' };
  if (witness.witnessedSize === null) return { state: 'never', witnessName: witness.agency.name };

  return {
    state: 'witnessed',
    witnessName: witness.agency.name,
    size: witness.witnessedSize,
    at: witness.witnessedAt,
    isLatestCosigned: witness.isLatestCosigned,
  };
};

/** Entries appended since the latest signed checkpoint; they get signed with the next one. */
export const unsignedCount = (log: Pick<LedgerLogStatus, 'size' | 'checkpoint'>): number =>
  Math.max(0, log.size - (log.checkpoint?.size ?? 0));
