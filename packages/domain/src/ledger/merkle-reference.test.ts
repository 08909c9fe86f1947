import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHasher } from './hasher';
import { createPortableHasher, emptyRoot, leafHash, nodeHash, toHex, utf8, type Hasher } from './hashing';
import {
  consistencyProof,
  inclusionProof,
  isProofError,
  MemoryTree,
  rootOf,
  verifyConsistency,
  verifyInclusion,
  type ConsistencyInput,
  type InclusionInput,
} from './merkle';

// LEDGER-2: the tree code is checked against a literal transcription of the RFC 9162 §2.1 recursive definitions,
// then fuzzed. The reference caches only complete aligned subtrees, so it stays the plain definition but runs fast.

const sha = createHasher('sha256');

/** Deterministic xorshift32, so every run checks the same trees (the domain lint forbids Math.random). */
const prng = (seed: number) => {
  let x = seed >>> 0 || 1;

  return (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;

    return x;
  };
};

const randomLeafHashes = (count: number, seed: number): Uint8Array[] => {
  const next = prng(seed);
  const all = new Uint8Array(count * 32);
  const view = new DataView(all.buffer);
  for (let i = 0; i < count * 8; i++) view.setUint32(i * 4, next());

  return Array.from({ length: count }, (_, i) => all.subarray(i * 32, (i + 1) * 32));
};

/** RFC 9162 §2.1: largest power of two strictly smaller than n. */
const split = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;

  return k;
};

class Reference {
  /** cache[level][index] = MTH of the complete subtree of 2^level leaves starting at index·2^level. */
  private readonly cache: Uint8Array[][] = [];

  constructor(
    private readonly hasher: Hasher,
    private readonly leaves: readonly Uint8Array[],
  ) {}

  /** MTH(D[start:end]) by the recursive definition. */
  mth(start: number, end: number): Uint8Array {
    const n = end - start;
    if (n === 0) return emptyRoot(this.hasher);
    if (n === 1) return this.leaves[start]!;
    const isComplete = (n & (n - 1)) === 0 && start % n === 0;
    const level = Math.log2(n);
    const cached = isComplete ? this.cache[level]?.[start / n] : undefined;
    if (cached) return cached;
    const k = split(n);
    const hash = nodeHash(this.hasher, this.mth(start, start + k), this.mth(start + k, end));
    if (isComplete) (this.cache[level] ??= [])[start / n] = hash;

    return hash;
  }

  /** PATH(m, D[start:end]). */
  path(m: number, start: number, end: number): Uint8Array[] {
    const n = end - start;
    if (n === 1) return [];
    const k = split(n);

    return m < k
      ? [...this.path(m, start, start + k), this.mth(start + k, end)]
      : [...this.path(m - k, start + k, end), this.mth(start, start + k)];
  }

  /** SUBPROOF(m, D[start:end], b). */
  subproof(m: number, start: number, end: number, b: boolean): Uint8Array[] {
    const n = end - start;
    if (m === n) return b ? [] : [this.mth(start, end)];
    const k = split(n);

    return m <= k
      ? [...this.subproof(m, start, start + k, b), this.mth(start + k, end)]
      : [...this.subproof(m - k, start + k, end, false), this.mth(start, start + k)];
  }
}

/** Which side each inclusion proof hash joins on, leaf upwards: the only thing a verifier learns from (index, size). */
const inclusionShape = (index: number, size: number): string => {
  let shape = '';
  const walk = (m: number, n: number): void => {
    if (n === 1) return;
    const k = split(n);
    if (m < k) walk(m, k);
    else walk(m - k, n - k);
    shape += m < k ? 'R' : 'L';
  };
  walk(index, size);

  return shape;
};

/** Same for consistency proofs: whether root1 seeds the path, then per hash whether it is a left or right sibling. */
const consistencyShape = (size1: number, size2: number): string => {
  let shape = '';
  const walk = (m: number, n: number, b: boolean): void => {
    if (m === n) {
      shape += b ? 'root1:' : 'seed:';
      return;
    }
    const k = split(n);
    if (m <= k) walk(m, k, b);
    else walk(m - k, n - k, false);
    shape += m <= k ? 'R' : 'L';
  };
  walk(size1, size2, true);

  return shape;
};

