import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rawVectors from '../../../../tests/fixtures/merkle-vectors.json';
import { parseCheckpoint, formatCheckpoint } from './checkpoint';
import { createHasher } from './hasher';
import { createPortableHasher, emptyRoot, fromBase64, fromHex, leafHash, nodeHash, toHex } from './hashing';
import {
  isProofError,
  isValidSubtree,
  MemoryTree,
  ProofError,
  subtreeConsistencyProof,
  subtreeInclusionProof,
  subtreeRoot,
  verifyConsistency,
  verifyInclusion,
  type ProofErrorCode,
} from './merkle';
import { formatVerifierKey, isNoteError, noteKeyId, openNote, verifySignedTreeHead, type NoteErrorCode } from './note';
import { signNote, vkeyFromSkey } from './signers';

// Third-party vectors (tests/fixtures/merkle-vectors.json, a byte copy of the shared conformance file): every
// vector's `expect` is asserted, and every rejection must happen for the reason the probe was built to trigger.

type Num = number | string;
type InclusionVector = {
  id: string;
  size: Num;
  index: Num;
  leaf?: string;
  leaf_hash?: string;
  proof: string[];
  root: string;
  expect: 'valid' | 'invalid';
};
type ConsistencyVector = {
  id: string;
  size1: Num;
  size2: Num;
  proof: string[];
  root1: string;
  root2: string;
  expect: 'valid' | 'invalid';
};
type SignedNoteVector = {
  id: string;
  type: string;
  note?: string;
  vkeys?: string[];
  skey?: string;
  text?: string;
  sth?: { tree_size: number; timestamp: number; sha256_root_hash: string; tree_head_signature: string };
  expect: {
    verified?: string[];
    ignored?: string[];
    error?: boolean;
    checkpoint?: { origin: string; size: number; root: string };
    signed_note?: string;
    vkey?: string;
    text?: string;
    size?: number;
    root_is_record_hash_of?: string;
    valid?: boolean;
  };
};
type RealLogEntry = {
  id: string;
  leaf: string;
  index: number;
  size: number;
  root: string;
  proof: string[];
  checkpoint: string;
  vkeys?: string[];
  ed25519_key?: { name: string; ed25519_public_key: string; trusted_root_log_id_b64: string };
  expect: {
    inclusion: 'valid';
    checkpoint_verified: string[];
    ignored_prefix?: string;
    full_key_id_equals_log_id?: boolean;
  };
};
type Vectors = {
  leaves: string[];
  hasher_kats: { kind: string; input?: string; left?: string; right?: string; hash: string }[];
  node_hashes: { level: number; index: number; hash: string }[];
  roots: { size: number; root: string }[];
  inclusion: InclusionVector[];
  consistency: ConsistencyVector[];
  accumulated: {
    max: number;
    hash_vector: string;
    inclusion_vector: string;
    consistency_vector: string;
  };
  signed_notes: SignedNoteVector[];
  real_log_entries: RealLogEntry[];
};

const vectors = rawVectors as unknown as Vectors;
const sha = createHasher('sha256');
const big = (value: Num): bigint => BigInt(value);
const hexList = (list: string[]): Uint8Array[] => list.map(fromHex);

const proofErrorCode = (run: () => void): ProofErrorCode | 'accepted' => {
  try {
    run();

    return 'accepted';
  } catch (error) {
    if (isProofError(error)) return error.code;
    throw error;
  }
};

const noteErrorCode = (run: () => void): NoteErrorCode | 'accepted' => {
  try {
    run();

    return 'accepted';
  } catch (error) {
    if (isNoteError(error)) return error.code;
    throw error;
  }
};

