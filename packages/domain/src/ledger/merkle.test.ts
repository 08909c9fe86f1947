import { describe, expect, it } from 'vitest';
import { createHasher } from './hasher';
import { emptyRoot, leafHash, toHex, utf8 } from './hashing';
import {
  completeSubtrees,
  consistencyProof,
  consistencyProofLength,
  inclusionProof,
  inclusionProofLength,
  isValidSubtree,
  MemoryTree,
  ProofError,
  rootFromInclusionProof,
  rootOf,
  subtreeConsistencyProof,
  verifyConsistency,
  verifyInclusion,
  type NodeReader,
} from './merkle';

const sha = createHasher('sha256');
const leaves = (count: number): Uint8Array[] =>
  Array.from({ length: count }, (_, i) => leafHash(sha, utf8(`leaf ${i}`)));

/** Wraps a reader so the test can see every node asked for. */
const spy = (tree: MemoryTree) => {
  const calls: [number, number][] = [];
  const read: NodeReader = async (level, index) => {
    calls.push([level, index]);

    return tree.node(level, index);
  };

  return { calls, read };
};

describe('LEDGER-2 MemoryTree', () => {
  it('LEDGER-2 keeps every complete subtree and computes roots of any prefix', () => {
    const tree = new MemoryTree(sha, leaves(13));
    expect(tree.size).toBe(13);
    expect(tree.root(0)).toEqual(emptyRoot(sha));
    expect(tree.root(1)).toEqual(tree.node(0, 0));
    expect(tree.root(8)).toEqual(tree.node(3, 0));
    expect(() => tree.node(2, 3)).toThrow(RangeError);
    expect(() => tree.node(4, 0)).toThrow(RangeError);
    expect(() => tree.root(14)).toThrow(RangeError);
  });

  it('LEDGER-2 hands out copies, so callers cannot alter the tree', () => {
    const tree = new MemoryTree(sha, leaves(4));
    const before = toHex(tree.root());
    tree.node(0, 1).fill(0);
    tree.root(4).fill(0);
    expect(toHex(tree.root())).toBe(before);
  });

  it('LEDGER-2 truncates without rehashing and grows again to the same roots', () => {
    const all = leaves(40);
    const tree = new MemoryTree(sha, all);
    const roots = Array.from({ length: 41 }, (_, n) => toHex(tree.root(n)));
    tree.truncate(17);
    expect(tree.size).toBe(17);
    expect(() => tree.node(4, 1)).toThrow(RangeError);
    for (const hash of all.slice(17)) tree.append(hash);
    expect(Array.from({ length: 41 }, (_, n) => toHex(tree.root(n)))).toEqual(roots);
  });

  it('LEDGER-2 refuses leaf hashes of the wrong length', () => {
    expect(() => new MemoryTree(sha, [new Uint8Array(31)])).toThrow(RangeError);
  });
});

