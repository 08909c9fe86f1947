import { sha256 } from '@noble/hashes/sha2.js';
import { sm3 } from 'sm-crypto-v2';

// Browser-safe: nothing here touches node:*, so the web client and the offline verifier share it.

// LEDGER-2: SHA-256 by default, SM3 (GB/T 32905) for national-crypto deployments; fixed per log at creation.
export const HASH_ALGORITHMS = ['sha256', 'sm3'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

export const isHashAlgorithm = (value: string): value is HashAlgorithm =>
  (HASH_ALGORITHMS as readonly string[]).includes(value);

export type Hasher = {
  readonly algorithm: HashAlgorithm;
  hash(...parts: Uint8Array[]): Uint8Array;
};

export const HASH_SIZE = 32;

export const concatBytes = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }

  return out;
};

/** Pure-JavaScript hashers (noble SHA-256, sm-crypto-v2 SM3): slower than node:crypto, but run anywhere. */
export const createPortableHasher = (algorithm: HashAlgorithm): Hasher => ({
  algorithm,
  hash: (...parts) => {
    const data = parts.length === 1 ? parts[0]! : concatBytes(...parts);

    return algorithm === 'sha256' ? sha256(data) : fromHex(sm3(data) as string);
  },
});

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);
const CHAIN_PREFIX = Uint8Array.of(0x02);

/** RFC 6962 §2.1 leaf hash H(0x00 || leaf). */
export const leafHash = (hasher: Hasher, leaf: Uint8Array): Uint8Array => hasher.hash(LEAF_PREFIX, leaf);

/** RFC 6962 §2.1 interior node hash H(0x01 || left || right). */
export const nodeHash = (hasher: Hasher, left: Uint8Array, right: Uint8Array): Uint8Array =>
  hasher.hash(NODE_PREFIX, left, right);

/** RFC 6962 §2.1: the hash of the empty tree is H(""). */
export const emptyRoot = (hasher: Hasher): Uint8Array => hasher.hash();

// 0x02 keeps chain links apart from RFC 6962 leaf (0x00) and node (0x01) hashes.
export const chainHash = (hasher: Hasher, previous: Uint8Array, leafHashValue: Uint8Array): Uint8Array =>
  hasher.hash(CHAIN_PREFIX, previous, leafHashValue);

export const GENESIS_CHAIN = new Uint8Array(HASH_SIZE);

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export const toHex = (bytes: Uint8Array): string => {
  let out = '';
  for (const byte of bytes) out += HEX[byte];

  return out;
};

export const fromHex = (hex: string): Uint8Array => {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new TypeError('not a hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);

  return out;
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export const toBase64 = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }

  return out;
};

/** Strict standard base64 with padding; anything else is refused rather than guessed at. */
export const fromBase64 = (text: string): Uint8Array => {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new TypeError('not base64');
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of clean) {
    value = (value << 6) | B64.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  // Non-zero padding bits mean a non-canonical encoding of the same bytes.
  if ((value & ((1 << bits) - 1)) !== 0) throw new TypeError('not canonical base64');

  return out;
};

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;

  return diff === 0;
};