/** Why each tdm probe (by the last segment of its id) must fail. */
const INCLUSION_REASONS: Record<string, ProofErrorCode[]> = {
  'empty-root': ['root-mismatch', 'leaf-hash-length', 'index-out-of-range', 'root-length'],
  'empty-root-and-random-leaf': ['index-out-of-range', 'root-mismatch'],
  'random-leaf': ['index-out-of-range', 'root-length'],
  'random-root': ['root-mismatch'],
  'leafIdx-XOR-@2': ['index-out-of-range', 'root-mismatch', 'proof-length'],
  'leafIdx-plus-@1': ['index-out-of-range', 'root-mismatch', 'proof-length'],
  'leafIdx-sub-@1': ['index-out-of-range', 'root-mismatch', 'proof-length'],
  'modified-proof[0]-bit-@3': ['root-mismatch'],
  'modified-proof[1]-bit-@3': ['root-mismatch'],
  'modified-proof[2]-bit-@3': ['root-mismatch'],
  'preceding-garbage': ['proof-hash-length'],
  'trailing-garbage': ['proof-hash-length'],
  'preceding-root': ['proof-length'],
  'trailing-root': ['proof-length'],
  'inserted-component': ['proof-length'],
  'removed-component': ['proof-length'],
  'treeSize-div-@2': ['index-out-of-range', 'proof-length', 'root-mismatch'],
  'treeSize-mul-@2': ['proof-length', 'root-mismatch'],
  'wrong-leaf': ['leaf-hash-length'],
  'empty-leaf': ['leaf-hash-length'],
  'empty-root-and-leaf': ['leaf-hash-length'],
};

const CONSISTENCY_REASONS: Record<string, ProofErrorCode[]> = {
  'empty-proof': ['proof-empty'],
  'preceding-garbage': ['proof-hash-length'],
  'trailing-garbage': ['proof-hash-length'],
  'preceding-proof-@0': ['proof-length'],
  'preceding-root1': ['proof-length'],
  'preceding-root2': ['proof-length'],
  'trailing-root1': ['proof-length'],
  'trailing-root2': ['proof-length'],
  'truncated-proof': ['proof-length'],
  'size1-XOR-@2': ['empty-first-tree', 'root1-mismatch', 'root2-mismatch', 'proof-length'],
  'size1-plus-@1': ['proof-not-empty', 'root1-mismatch', 'root2-mismatch', 'proof-length'],
  'size1-sub-@1': ['empty-first-tree', 'root1-mismatch', 'root2-mismatch', 'proof-length'],
  'size2-div-@2': ['size-order', 'proof-not-empty', 'root1-mismatch', 'root2-mismatch', 'proof-length'],
  'size2-mul-@2': ['root1-mismatch', 'root2-mismatch', 'proof-length'],
  'swapped-roots': ['root1-mismatch', 'root2-mismatch'],
  'wrong-root1': ['root-length'],
  'wrong-root2': ['root-length'],
  'consistency-check-on-empty-tree-size1-is-zero-is-useless': ['empty-first-tree'],
  'roots-do-not-match-and-sizes-are-zero': ['empty-first-tree'],
  'roots-do-not-not-match-and-sizes-are-one': ['root-mismatch'],
  'size1-is-greater-than-size2-again': ['size-order'],
  'size1-is-greater-than-size2': ['size-order'],
  'size1-is-zero-and-does-not-equal-size2': ['empty-first-tree'],
  'size1-is-zero-and-size2-is-not-zero': ['empty-first-tree'],
  'sizes-are-equal-one-but-roots-are-not': ['root-mismatch'],
  'sizes-are-equal-zero-and-proof-is-empty': ['empty-first-tree'],
  'sizes-are-equal-zero-but-roots-are-not': ['empty-first-tree'],
  'sizes-do-not-watch-and-proof-is-empty': ['proof-empty'],
  'sizes-match-but-proof-is-not-empty-and-sizes-are-one': ['proof-not-empty'],
  'sizes-match-but-proof-is-not-empty-and-sizes-are-zero': ['empty-first-tree'],
};

const reasonsFor = (table: Record<string, ProofErrorCode[]>, id: string): ProofErrorCode[] => {
  const key = id.split('/').pop()!;
  const reasons =
    table[key] ?? (/^modified-proof@\d-bit-@4$/.test(key) ? ['root1-mismatch', 'root2-mismatch'] : undefined);
  if (!reasons) throw new Error(`no expected rejection reason recorded for ${id}`);

  return reasons;
};

