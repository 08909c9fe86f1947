import {
  appendToTiles,
  chainHash,
  createHasher,
  emptyRoot,
  nodeFromTiles,
  rightEdgeTiles,
  rootOf,
  type Hasher,
  type Tile,
} from '@liuhen/domain';
import type { Executor } from '../db/client';
import {
  deleteQueuedEntries,
  insertLedgerEntries,
  leafHashesFrom,
  lockLedgerLog,
  readTile,
  takeQueuedEntries,
  updateLedgerLog,
  upsertTiles,
} from '../db/repos/ledger-repo';
import type { UseCaseContext } from '../use-cases/context';

// Tessera's defaults: a batch of at most 256 entries per transaction.
export const MAX_BATCH = 256;

export type IntegrationResult = { sequenced: number; treeSize: number; root: Uint8Array };

/** Hash of any complete subtree, read from tiles; `overlay` holds tiles written earlier in this transaction. */
export const tileNodeReader = (
  db: Executor,
  agencyId: string,
  hasher: Hasher,
  overlay: Map<string, Uint8Array> = new Map(),
) => {
  const cache = new Map<string, Uint8Array>(overlay);
  const read = async (level: number, index: number): Promise<Uint8Array> => {
    const key = `${level}/${index}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const hashes = (await readTile(db, agencyId, level, index)) ?? new Uint8Array();
    cache.set(key, hashes);

    return hashes;
  };

  return (treeLevel: number, index: number) => nodeFromTiles(hasher, read, treeLevel, index);
};

/**
 * The sequencer and integrator of one agency's log (LEDGER-1, LEDGER-2), in one transaction: gives queued
 * entries their positions and chain hashes, extends the C2SP tiles and stores the new root. Because both
 * happen together, the tree never lags the sequence and no checkpoint can cover an entry outside the tree.
 */
export const integrateLedger = async ({
  ctx,
  agencyId,
  maxBatch = MAX_BATCH,
}: {
  ctx: Pick<UseCaseContext, 'db'>;
  agencyId: string;
  maxBatch?: number;
}): Promise<IntegrationResult> =>
  ctx.db.transaction(async (tx) => {
    const log = await lockLedgerLog(tx, agencyId);
    if (!log) throw new Error(`agency ${agencyId} has no ledger log`);
    const hasher = createHasher(log.hashAlgorithm);

    const queued = await takeQueuedEntries(tx, agencyId, maxBatch);
    let chain = log.headChainHash;
    const rows = queued.map((entry, i) => {
      chain = chainHash(hasher, chain, entry.leafHash);

      return {
        agencyId,
        seq: log.size + i,
        id: entry.entryId,
        type: entry.type,
        caseId: entry.caseId,
        actorUserId: entry.actorUserId,
        occurredAt: entry.occurredAt,
        leaf: entry.leaf,
        leafHash: entry.leafHash,
        chainHash: chain,
        payload: entry.payload,
      };
    });
    await insertLedgerEntries(tx, rows);
    await deleteQueuedEntries(
      tx,
      queued.map((q) => q.id),
    );
    const size = log.size + rows.length;

    // Entries sequenced before the tree existed (or by an older version) are integrated here as well.
    const missing = log.treeSize < log.size ? await leafHashesFrom(tx, agencyId, log.treeSize, log.size) : [];
    const leafHashes = [...missing, ...rows.map((r) => r.leafHash)];
    if (leafHashes.length === 0) {
      return { sequenced: 0, treeSize: log.treeSize, root: log.root ?? emptyRoot(hasher) };
    }
    const edges: Tile[] = [];
    for (const edge of rightEdgeTiles(log.treeSize)) {
      const hashes = await readTile(tx, agencyId, edge.level, edge.index);
      if (hashes) edges.push({ level: edge.level, index: edge.index, hashes });
    }
    const changed = appendToTiles({ hasher, size: log.treeSize, edges, leafHashes });
    await upsertTiles(tx, agencyId, changed);
    const overlay = new Map(changed.map((t) => [`${t.level}/${t.index}`, t.hashes]));
    const root = await rootOf(hasher, size, tileNodeReader(tx, agencyId, hasher, overlay));
    await updateLedgerLog(tx, agencyId, { size, headChainHash: chain, treeSize: size, root });

    return { sequenced: rows.length, treeSize: size, root };
  });

/** Runs batches until the agency's queue is empty. */
export const integrateAll = async ({
  ctx,
  agencyId,
}: {
  ctx: Pick<UseCaseContext, 'db'>;
  agencyId: string;
}): Promise<IntegrationResult> => {
  let result = await integrateLedger({ ctx, agencyId });
  while (result.sequenced === MAX_BATCH) result = await integrateLedger({ ctx, agencyId });

  return result;
};