describe('LEDGER-2 proof generation reads only complete subtrees, O(log n) times', () => {
  const tree = new MemoryTree(sha, leaves(1000));
  const isComplete = ([level, index]: [number, number], size: number): boolean => (index + 1) * 2 ** level <= size;

  it('LEDGER-2 inclusion and consistency proofs for every size up to 1000', async () => {
    for (const size of [1, 2, 3, 5, 8, 13, 100, 255, 256, 257, 511, 999, 1000]) {
      const bound = 2 * Math.ceil(Math.log2(size + 1)) + 2;
      for (const index of [0, Math.floor(size / 2), size - 1]) {
        const { calls, read } = spy(tree);
        await inclusionProof(sha, index, size, read);
        expect(calls.every((call) => isComplete(call, size))).toBe(true);
        expect(calls.length).toBeLessThanOrEqual(bound);
      }
      for (const size1 of [1, Math.ceil(size / 3), size]) {
        const { calls, read } = spy(tree);
        await consistencyProof(sha, size1, size, read);
        expect(calls.every((call) => isComplete(call, size))).toBe(true);
        expect(calls.length).toBeLessThanOrEqual(bound + 1);
      }
      const { calls, read } = spy(tree);
      expect(await rootOf(sha, size, read)).toEqual(tree.root(size));
      expect(calls.length).toBe(size.toString(2).replace(/0/g, '').length);
    }
  });

  it('LEDGER-2 rejects impossible requests instead of guessing', async () => {
    await expect(inclusionProof(sha, 5, 5, tree.node)).rejects.toThrow(RangeError);
    await expect(consistencyProof(sha, 0, 5, tree.node)).rejects.toThrow(RangeError);
    await expect(consistencyProof(sha, 6, 5, tree.node)).rejects.toThrow(RangeError);
    await expect(subtreeConsistencyProof(sha, 3, 5, 8, tree.node)).rejects.toThrow(RangeError);
    await expect(rootOf(sha, 3, () => new Uint8Array(3))).rejects.toThrow(/3 bytes/);
    expect(await consistencyProof(sha, 7, 7, tree.node)).toEqual([]);
  });

  it('LEDGER-2 decomposes valid subtrees into aligned complete subtrees', () => {
    expect(completeSubtrees(0, 13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(completeSubtrees(8, 13)).toEqual([
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(isValidSubtree(7, 9)).toBe(false);
    expect(isValidSubtree(4, 8)).toBe(true);
    expect(isValidSubtree(7, 7)).toBe(true);
    expect(isValidSubtree(5, 4)).toBe(false);
  });
});

describe('LEDGER-2 proof verification errors', () => {
  const tree = new MemoryTree(sha, leaves(21));

  it('LEDGER-2 names the failure in English and Chinese', async () => {
    const proof = await inclusionProof(sha, 4, 21, tree.node);
    const input = { index: 4, size: 21, leafHash: tree.node(0, 4), proof, root: tree.root() };
    expect(rootFromInclusionProof(sha, input)).toEqual(tree.root());
    const failure = (run: () => void): ProofError => {
      try {
        run();
      } catch (error) {
        if (error instanceof ProofError) return error;
      }
      throw new Error('expected a ProofError');
    };
    const short = failure(() => verifyInclusion(sha, { ...input, proof: proof.slice(1) }));
    expect(short.code).toBe('proof-length');
    expect(short.reason).toBe(`inclusion proof has ${proof.length - 1} hashes, expected ${proof.length}`);
    expect(short.zh).toContain('包含证明');
    expect(failure(() => verifyInclusion(sha, { ...input, index: -1 })).code).toBe('invalid-number');
    expect(failure(() => verifyInclusion(sha, { ...input, index: (2 ** 64) as number })).code).toBe('invalid-number');
    expect(failure(() => verifyInclusion(sha, { ...input, index: 1n << 64n })).code).toBe('invalid-number');
    expect(failure(() => verifyInclusion(sha, { ...input, proof: [...proof.slice(1), new Uint8Array(33)] })).code).toBe(
      'proof-hash-length',
    );
    const cons = await consistencyProof(sha, 6, 21, tree.node);
    const wrong = failure(() =>
      verifyConsistency(sha, { size1: 6, size2: 21, proof: cons, root1: tree.root(6), root2: tree.root(20) }),
    );
    expect(wrong.code).toBe('root2-mismatch');
    expect(wrong.zh).toContain('新树根');
  });

  it('LEDGER-2 expected proof lengths match generated proofs', async () => {
    for (let size = 1; size <= 21; size++) {
      for (let index = 0; index < size; index++) {
        expect((await inclusionProof(sha, index, size, tree.node)).length).toBe(inclusionProofLength(index, size));
      }
      for (let size1 = 1; size1 < size; size1++) {
        expect((await consistencyProof(sha, size1, size, tree.node)).length).toBe(consistencyProofLength(size1, size));
      }
    }
    expect(inclusionProofLength(0n, (1n << 64n) - 1n)).toBe(64);
  });
});