describe('LEDGER-2 conformance: RFC 6962 hashing and the reference tree', () => {
  it('LEDGER-2 hasher KATs: empty root, leaf and node hashes', () => {
    expect(vectors.hasher_kats).toHaveLength(4);
    for (const kat of vectors.hasher_kats) {
      const got =
        kat.kind === 'empty_root'
          ? emptyRoot(sha)
          : kat.kind === 'leaf'
            ? leafHash(sha, fromHex(kat.input!))
            : nodeHash(sha, fromHex(kat.left!), fromHex(kat.right!));
      expect(toHex(got), kat.kind).toBe(kat.hash);
      const portable = createPortableHasher('sha256');
      expect(toHex(kat.kind === 'empty_root' ? emptyRoot(portable) : got)).toBe(kat.hash);
    }
  });

  const reference = new MemoryTree(
    sha,
    vectors.leaves.map((leaf) => leafHash(sha, fromHex(leaf))),
  );

  it('LEDGER-2 node hashes of every complete subtree of the 8-leaf reference tree', () => {
    expect(vectors.node_hashes).toHaveLength(15);
    for (const node of vectors.node_hashes) expect(toHex(reference.node(node.level, node.index))).toBe(node.hash);
  });

  it('LEDGER-2 roots of every prefix 0..8 of the reference tree', async () => {
    expect(vectors.roots).toHaveLength(9);
    for (const { size, root } of vectors.roots) {
      expect(toHex(reference.root(size))).toBe(root);
      expect(toHex(await subtreeRoot(sha, 0, size, reference.node))).toBe(root);
    }
  });
});

describe('LEDGER-2 conformance: inclusion proof verification (RFC 9162 §2.1.3.2)', () => {
  it('has all 103 inclusion vectors', () => expect(vectors.inclusion).toHaveLength(103));

  for (const v of vectors.inclusion) {
    it(`LEDGER-2 ${v.id} is ${v.expect}`, () => {
      const hash = v.leaf_hash !== undefined ? fromHex(v.leaf_hash) : leafHash(sha, fromHex(v.leaf!));
      const input = {
        index: big(v.index),
        size: big(v.size),
        leafHash: hash,
        proof: hexList(v.proof),
        root: fromHex(v.root),
      };
      const code = proofErrorCode(() => verifyInclusion(sha, input));
      if (v.expect === 'valid') {
        expect(code).toBe('accepted');
      } else {
        expect(reasonsFor(INCLUSION_REASONS, v.id)).toContain(code);
      }
    });
  }
});

describe('LEDGER-2 conformance: consistency proof verification (RFC 9162 §2.1.4.2)', () => {
  it('has all 103 consistency vectors', () => expect(vectors.consistency).toHaveLength(103));

  for (const v of vectors.consistency) {
    it(`LEDGER-2 ${v.id} is ${v.expect}`, () => {
      const input = {
        size1: big(v.size1),
        size2: big(v.size2),
        proof: hexList(v.proof),
        root1: fromHex(v.root1),
        root2: fromHex(v.root2),
      };
      const code = proofErrorCode(() => verifyConsistency(sha, input));
      if (v.expect === 'valid') {
        expect(code).toBe('accepted');
      } else {
        expect(reasonsFor(CONSISTENCY_REASONS, v.id)).toContain(code);
      }
    });
  }
});

