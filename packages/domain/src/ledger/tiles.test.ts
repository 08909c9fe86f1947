import { describe, expect, it } from 'vitest';
import { createHasher } from './hasher';
import { emptyRoot, leafHash, nodeHash, toHex, type Hasher } from './hashing';
import { appendToTiles, nodeFromTiles, rightEdgeTiles, TILE_WIDTH, type Tile } from './tiles';

const hasher = createHasher('sha256');

// RFC 6962 §2.1 MTH, written recursively as the RFC states it.
const mth = (h: Hasher, leaves: Uint8Array[]): Uint8Array => {
  if (leaves.length === 0) return emptyRoot(h);
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;

  return nodeHash(h, mth(h, leaves.slice(0, k)), mth(h, leaves.slice(k)));
};

const leafHashes = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => leafHash(hasher, new TextEncoder().encode(`entry ${from + i}`)));

class TileStore {
  tiles = new Map<string, Uint8Array>();
  size = 0;

  append(hashes: Uint8Array[]) {
    const edges: Tile[] = rightEdgeTiles(this.size).map((e) => ({
      level: e.level,
      index: e.index,
      hashes: this.tiles.get(`${e.level}/${e.index}`)!,
    }));
    const changed = appendToTiles({ hasher, size: this.size, edges, leafHashes: hashes });
    for (const tile of changed) {
      const old = this.tiles.get(`${tile.level}/${tile.index}`);
      // Full tiles are frozen and partial ones only grow: what was stored stays a prefix (LEDGER-1).
      if (old) expect(toHex(tile.hashes).startsWith(toHex(old))).toBe(true);
      this.tiles.set(`${tile.level}/${tile.index}`, tile.hashes);
    }
    this.size += hashes.length;

    return changed;
  }

  read = async (level: number, index: number) => this.tiles.get(`${level}/${index}`) ?? new Uint8Array();
}

describe('C2SP tiles (LEDGER-2)', () => {
  it('hold the same complete subtrees as the RFC 6962 tree, appended in any batch sizes', async () => {
    const all = leafHashes(70_000);
    const store = new TileStore();
    const batches = [1, 255, 1, 256, 3000, 7, 65536 - 3520, 1000];
    let at = 0;
    for (const n of batches) {
      store.append(all.slice(at, at + n));
      at += n;
    }
    store.append(all.slice(at));
    expect(store.size).toBe(70_000);
    // Every tile row at every level, against hashes computed from scratch.
    for (const [level, treeLevel] of [
      [0, 0],
      [1, 8],
      [2, 16],
    ] as const) {
      const span = 2 ** treeLevel;
      const complete = Math.floor(70_000 / span);
      for (let j = 0; j < complete; j += Math.max(1, Math.floor(complete / 50))) {
        const node = await nodeFromTiles(hasher, store.read, treeLevel, j);
        expect(toHex(node)).toBe(toHex(mth(hasher, all.slice(j * span, (j + 1) * span))));
      }
      expect(store.tiles.has(`${level}/${Math.floor(complete / TILE_WIDTH)}`) || complete % TILE_WIDTH === 0).toBe(
        true,
      );
    }
  });

  it('reads nodes at every height inside a tile', async () => {
    const all = leafHashes(1024);
    const store = new TileStore();
    store.append(all);
    for (let height = 0; height <= 10; height++) {
      const span = 2 ** height;
      for (let j = 0; j < 1024 / span; j += Math.max(1, 1024 / span / 8)) {
        expect(toHex(await nodeFromTiles(hasher, store.read, height, j))).toBe(
          toHex(mth(hasher, all.slice(j * span, (j + 1) * span))),
        );
      }
    }
  });

  it('refuses to read a node that is not complete yet', async () => {
    const store = new TileStore();
    store.append(leafHashes(300));
    await expect(nodeFromTiles(hasher, store.read, 8, 1)).rejects.toThrow(/not complete/);
  });

  it('names the partial tiles at the right edge', () => {
    expect(rightEdgeTiles(0)).toEqual([]);
    expect(rightEdgeTiles(256)).toEqual([{ level: 1, index: 0, width: 1 }]);
    expect(rightEdgeTiles(70_000)).toEqual([
      { level: 0, index: 273, width: 112 },
      { level: 1, index: 1, width: 17 },
      { level: 2, index: 0, width: 1 },
    ]);
  });
});
