import { createHash } from 'node:crypto';

// LEDGER-2: SHA-256 by default, SM3 (GB/T 32905) for national-crypto deployments; fixed per log at creation.
export const HASH_ALGORITHMS = ['sha256', 'sm3'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

export type Hasher = {
  readonly algorithm: HashAlgorithm;
  hash(...parts: Uint8Array[]): Uint8Array;
};

export const createHasher = (algorithm: HashAlgorithm): Hasher => ({
  algorithm,
  hash: (...parts) => {
    const h = createHash(algorithm);
    for (const part of parts) h.update(part);

    return new Uint8Array(h.digest());
  },
});

const LEAF_PREFIX = Uint8Array.of(0x00);
const CHAIN_PREFIX = Uint8Array.of(0x02);

/** RFC 6962 §2.1 leaf hash, so the next step can build the Merkle tree over the same leaves unchanged. */
export const leafHash = (hasher: Hasher, leaf: Uint8Array): Uint8Array => hasher.hash(LEAF_PREFIX, leaf);

// 0x02 keeps chain links apart from RFC 6962 leaf (0x00) and node (0x01) hashes.
export const chainHash = (hasher: Hasher, previous: Uint8Array, leafHashValue: Uint8Array): Uint8Array =>
  hasher.hash(CHAIN_PREFIX, previous, leafHashValue);

export const GENESIS_CHAIN = new Uint8Array(32);

export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

export const fromHex = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, 'hex'));

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