describe('LEDGER-2 conformance: accumulated subtree vectors (draft-ietf-plants-merkle-tree-certs appendix)', () => {
  const { max } = vectors.accumulated;
  const tree = new MemoryTree(
    sha,
    Array.from({ length: max }, (_, i) => leafHash(sha, Uint8Array.of(i))),
  );
  const proofLine = (prefix: string, proof: Uint8Array[]): string =>
    `${prefix}${proof.map((hash) => ` ${toHex(hash)}`).join('')}\n`;

  it('LEDGER-2 hash_vector: MTH of every valid subtree [start, end), end ≤ 130', async () => {
    const rolling = createHash('sha256');
    for (let end = 0; end <= max; end++) {
      for (let start = 0; start <= end; start++) {
        if (!isValidSubtree(start, end)) continue;
        rolling.update(`[${start}, ${end}) ${toHex(await subtreeRoot(sha, start, end, tree.node))}\n`);
      }
    }
    expect(rolling.digest('hex')).toBe(vectors.accumulated.hash_vector);
  });

  it('LEDGER-2 inclusion_vector: PATH(index − start, D[start:end]) for every valid subtree and index', async () => {
    const rolling = createHash('sha256');
    for (let end = 0; end <= max; end++) {
      for (let start = 0; start <= end; start++) {
        if (!isValidSubtree(start, end)) continue;
        for (let index = start; index < end; index++) {
          const proof = await subtreeInclusionProof(sha, index, start, end, tree.node);
          rolling.update(proofLine(`${index} [${start}, ${end})`, proof));
        }
      }
    }
    expect(rolling.digest('hex')).toBe(vectors.accumulated.inclusion_vector);
  });

  it('LEDGER-2 consistency_vector: subtree consistency proofs for every valid subtree of every tree size', async () => {
    const rolling = createHash('sha256');
    for (let size = 0; size <= max; size++) {
      for (let end = 0; end <= size; end++) {
        for (let start = 0; start <= end; start++) {
          if (!isValidSubtree(start, end)) continue;
          const proof = await subtreeConsistencyProof(sha, start, end, size, tree.node);
          rolling.update(proofLine(`[${start}, ${end}) ${size}`, proof));
        }
      }
    }
    expect(rolling.digest('hex')).toBe(vectors.accumulated.consistency_vector);
  });
});

describe('LEDGER-2 conformance: signed notes and checkpoints (C2SP signed-note, tlog-checkpoint)', () => {
  it('has all 15 signed-note vectors', () => expect(vectors.signed_notes).toHaveLength(15));

  for (const v of vectors.signed_notes) {
    it(`LEDGER-2 ${v.id} (${v.type})`, () => {
      switch (v.type) {
        case 'ed25519':
        case 'ecdsa-p256-sha256':
        case 'rfc6962-sth-note': {
          if (v.expect.error) {
            const code = noteErrorCode(() => openNote(v.note!, v.vkeys!));
            // A changed key-ID prefix or key name makes the signature unknown; a changed origin makes it fail.
            expect(code).toBe(v.id.endsWith('-borked') ? 'invalid-signature' : 'no-trusted-signature');
          } else {
            const opened = openNote(v.note!, v.vkeys!);
            expect(opened.verified.map((s) => s.name)).toEqual(v.expect.verified);
            expect(opened.ignored).toEqual(v.expect.ignored ?? []);
            if (v.type === 'rfc6962-sth-note') expect(opened.verified[0]!.timestamp).toBeGreaterThan(0);
          }
          break;
        }
        case 'parse-only': {
          expect(v.expect.verified).toEqual([]);
          expect(noteErrorCode(() => openNote(v.note!, v.vkeys!))).toBe('no-trusted-signature');
          break;
        }
        case 'ed25519-sign': {
          expect(signNote(v.text!, v.skey!)).toBe(v.expect.signed_note);
          expect(vkeyFromSkey(v.skey!)).toBe(v.expect.vkey);
          expect(openNote(v.expect.signed_note!, [v.expect.vkey!]).text).toBe(v.text);
          break;
        }
        case 'tree-format': {
          const root = leafHash(sha, fromHex(v.expect.root_is_record_hash_of!));
          expect(formatCheckpoint({ origin: 'go.sum database tree', size: v.expect.size!, root })).toBe(v.expect.text);
          expect(parseCheckpoint(v.expect.text!)).toEqual({
            origin: 'go.sum database tree',
            size: v.expect.size,
            root,
            extensions: [],
          });
          break;
        }
        case 'rfc6962-sth-json': {
          expect(v.expect.valid).toBe(true);
          expect(() => verifySignedTreeHead(v.vkeys![0]!, v.sth!)).not.toThrow();
          const forged = { ...v.sth!, tree_size: v.sth!.tree_size + 1 };
          expect(noteErrorCode(() => verifySignedTreeHead(v.vkeys![0]!, forged))).toBe('invalid-signature');
          break;
        }
        default:
          throw new Error(`unhandled signed-note vector type ${v.type}`);
      }
      if (v.expect.checkpoint) {
        const note = v.note!;
        const checkpoint = parseCheckpoint(note.slice(0, note.lastIndexOf('\n\n') + 1));
        expect({ ...checkpoint, root: toHex(checkpoint.root) }).toEqual({ ...v.expect.checkpoint, extensions: [] });
      }
    });
  }
});

