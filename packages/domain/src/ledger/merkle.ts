import { bytesEqual, emptyRoot, HASH_SIZE, nodeHash, type Hasher } from './hashing';

// RFC 9162 §2.1 (= RFC 6962 §2.1) Merkle tree hash, inclusion and consistency proofs, generic over the hash.
// Browser-safe: the web client verifies proofs with this module.

/**
 * Returns the hash of the complete subtree covering leaves [index·2^level, (index+1)·2^level);
 * level 0 is the leaf hashes. Only ever called for subtrees that are complete in the tree at hand.
 */
export type NodeReader = (level: number, index: number) => Uint8Array | Promise<Uint8Array>;

/** A tree size or leaf index; bigint because valid inputs reach 2^64 − 1 (RFC 9162 uses uint64). */
export type TreeNumber = number | bigint;

export type ProofErrorCode =
  | 'invalid-number'
  | 'index-out-of-range'
  | 'leaf-hash-length'
  | 'root-length'
  | 'proof-hash-length'
  | 'proof-length'
  | 'root-mismatch'
  | 'size-order'
  | 'empty-first-tree'
  | 'proof-not-empty'
  | 'proof-empty'
  | 'root1-mismatch'
  | 'root2-mismatch';

export class ProofError extends Error {
  readonly code: ProofErrorCode;
  readonly reason: string;
  readonly zh: string;

  constructor(code: ProofErrorCode, reason: string, zh: string) {
    super(reason);
    this.name = 'ProofError';
    this.code = code;
    this.reason = reason;
    this.zh = zh;
  }
}

export const isProofError = (error: unknown): error is ProofError => error instanceof ProofError;

