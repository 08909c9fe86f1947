import {
  appendToTiles,
  chainHash,
  createHasher,
  emptyRoot,
  nodeFromTiles,
  rightEdgeTiles,
  rootOf,
  HASH_SIZE,
  TILE_HEIGHT,
  TILE_WIDTH,
  type Hasher,
  type Tile,
} from '@liuhen/domain';
import type { Executor } from '../db/client';
import {
  leafHashesFrom,
  lockLedgerLog,
  readTile,
  sequenceQueuedEntries,
  takeQueuedHashes,
  updateLedgerLog,
  upsertTiles,
} from '../db/repos/ledger-repo';
import type { UseCaseContext } from '../use-cases/context';

// Tessera's defaults: a batch of at most 256 entries per transaction.
export const MAX_BATCH = 256;

export type IntegrationResult = { sequenced: number; treeSize: number; root: Uint8Array };

/** A map that forgets its oldest key beyond `limit` entries. */
const boundedCache = (limit: number) => {
  const map = new Map<string, Uint8Array>();

  return {
    get: (key: string) => map.get(key),
    has: (key: string) => map.has(key),
    set: (key: string, value: Uint8Array) => {
      map.set(key, value);
      if (map.size > limit) map.delete(map.keys().next().value!);
    },
  };
};

// Full tiles never change (a trigger freezes them), so they are kept across requests: most proof reads then
// touch the database only for the partial tiles at the right edge. 4,096 tiles are 32 MiB.
const FULL_TILE_BYTES = TILE_WIDTH * HASH_SIZE;
const fullTiles = boundedCache(4096);
// Subtree hashes inside full tiles are as immutable as the tiles, so proofs reuse them instead of rehashing.
const fullNodes = boundedCache(262_144);

/** Hash of any complete subtree, read from tiles; `overlay` holds tiles written earlier in this transaction. */
export const tileNodeReader = (
  db: Executor,
  agencyId: string,
  hasher: Hasher,
  overlay: Map<string, Uint8Array> = new Map(),
) => {
  const local = new Map<string, Uint8Array>(overlay);
  const read = async (level: number, index: number): Promise<Uint8Array> => {
    const key = `${agencyId}/${level}/${index}`;
    const cached = local.get(`${level}/${index}`) ?? fullTiles.get(key);
    if (cached) return cached;
    const hashes = (await readTile(db, agencyId, level, index)) ?? new Uint8Array();
    local.set(`${level}/${index}`, hashes);
    if (hashes.length === FULL_TILE_BYTES) fullTiles.set(key, hashes);

    return hashes;
  };

  return async (treeLevel: number, index: number): Promise<Uint8Array> => {
    const key = `${agencyId}/${treeLevel}/${index}`;
    const known = fullNodes.get(key);
    if (known) return known;
    const node = await nodeFromTiles(hasher, read, treeLevel, index);
    const tileLevel = Math.floor(treeLevel / TILE_HEIGHT);
    const first = index * 2 ** (treeLevel - tileLevel * TILE_HEIGHT);
    if (fullTiles.has(`${agencyId}/${tileLevel}/${Math.floor(first / TILE_WIDTH)}`)) fullNodes.set(key, node);

    return node;
  };
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

    const queued = await takeQueuedHashes(tx, agencyId, maxBatch);
    let chain = log.headChainHash;
    const rows = queued.map((entry, i) => {
      chain = chainHash(hasher, chain, entry.leafHash);

      return { queueId: entry.id, seq: log.size + i, chainHash: chain, leafHash: entry.leafHash };
    });
    await sequenceQueuedEntries(tx, rows);
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

/**
 * Up to this many entries per transaction while a backlog drains: on the single-connection embedded database each
 * transaction waits its turn behind every writer, so catching up 256 at a time would never catch up.
 */
export const CATCH_UP_BATCH = 16 * MAX_BATCH;

/** Runs batches until the agency's queue is empty. */
export const integrateAll = async ({
  ctx,
  agencyId,
  maxBatch = MAX_BATCH,
}: {
  ctx: Pick<UseCaseContext, 'db'>;
  agencyId: string;
  maxBatch?: number;
}): Promise<IntegrationResult> => {
  let result = await integrateLedger({ ctx, agencyId, maxBatch });
  while (result.sequenced === maxBatch) result = await integrateLedger({ ctx, agencyId, maxBatch });

  return result;
};
