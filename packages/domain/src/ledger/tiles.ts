import { concatBytes, HASH_SIZE, nodeHash, type Hasher } from './hashing';

// C2SP tlog-tiles: a tile at level L holds up to 256 hashes of tree level 8·L, so a million entries take
// about 4,000 rows and any proof reads at most two tiles per level.
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;

export type Tile = { level: number; index: number; hashes: Uint8Array };

export const tileWidth = (tile: Tile): number => tile.hashes.length / HASH_SIZE;

const hashAt = (hashes: Uint8Array, i: number): Uint8Array => hashes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);

/** Hashes `count` (a power of two) consecutive stored hashes, starting at `offset`, up to their subtree root. */
export const subtreeFromHashes = (hasher: Hasher, hashes: Uint8Array, offset: number, count: number): Uint8Array => {
  let row: Uint8Array[] = Array.from({ length: count }, (_, i) => hashAt(hashes, offset + i));
  while (row.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < row.length; i += 2) next.push(nodeHash(hasher, row[i]!, row[i + 1]!));
    row = next;
  }

  return row[0]!;
};

/** Number of complete hashes stored at tile level `level` for a tree of `size` leaves. */
export const storedCount = (size: number, level: number): number => Math.floor(size / TILE_WIDTH ** level);

/** The partial tile at the right edge of each level, which appending extends; full tiles never change. */
export const rightEdgeTiles = (size: number): { level: number; index: number; width: number }[] => {
  const edges: { level: number; index: number; width: number }[] = [];
  for (let level = 0; storedCount(size, level) > 0; level++) {
    const count = storedCount(size, level);
    if (count % TILE_WIDTH > 0) edges.push({ level, index: Math.floor(count / TILE_WIDTH), width: count % TILE_WIDTH });
  }

  return edges;
};

/**
 * Appends leaf hashes to a tree of `size` leaves and returns every tile that changed, full or partial.
 * `edges` must hold the current partial tile of each level (see rightEdgeTiles).
 */
export const appendToTiles = (options: {
  hasher: Hasher;
  size: number;
  edges: readonly Tile[];
  leafHashes: readonly Uint8Array[];
}): Tile[] => {
  const { hasher, size } = options;
  const changed: Tile[] = [];
  let pending: Uint8Array[] = [...options.leafHashes];
  for (let level = 0; pending.length > 0; level++) {
    const count = storedCount(size, level);
    let index = Math.floor(count / TILE_WIDTH);
    const edge = options.edges.find((t) => t.level === level && t.index === index);
    const expectedWidth = count % TILE_WIDTH;
    if ((edge ? tileWidth(edge) : 0) !== expectedWidth) {
      throw new Error(`tile ${level}/${index} should hold ${expectedWidth} hashes`);
    }
    let current: Uint8Array[] = edge ? Array.from({ length: expectedWidth }, (_, i) => hashAt(edge.hashes, i)) : [];
    const completedRoots: Uint8Array[] = [];
    for (const hash of pending) {
      current.push(hash);
      if (current.length === TILE_WIDTH) {
        const full = concatBytes(...current);
        changed.push({ level, index, hashes: full });
        completedRoots.push(subtreeFromHashes(hasher, full, 0, TILE_WIDTH));
        current = [];
        index += 1;
      }
    }
    if (current.length > 0) changed.push({ level, index, hashes: concatBytes(...current) });
    pending = completedRoots;
  }

  return changed;
};

export type TileReader = (level: number, index: number) => Promise<Uint8Array>;

/**
 * Reads the hash of the complete subtree (treeLevel, index) from tiles: the node lies inside one tile,
 * among the stored hashes of tile level floor(treeLevel / 8), and is hashed up from there.
 */
export const nodeFromTiles = async (
  hasher: Hasher,
  readTile: TileReader,
  treeLevel: number,
  index: number,
): Promise<Uint8Array> => {
  const tileLevel = Math.floor(treeLevel / TILE_HEIGHT);
  const height = treeLevel - tileLevel * TILE_HEIGHT;
  const count = 2 ** height;
  const first = index * count;
  const tileIndex = Math.floor(first / TILE_WIDTH);
  const offset = first % TILE_WIDTH;
  const hashes = await readTile(tileLevel, tileIndex);
  if ((offset + count) * HASH_SIZE > hashes.length) {
    throw new Error(`node ${treeLevel}/${index} is not complete in tile ${tileLevel}/${tileIndex}`);
  }

  return count === 1 ? hashAt(hashes, offset).slice() : subtreeFromHashes(hasher, hashes, offset, count);
};