const assertSafeCount = (value: number, what: string): void => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative safe integer`);
};

/** Largest power of two strictly below n (n ≥ 2): the RFC 9162 split point k. */
const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;

  return k;
};

const bitCeil = (n: number): number => {
  let k = 1;
  while (k < n) k *= 2;

  return k;
};

/**
 * A subtree [start, end) is valid when it can be hashed from complete aligned subtrees: start is 0, the range is
 * empty, or start is a multiple of bitCeil(end − start) (draft-ietf-plants-merkle-tree-certs §4.1).
 */
export const isValidSubtree = (start: number, end: number): boolean =>
  Number.isSafeInteger(start) &&
  Number.isSafeInteger(end) &&
  start >= 0 &&
  start <= end &&
  (start === 0 || start === end || start % bitCeil(end - start) === 0);

const assertSubtree = (start: number, end: number): void => {
  if (!isValidSubtree(start, end)) throw new RangeError(`[${start}, ${end}) is not a valid subtree`);
};

/** Complete aligned subtrees covering a valid subtree range, left to right (largest first). */
export const completeSubtrees = (start: number, end: number): { level: number; index: number }[] => {
  assertSubtree(start, end);
  const parts: { level: number; index: number }[] = [];
  let width = 1;
  let level = 0;
  while (width * 2 <= end - start) {
    width *= 2;
    level += 1;
  }
  let offset = start;
  for (; width >= 1 && offset < end; width /= 2, level -= 1) {
    if (end - offset >= width) {
      parts.push({ level, index: offset / width });
      offset += width;
    }
  }

  return parts;
};

/** RFC 9162 MTH of a range from its complete subtrees: fold right to left, as the left-balanced tree does. */
const foldFromRight = (hasher: Hasher, hashes: readonly Uint8Array[]): Uint8Array => {
  let acc = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) acc = nodeHash(hasher, hashes[i]!, acc);

  return acc;
};

const readNode = async (read: NodeReader, level: number, index: number): Promise<Uint8Array> => {
  const hash = await read(level, index);
  if (!(hash instanceof Uint8Array) || hash.length !== HASH_SIZE) {
    throw new Error(`node reader returned ${hash?.length ?? 'no'} bytes for node ${level}/${index}`);
  }

  return hash;
};

/** MTH(D[start:end]) of a valid subtree; the empty range hashes to the empty-tree root. */
export const subtreeRoot = async (
  hasher: Hasher,
  start: number,
  end: number,
  read: NodeReader,
): Promise<Uint8Array> => {
  if (start === end) return emptyRoot(hasher);
  const hashes: Uint8Array[] = [];
  for (const { level, index } of completeSubtrees(start, end)) hashes.push(await readNode(read, level, index));

  return foldFromRight(hasher, hashes);
};

/** MTH(D[0:size]) (RFC 9162 §2.1.1), read only from complete subtrees. */
export const rootOf = async (hasher: Hasher, size: number, read: NodeReader): Promise<Uint8Array> => {
  assertSafeCount(size, 'size');

  return subtreeRoot(hasher, 0, size, read);
};

/** PATH(index − start, D[start:end]): the inclusion proof of a leaf in a valid subtree, leaf sibling first. */
export const subtreeInclusionProof = async (
  hasher: Hasher,
  index: number,
  start: number,
  end: number,
  read: NodeReader,
): Promise<Uint8Array[]> => {
  assertSubtree(start, end);
  if (!Number.isSafeInteger(index) || index < start || index >= end) {
    throw new RangeError(`index ${index} is outside [${start}, ${end})`);
  }
  const siblings: [number, number][] = [];
  let lo = start;
  let hi = end;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      siblings.push([lo + k, hi]);
      hi = lo + k;
    } else {
      siblings.push([lo, lo + k]);
      lo += k;
    }
  }
  const proof: Uint8Array[] = [];
  for (let i = siblings.length - 1; i >= 0; i--) {
    const [from, to] = siblings[i]!;
    proof.push(await subtreeRoot(hasher, from, to, read));
  }

  return proof;
};

/** RFC 9162 §2.1.3.1 PATH(index, D[0:size]). */
export const inclusionProof = async (
  hasher: Hasher,
  index: number,
  size: number,
  read: NodeReader,
): Promise<Uint8Array[]> => {
  assertSafeCount(size, 'size');

  return subtreeInclusionProof(hasher, index, 0, size, read);
};

/**
 * Consistency proof of the valid subtree [start, end) with the tree of `size` leaves; for start = 0 this is
 * RFC 9162 §2.1.4.1 SUBPROOF(end, D[0:size], true), otherwise the subtree consistency proof of
 * draft-ietf-plants-merkle-tree-certs §4.4. An empty subtree has an empty proof.
 */
export const subtreeConsistencyProof = async (
  hasher: Hasher,
  start: number,
  end: number,
  size: number,
  read: NodeReader,
): Promise<Uint8Array[]> => {
  assertSubtree(start, end);
  assertSafeCount(size, 'size');
  if (end > size) throw new RangeError(`subtree [${start}, ${end}) lies beyond tree size ${size}`);
  if (start === end) return [];
  const ranges: [number, number][] = [];
  let lo = 0;
  let hi = size;
  let from = start;
  let isKnown = true;
  for (;;) {
    if (from === lo && end === hi) {
      if (!isKnown) ranges.push([lo, hi]);
      break;
    }
    const k = splitPoint(hi - lo);
    if (end <= lo + k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else if (from >= lo + k) {
      ranges.push([lo, lo + k]);
      lo += k;
    } else {
      // A valid subtree straddling the split starts at the left edge, so only a prefix of the right half remains.
      if (from !== lo) throw new RangeError(`[${start}, ${end}) is not a valid subtree`);
      ranges.push([lo, lo + k]);
      lo += k;
      from = lo;
      isKnown = false;
    }
  }
  const proof: Uint8Array[] = [];
  for (let i = ranges.length - 1; i >= 0; i--) {
    const [a, b] = ranges[i]!;
    proof.push(await subtreeRoot(hasher, a, b, read));
  }

  return proof;
};

/** RFC 9162 §2.1.4.1 PROOF(size1, D[0:size2]) for 0 < size1 ≤ size2 (empty when the sizes are equal). */
export const consistencyProof = async (
  hasher: Hasher,
  size1: number,
  size2: number,
  read: NodeReader,
): Promise<Uint8Array[]> => {
  assertSafeCount(size1, 'size1');
  assertSafeCount(size2, 'size2');
  if (size1 === 0 || size1 > size2) throw new RangeError(`no consistency proof from size ${size1} to ${size2}`);

  return subtreeConsistencyProof(hasher, 0, size1, size2, read);
};

// ---- verification (RFC 9162 §2.1.3.2 and §2.1.4.2), synchronous and pure ----

const toBig = (value: TreeNumber, what: string): bigint => {
  if (typeof value === 'bigint') {
    if (value < 0n || value >= 1n << 64n) {
      throw new ProofError('invalid-number', `${what} ${value} is not a uint64`, `${what} 不是合法的无符号整数`);
    }

    return value;
  }
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ProofError('invalid-number', `${what} ${value} is not a non-negative integer`, `${what} 不是非负整数`);
  }

  return BigInt(value);
};

const bitLength = (value: bigint): number => value.toString(2).replace(/^0+/, '').length;

const popCount = (value: bigint): number => value.toString(2).replace(/0/g, '').length;

const trailingZeros = (value: bigint): number => {
  let count = 0;
  for (let v = value; v > 0n && (v & 1n) === 0n; v >>= 1n) count += 1;

  return count;
};

/** Expected RFC 9162 inclusion proof length for index < size (used in error messages). */
export const inclusionProofLength = (index: TreeNumber, size: TreeNumber): number => {
  const i = toBig(index, 'index');
  const n = toBig(size, 'size');
  if (i >= n) throw new RangeError('index must be below size');
  const inner = bitLength(i ^ (n - 1n));

  return inner + popCount(i >> BigInt(inner));
};

/** Expected RFC 9162 consistency proof length for 0 < size1 < size2 (used in error messages). */
export const consistencyProofLength = (size1: TreeNumber, size2: TreeNumber): number => {
  const m = toBig(size1, 'size1');
  const n = toBig(size2, 'size2');
  if (m === 0n || m >= n) throw new RangeError('need 0 < size1 < size2');
  const inner = bitLength((m - 1n) ^ (n - 1n));
  const border = popCount((m - 1n) >> BigInt(inner));
  const shift = trailingZeros(m);

  return (m === 1n << BigInt(shift) ? 0 : 1) + inner - shift + border;
};

const countHashes = (count: number): string => `${count} hash${count === 1 ? '' : 'es'}`;

const checkHashLength = (hash: Uint8Array, code: ProofErrorCode, what: string, zh: string): void => {
  if (!(hash instanceof Uint8Array) || hash.length !== HASH_SIZE) {
    throw new ProofError(
      code,
      `${what} is ${hash?.length ?? 0} bytes, expected ${HASH_SIZE}`,
      `${zh}长度为 ${hash?.length ?? 0} 字节，应为 ${HASH_SIZE} 字节`,
    );
  }
};

const checkProofHashes = (proof: readonly Uint8Array[]): void => {
  proof.forEach((hash, i) => checkHashLength(hash, 'proof-hash-length', `proof hash ${i}`, `证明第 ${i + 1} 个哈希`));
};

export type InclusionInput = {
  index: TreeNumber;
  size: TreeNumber;
  leafHash: Uint8Array;
  proof: readonly Uint8Array[];
};

/** RFC 9162 §2.1.3.2 steps 1–4: the root implied by an inclusion proof; throws ProofError if malformed. */
export const rootFromInclusionProof = (hasher: Hasher, input: InclusionInput): Uint8Array => {
  const index = toBig(input.index, 'index');
  const size = toBig(input.size, 'size');
  if (index >= size) {
    throw new ProofError(
      'index-out-of-range',
      `index ${index} is not below tree size ${size}`,
      `叶序号 ${index} 超出树大小 ${size}`,
    );
  }
  checkHashLength(input.leafHash, 'leaf-hash-length', 'leaf hash', '叶哈希');
  checkProofHashes(input.proof);
  const wrongLength = (): ProofError =>
    new ProofError(
      'proof-length',
      `inclusion proof has ${countHashes(input.proof.length)}, expected ${inclusionProofLength(index, size)}`,
      `包含证明有 ${input.proof.length} 个哈希，应为 ${inclusionProofLength(index, size)} 个`,
    );
  let fn = index;
  let sn = size - 1n;
  let r = input.leafHash;
  for (const p of input.proof) {
    if (sn === 0n) throw wrongLength();
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(hasher, p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(hasher, r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) throw wrongLength();

  return r;
};

/** RFC 9162 §2.1.3.2: throws ProofError unless `proof` proves `leafHash` at `index` in the tree `root` of `size`. */
export const verifyInclusion = (hasher: Hasher, input: InclusionInput & { root: Uint8Array }): void => {
  const computed = rootFromInclusionProof(hasher, input);
  checkHashLength(input.root, 'root-length', 'root hash', '树根哈希');
  if (!bytesEqual(computed, input.root)) {
    throw new ProofError(
      'root-mismatch',
      'inclusion proof does not lead to the expected root hash',
      '包含证明推导出的树根与预期不符',
    );
  }
};

export type ConsistencyInput = {
  size1: TreeNumber;
  size2: TreeNumber;
  proof: readonly Uint8Array[];
  root1: Uint8Array;
  root2: Uint8Array;
};

/**
 * RFC 9162 §2.1.4.2 with the transparency-dev/merkle edge policy: size1 > size2 and size1 = 0 are rejected, and
 * equal sizes need an empty proof and byte-equal roots. Throws ProofError on any failure.
 */
export const verifyConsistency = (hasher: Hasher, input: ConsistencyInput): void => {
  const size1 = toBig(input.size1, 'size1');
  const size2 = toBig(input.size2, 'size2');
  const { proof, root1, root2 } = input;
  if (size1 > size2) {
    throw new ProofError(
      'size-order',
      `size1 ${size1} is larger than size2 ${size2}`,
      `旧树大小 ${size1} 大于新树 ${size2}`,
    );
  }
  // A proof from the empty tree proves nothing, so it is refused rather than accepted vacuously.
  if (size1 === 0n) {
    throw new ProofError('empty-first-tree', 'consistency from the empty tree is meaningless', '不能从空树证明一致性');
  }
  if (size1 === size2) {
    if (proof.length > 0) {
      throw new ProofError('proof-not-empty', 'sizes are equal but the proof is not empty', '两树大小相同，证明应为空');
    }
    if (!bytesEqual(root1, root2)) {
      throw new ProofError('root-mismatch', 'sizes are equal but the roots differ', '两树大小相同但树根不同');
    }

    return;
  }
  if (proof.length === 0) throw new ProofError('proof-empty', 'consistency proof is empty', '一致性证明为空');
  checkProofHashes(proof);
  checkHashLength(root1, 'root-length', 'first root hash', '旧树根');
  checkHashLength(root2, 'root-length', 'second root hash', '新树根');
  const wrongLength = (): ProofError =>
    new ProofError(
      'proof-length',
      `consistency proof has ${countHashes(proof.length)}, expected ${consistencyProofLength(size1, size2)}`,
      `一致性证明有 ${proof.length} 个哈希，应为 ${consistencyProofLength(size1, size2)} 个`,
    );
  const path = (size1 & (size1 - 1n)) === 0n ? [root1, ...proof] : [...proof];
  let fn = size1 - 1n;
  let sn = size2 - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0n) throw wrongLength();
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(hasher, c, fr);
      sr = nodeHash(hasher, c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(hasher, sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) throw wrongLength();
  if (!bytesEqual(fr, root1)) {
    throw new ProofError(
      'root1-mismatch',
      'consistency proof does not lead to the first root',
      '一致性证明推导出的旧树根不符',
    );
  }
  if (!bytesEqual(sr, root2)) {
    throw new ProofError(
      'root2-mismatch',
      'consistency proof does not lead to the second root',
      '一致性证明推导出的新树根不符',
    );
  }
};

// ---- in-memory tree ----

class Level {
  private buffer = new Uint8Array(HASH_SIZE * 16);
  count = 0;

  push(hash: Uint8Array): void {
    if ((this.count + 1) * HASH_SIZE > this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer.subarray(0, this.count * HASH_SIZE));
      this.buffer = grown;
    }
    this.buffer.set(hash, this.count * HASH_SIZE);
    this.count += 1;
  }

  view(index: number): Uint8Array {
    return this.buffer.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
  }
}

/**
 * An append-only Merkle tree held in memory: every complete subtree hash of every level, one contiguous buffer per
 * level. Used by tests, the offline audit and anywhere a NodeReader over a full leaf list is wanted.
 */
export class MemoryTree {
  readonly hasher: Hasher;
  private readonly levels: Level[] = [new Level()];

  constructor(hasher: Hasher, leafHashes: Iterable<Uint8Array> = []) {
    this.hasher = hasher;
    for (const hash of leafHashes) this.append(hash);
  }

  get size(): number {
    return this.levels[0]!.count;
  }

  append(leafHash: Uint8Array): void {
    if (!(leafHash instanceof Uint8Array) || leafHash.length !== HASH_SIZE) {
      throw new RangeError(`leaf hash must be ${HASH_SIZE} bytes`);
    }
    this.levels[0]!.push(leafHash);
    let level = 0;
    let index = this.levels[0]!.count - 1;
    // A right child completes its parent: hash upwards while we keep landing on right children.
    while (index % 2 === 1) {
      const row = this.levels[level]!;
      const parent = nodeHash(this.hasher, row.view(index - 1), row.view(index));
      if (this.levels.length === level + 1) this.levels.push(new Level());
      this.levels[level + 1]!.push(parent);
      level += 1;
      index = (index - 1) / 2;
    }
  }

  /** Drops leaves from the right; complete subtrees left of `size` are unchanged, so nothing is rehashed. */
  truncate(size: number): void {
    assertSafeCount(size, 'size');
    if (size > this.size) throw new RangeError(`cannot truncate a tree of ${this.size} leaves to ${size}`);
    let width = 1;
    for (const level of this.levels) {
      level.count = Math.floor(size / width);
      width *= 2;
    }
  }

  /** NodeReader over this tree; a copy, so callers cannot alter the tree through it. */
  readonly node = (level: number, index: number): Uint8Array => {
    const row = this.levels[level];
    if (!row || !Number.isSafeInteger(index) || index < 0 || index >= row.count) {
      throw new RangeError(`node ${level}/${index} is not a complete subtree of a tree of ${this.size} leaves`);
    }

    return row.view(index).slice();
  };

  /** MTH of the first `size` leaves, synchronously. */
  root(size: number = this.size): Uint8Array {
    assertSafeCount(size, 'size');
    if (size > this.size) throw new RangeError(`tree has only ${this.size} leaves, not ${size}`);
    if (size === 0) return emptyRoot(this.hasher);
    const hashes = completeSubtrees(0, size).map(({ level, index }) => this.levels[level]!.view(index));

    return hashes.length === 1 ? hashes[0]!.slice() : foldFromRight(this.hasher, hashes);
  }
}