describe('LEDGER-2 LEDGER-3 conformance: real transparency-log entries end to end', () => {
  it('has all 4 real log entries', () => expect(vectors.real_log_entries).toHaveLength(4));

  for (const v of vectors.real_log_entries) {
    it(`LEDGER-3 ${v.id}: leaf → inclusion → root → signed checkpoint`, () => {
      const leaf = fromHex(v.leaf);
      const proof = hexList(v.proof);
      const root = fromHex(v.root);
      const hash = leafHash(sha, leaf);
      expect(() => verifyInclusion(sha, { index: v.index, size: v.size, leafHash: hash, proof, root })).not.toThrow();

      const vkeys = v.vkeys ?? [
        formatVerifierKey({
          name: v.ed25519_key!.name,
          type: 'ed25519',
          publicKey: fromHex(v.ed25519_key!.ed25519_public_key),
        }),
      ];
      const opened = openNote(v.checkpoint, vkeys);
      expect(opened.verified.map((s) => s.name)).toEqual(v.expect.checkpoint_verified);
      if (v.expect.ignored_prefix) {
        expect(opened.ignored.length).toBeGreaterThan(0);
        for (const name of opened.ignored) expect(name.startsWith(v.expect.ignored_prefix)).toBe(true);
      } else {
        expect(opened.ignored).toEqual([]);
      }
      const checkpoint = parseCheckpoint(opened.text);
      expect(checkpoint.size).toBe(v.size);
      expect(toHex(checkpoint.root)).toBe(v.root);

      if (v.expect.full_key_id_equals_log_id) {
        const key = v.ed25519_key!;
        const logId = createHash('sha256')
          .update(key.name)
          .update(Uint8Array.of(0x0a, 0x01))
          .update(fromHex(key.ed25519_public_key))
          .digest();
        expect(new Uint8Array(logId)).toEqual(fromBase64(key.trusted_root_log_id_b64));
        expect(noteKeyId(key.name, Uint8Array.of(0x01, ...fromHex(key.ed25519_public_key)))).toBe(
          toHex(logId.subarray(0, 4)),
        );
      }

      const neighbour = v.index + 1 < v.size ? v.index + 1 : v.index - 1;
      expect(
        proofErrorCode(() => verifyInclusion(sha, { index: neighbour, size: v.size, leafHash: hash, proof, root })),
      ).not.toBe('accepted');
      const flipped = leaf.slice();
      flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
      const flippedHash = leafHash(sha, flipped);
      expect(
        proofErrorCode(() =>
          verifyInclusion(sha, { index: v.index, size: v.size, leafHash: flippedHash, proof, root }),
        ),
      ).toBe('root-mismatch');
    });
  }

  it('LEDGER-2 a ProofError carries an English reason and a Chinese message', () => {
    try {
      verifyInclusion(sha, { index: 1, size: 1, leafHash: new Uint8Array(32), proof: [], root: new Uint8Array(32) });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProofError);
      expect((error as ProofError).reason).toMatch(/index 1/);
      expect((error as ProofError).zh).toMatch(/叶序号/);
    }
  });
});