const isAccepted = (run: () => void): boolean => {
  try {
    run();

    return true;
  } catch (error) {
    if (isProofError(error)) return false;
    throw error;
  }
};

const flipBit = (bytes: Uint8Array, bit: number): Uint8Array => {
  const out = bytes.slice();
  out[Math.floor(bit / 8) % out.length]! ^= 1 << (bit % 8);

  return out;
};

describe('LEDGER-2 Merkle tree against the RFC 9162 recursive reference', () => {
  const leaves = randomLeafHashes(1024, 7);
  const tree = new MemoryTree(sha, leaves);
  const ref = new Reference(sha, leaves);
  const pick = prng(11);

  it('LEDGER-2 every size 0..1024: root, inclusion proofs and consistency proofs equal the reference and verify', async () => {
    for (let size = 0; size <= 1024; size++) {
      const root = ref.mth(0, size);
      expect(toHex(await rootOf(sha, size, tree.node))).toBe(toHex(root));
      expect(toHex(tree.root(size))).toBe(toHex(root));
      if (size === 0) continue;
      const indices = size <= 64 ? Array.from({ length: size }, (_, i) => i) : [0, size - 1, pick() % size];
      for (const index of indices) {
        const proof = await inclusionProof(sha, index, size, tree.node);
        expect(proof.map(toHex)).toEqual(ref.path(index, 0, size).map(toHex));
        verifyInclusion(sha, { index, size, leafHash: leaves[index]!, proof, root });
      }
      const firsts = size <= 64 ? Array.from({ length: size }, (_, i) => i + 1) : [1, size, 1 + (pick() % size)];
      for (const size1 of firsts) {
        const proof = await consistencyProof(sha, size1, size, tree.node);
        expect(proof.map(toHex)).toEqual(ref.subproof(size1, 0, size, true).map(toHex));
        verifyConsistency(sha, { size1, size2: size, proof, root1: ref.mth(0, size1), root2: root });
      }
    }
  });

  it('LEDGER-2 twenty random sizes up to 1,000,000 with sampled indices and old sizes', async () => {
    const big = randomLeafHashes(1_000_000, 99);
    const bigTree = new MemoryTree(sha, big);
    const bigRef = new Reference(sha, big);
    const next = prng(5);
    for (let round = 0; round < 20; round++) {
      const size = 1 + (next() % 1_000_000);
      const root = bigRef.mth(0, size);
      expect(toHex(bigTree.root(size))).toBe(toHex(root));
      expect(toHex(await rootOf(sha, size, bigTree.node))).toBe(toHex(root));
      for (const index of [0, size - 1, next() % size, next() % size]) {
        const proof = await inclusionProof(sha, index, size, bigTree.node);
        expect(proof.map(toHex)).toEqual(bigRef.path(index, 0, size).map(toHex));
        verifyInclusion(sha, { index, size, leafHash: big[index]!, proof, root });
      }
      for (const size1 of [1, size, 1 + (next() % size)]) {
        const proof = await consistencyProof(sha, size1, size, bigTree.node);
        expect(proof.map(toHex)).toEqual(bigRef.subproof(size1, 0, size, true).map(toHex));
        verifyConsistency(sha, { size1, size2: size, proof, root1: bigRef.mth(0, size1), root2: root });
      }
    }
  }, 30_000);
});

