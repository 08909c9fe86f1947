import { createHash } from 'node:crypto';
import type { HashAlgorithm, Hasher } from './hashing';

// Server-side: node:crypto is native and several times faster than the portable hashers.
export const createHasher = (algorithm: HashAlgorithm): Hasher => ({
  algorithm,
  hash: (...parts) => {
    const h = createHash(algorithm);
    for (const part of parts) h.update(part);

    return new Uint8Array(h.digest());
  },
});

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
