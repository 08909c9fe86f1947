import { formatCheckpoint, signNote } from '@liuhen/domain';
import { findLedgerLog, insertCheckpoint, latestCheckpoint, type CheckpointRow } from '../db/repos/ledger-repo';
import type { UseCaseContext } from '../use-cases/context';
import { activeSigner } from './ledger-keys';

/**
 * Signs a C2SP checkpoint of the integrated tree when it grew since the last one (LEDGER-2). The size and root
 * come from the log head the integrator wrote, never from the queue, so a checkpoint covers integrated entries only.
 */
export const signCheckpoint = async ({
  ctx,
  agencyId,
}: {
  ctx: Pick<UseCaseContext, 'db' | 'clock' | 'ledger'>;
  agencyId: string;
}): Promise<CheckpointRow | null> => {
  const log = await findLedgerLog(ctx.db, agencyId);
  if (!log || log.treeSize === 0 || !log.root) return null;
  const last = await latestCheckpoint(ctx.db, agencyId);
  if (last && last.size >= log.treeSize) return null;
  const signer = await activeSigner({ ctx, agencyId, purpose: 'log' });
  const body = formatCheckpoint({ origin: log.origin, size: log.treeSize, root: log.root });
  const row = {
    agencyId,
    size: log.treeSize,
    root: log.root,
    note: signNote(body, signer.skey),
    createdAt: ctx.clock.now(),
  };

  return (await insertCheckpoint(ctx.db, row)) ? row : null;
};