describe('LEDGER-2 property tests: tampering with any part of a proof is detected', () => {
  const leaves = randomLeafHashes(300, 3);
  const tree = new MemoryTree(sha, leaves);
  const ref = new Reference(sha, leaves);
  const sizeAndIndex = fc
    .integer({ min: 1, max: 300 })
    .chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 })));
  const sizes = fc
    .integer({ min: 2, max: 300 })
    .chain((size2) => fc.tuple(fc.integer({ min: 1, max: size2 - 1 }), fc.constant(size2)));

  it('LEDGER-2 a generated inclusion proof verifies; any bit flip in leaf, proof or root is rejected', async () => {
    await fc.assert(
      fc.asyncProperty(sizeAndIndex, fc.nat(), async ([size, index], bit) => {
        const proof = await inclusionProof(sha, index, size, tree.node);
        const input = { index, size, leafHash: leaves[index]!, proof, root: ref.mth(0, size) };
        expect(isAccepted(() => verifyInclusion(sha, input))).toBe(true);
        expect(isAccepted(() => verifyInclusion(sha, { ...input, leafHash: flipBit(input.leafHash, bit % 256) }))).toBe(
          false,
        );
        expect(isAccepted(() => verifyInclusion(sha, { ...input, root: flipBit(input.root, bit % 256) }))).toBe(false);
        proof.forEach((_, i) => {
          const bad = proof.map((hash, j) => (i === j ? flipBit(hash, bit % 256) : hash));
          expect(isAccepted(() => verifyInclusion(sha, { ...input, proof: bad }))).toBe(false);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('LEDGER-2 a changed index or size (±1, ×2) is rejected unless it has exactly the same proof shape', async () => {
    await fc.assert(
      fc.asyncProperty(sizeAndIndex, async ([size, index]) => {
        const proof = await inclusionProof(sha, index, size, tree.node);
        const base: InclusionInput & { root: Uint8Array } = {
          index,
          size,
          leafHash: leaves[index]!,
          proof,
          root: ref.mth(0, size),
        };
        const variants: [number, number][] = [
          [index + 1, size],
          [index - 1, size],
          [index * 2, size],
          [index, size + 1],
          [index, size - 1],
          [index, size * 2],
        ];
        for (const [i, n] of variants) {
          if (i < 0 || n < 0 || (i === index && n === size)) continue;
          const isSameShape = i < n && inclusionShape(i, n) === inclusionShape(index, size);
          // The size is only bound by the signed checkpoint; a proof cannot tell apart sizes with the same shape.
          expect(
            isAccepted(() => verifyInclusion(sha, { ...base, index: i, size: n })),
            `${i}/${n}`,
          ).toBe(isSameShape);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('LEDGER-2 truncated, extended and reordered inclusion proofs are rejected', async () => {
    await fc.assert(
      fc.asyncProperty(sizeAndIndex, fc.nat(), async ([size, index], n) => {
        const proof = await inclusionProof(sha, index, size, tree.node);
        const base = { index, size, leafHash: leaves[index]!, root: ref.mth(0, size) };
        const extra = leaves[n % leaves.length]!;
        expect(isAccepted(() => verifyInclusion(sha, { ...base, proof: [...proof, extra] }))).toBe(false);
        expect(isAccepted(() => verifyInclusion(sha, { ...base, proof: [extra, ...proof] }))).toBe(false);
        if (proof.length > 0) {
          expect(isAccepted(() => verifyInclusion(sha, { ...base, proof: proof.slice(1) }))).toBe(false);
          expect(isAccepted(() => verifyInclusion(sha, { ...base, proof: proof.slice(0, -1) }))).toBe(false);
        }
        if (proof.length > 1) {
          const i = n % (proof.length - 1);
          const swapped = [...proof];
          [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
          expect(isAccepted(() => verifyInclusion(sha, { ...base, proof: swapped }))).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('LEDGER-2 a generated consistency proof verifies; any bit flip in proof or either root is rejected', async () => {
    await fc.assert(
      fc.asyncProperty(sizes, fc.nat(), async ([size1, size2], bit) => {
        const proof = await consistencyProof(sha, size1, size2, tree.node);
        const input = { size1, size2, proof, root1: ref.mth(0, size1), root2: ref.mth(0, size2) };
        expect(isAccepted(() => verifyConsistency(sha, input))).toBe(true);
        expect(isAccepted(() => verifyConsistency(sha, { ...input, root1: flipBit(input.root1, bit % 256) }))).toBe(
          false,
        );
        expect(isAccepted(() => verifyConsistency(sha, { ...input, root2: flipBit(input.root2, bit % 256) }))).toBe(
          false,
        );
        proof.forEach((_, i) => {
          const bad = proof.map((hash, j) => (i === j ? flipBit(hash, bit % 256) : hash));
          expect(isAccepted(() => verifyConsistency(sha, { ...input, proof: bad }))).toBe(false);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('LEDGER-2 changed sizes (±1, ×2) are rejected unless the proof shape is identical', async () => {
    await fc.assert(
      fc.asyncProperty(sizes, async ([size1, size2]) => {
        const proof = await consistencyProof(sha, size1, size2, tree.node);
        const base: ConsistencyInput = { size1, size2, proof, root1: ref.mth(0, size1), root2: ref.mth(0, size2) };
        const variants: [number, number][] = [
          [size1 + 1, size2],
          [size1 - 1, size2],
          [size1 * 2, size2],
          [size1, size2 + 1],
          [size1, size2 - 1],
          [size1, size2 * 2],
        ];
        for (const [m, n] of variants) {
          if (m === size1 && n === size2) continue;
          const isSameShape = m > 0 && m < n && consistencyShape(m, n) === consistencyShape(size1, size2);
          expect(
            isAccepted(() => verifyConsistency(sha, { ...base, size1: m, size2: n })),
            `${m}→${n}`,
          ).toBe(isSameShape);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('LEDGER-2 truncated, extended and reordered consistency proofs are rejected', async () => {
    await fc.assert(
      fc.asyncProperty(sizes, fc.nat(), async ([size1, size2], n) => {
        const proof = await consistencyProof(sha, size1, size2, tree.node);
        const base = { size1, size2, root1: ref.mth(0, size1), root2: ref.mth(0, size2) };
        const extra = leaves[n % leaves.length]!;
        expect(isAccepted(() => verifyConsistency(sha, { ...base, proof: [...proof, extra] }))).toBe(false);
        expect(isAccepted(() => verifyConsistency(sha, { ...base, proof: [extra, ...proof] }))).toBe(false);
        expect(isAccepted(() => verifyConsistency(sha, { ...base, proof: proof.slice(1) }))).toBe(false);
        expect(isAccepted(() => verifyConsistency(sha, { ...base, proof: proof.slice(0, -1) }))).toBe(false);
        if (proof.length > 1) {
          const i = n % (proof.length - 1);
          const swapped = [...proof];
          [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
          expect(isAccepted(() => verifyConsistency(sha, { ...base, proof: swapped }))).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('LEDGER-2 SM3 trees (GB/T 32905)', () => {
  it('LEDGER-2 SM3 known answer: SM3("abc") from GB/T 32905-2016 Annex A', () => {
    const expected = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
    expect(toHex(createPortableHasher('sm3').hash(utf8('abc')))).toBe(expected);
    expect(toHex(createHasher('sm3').hash(utf8('abc')))).toBe(expected);
    expect(toHex(createHasher('sm3').hash(utf8('a'), utf8('bc')))).toBe(expected);
  });

  it('LEDGER-2 the same tree code over the portable and the node:crypto SM3 hashers gives identical roots and proofs', async () => {
    const portable = createPortableHasher('sm3');
    const native = createHasher('sm3');
    const leaves = Array.from({ length: 77 }, (_, i) => utf8(`entry ${i}`));
    const a = new MemoryTree(
      portable,
      leaves.map((leaf) => leafHash(portable, leaf)),
    );
    const b = new MemoryTree(
      native,
      leaves.map((leaf) => leafHash(native, leaf)),
    );
    const shaTree = new MemoryTree(
      sha,
      leaves.map((leaf) => leafHash(sha, leaf)),
    );
    for (let size = 1; size <= 77; size++) {
      expect(toHex(a.root(size))).toBe(toHex(b.root(size)));
      expect(toHex(a.root(size))).not.toBe(toHex(shaTree.root(size)));
      const index = (size * 7 + 3) % size;
      const proofA = await inclusionProof(portable, index, size, a.node);
      expect(proofA.map(toHex)).toEqual((await inclusionProof(native, index, size, b.node)).map(toHex));
      verifyInclusion(native, { index, size, leafHash: b.node(0, index), proof: proofA, root: a.root(size) });
      const cons = await consistencyProof(portable, Math.ceil(size / 3), size, a.node);
      verifyConsistency(native, {
        size1: Math.ceil(size / 3),
        size2: size,
        proof: cons,
        root1: b.root(Math.ceil(size / 3)),
        root2: b.root(size),
      });
      expect(
        isAccepted(() =>
          verifyInclusion(sha, { index, size, leafHash: b.node(0, index), proof: proofA, root: a.root(size) }),
        ),
      ).toBe(size === 1);
    }
    expect(toHex(emptyRoot(portable))).toBe(toHex(emptyRoot(native)));
  });
});
