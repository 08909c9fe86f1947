import { createHash, hash } from 'node:crypto';
import type { HashAlgorithm, Hasher } from './hashing';

// Server-side: node:crypto is native and several times faster than the portable hashers; the one-shot hash()
// halves the cost of the many 33- and 65-byte inputs a Merkle tree hashes.
export const createHasher = (algorithm: HashAlgorithm): Hasher => ({
  algorithm,
  hash: (...parts) => {
    const data = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    const digest = hash(algorithm, data, 'buffer');

    return new Uint8Array(digest.buffer, digest.byteOffset, digest.length);
  },
});

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
