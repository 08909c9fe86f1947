import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { sm2 } from 'sm-crypto-v2';
import { isCheckpointError, parseCheckpoint } from './checkpoint';
import { bytesEqual, concatBytes, fromBase64, fromHex, toBase64, toHex, utf8 } from './hashing';

// C2SP signed-note v1.0.0 (https://c2sp.org/signed-note): verifier keys and verification of signed notes.
// Browser-safe: the web client opens checkpoints with this module.

export const SIGNATURE_TYPES = ['ed25519', 'ecdsa-p256', 'cosignature', 'rfc6962-sth', 'sm2'] as const;
export type SignatureType = (typeof SIGNATURE_TYPES)[number];

/** Signature type identifier bytes assigned by C2SP signed-note; SM2 uses the 0xff escape (see SM2_KEY_PREFIX). */
export const SIGNATURE_TYPE_BYTES: Readonly<Record<SignatureType, number>> = {
  ed25519: 0x01,
  'ecdsa-p256': 0x02,
  cosignature: 0x04,
  'rfc6962-sth': 0x05,
  sm2: 0xff,
};

// signed-note reserves 0xff for unassigned types and recommends a longer identifier after it.
export const SM2_KEY_PREFIX = concatBytes(Uint8Array.of(0xff), utf8('sm2-sm3'));

/** GB/T 32918.2 / GM/T 0009 default distinguishing identifier, hashed into Z_A. */
export const SM2_USER_ID = '1234567812345678';

export const SM2_ORDER = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

export type VerifierKey = {
  name: string;
  /** 8 lowercase hex digits: the big-endian uint32 key ID. */
  keyId: string;
  type: SignatureType;
  /** Ed25519/cosignature: 32-byte key; ECDSA/RFC 6962: SPKI DER; SM2: 65-byte uncompressed point. */
  publicKey: Uint8Array;
  /** Canonical vkey string. */
  vkey: string;
};

export type VerifiedSignature = {
  name: string;
  keyId: string;
  type: SignatureType;
  /** cosignature: POSIX seconds; rfc6962-sth: milliseconds since the epoch, as signed. */
  timestamp?: number;
};

export type NoteSignature = { name: string; keyId: string; signature: Uint8Array; line: string };

export type OpenedNote = { text: string; verified: VerifiedSignature[]; ignored: string[] };

export type NoteErrorCode =
  'malformed-note' | 'invalid-vkey' | 'ambiguous-vkey' | 'invalid-signature' | 'no-trusted-signature';

export class NoteError extends Error {
  readonly code: NoteErrorCode;
  readonly reason: string;
  readonly zh: string;

  constructor(code: NoteErrorCode, reason: string, zh: string) {
    super(reason);
    this.name = 'NoteError';
    this.code = code;
    this.reason = reason;
    this.zh = zh;
  }
}

export const isNoteError = (error: unknown): error is NoteError => error instanceof NoteError;

const SIGNATURE_PREFIX = '\u2014 ';
// Go's note package stops at 100 signatures; C2SP requires accepting at least 16.
export const MAX_NOTE_SIGNATURES = 100;

/** signed-note: key names are non-empty and contain neither Unicode spaces nor '+'. */
export const isValidKeyName = (name: string): boolean =>
  name.length > 0 && !/[\s\u0085]/u.test(name) && !name.includes('+') && !hasLoneSurrogate(name);

const hasLoneSurrogate = (text: string): boolean =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

const hasControlCharacter = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return true;
  }

  return false;
};

/** The note text rules of signed-note: valid UTF-8, no control characters but newline, ending in a newline. */
export const isValidNoteText = (text: string): boolean =>
  text.endsWith('\n') && !hasControlCharacter(text) && !hasLoneSurrogate(text);

const sha256Prefix = (...parts: Uint8Array[]): string => toHex(sha256(concatBytes(...parts)).subarray(0, 4));

/** signed-note recommended key ID: SHA-256(name || 0x0A || type byte(s) || public key)[:4], as hex. */
export const noteKeyId = (name: string, keyBytes: Uint8Array): string =>
  sha256Prefix(utf8(name), Uint8Array.of(0x0a), keyBytes);

const P256_SPKI_UNCOMPRESSED = fromHex('3059301306072a8648ce3d020106082a8648ce3d030107034200');
const P256_SPKI_COMPRESSED = fromHex('3039301306072a8648ce3d020106082a8648ce3d030107032200');

/** The SEC1 point inside a P-256 SubjectPublicKeyInfo; DER is canonical, so matching the fixed prefix is a parse. */
const p256PointFromSpki = (spki: Uint8Array): Uint8Array | null => {
  for (const [prefix, pointLength] of [
    [P256_SPKI_UNCOMPRESSED, 65],
    [P256_SPKI_COMPRESSED, 33],
  ] as const) {
    if (spki.length === prefix.length + pointLength && bytesEqual(spki.subarray(0, prefix.length), prefix)) {
      const point = spki.slice(prefix.length);

      return p256.utils.isValidPublicKey(point) ? point : null;
    }
  }

  return null;
};

const isValidSm2Point = (point: Uint8Array): boolean => {
  if (point.length !== 65 || point[0] !== 0x04) return false;
  try {
    return sm2.verifyPublicKey(toHex(point));
  } catch {
    return false;
  }
};

const invalidVkey = (why: string): NoteError =>
  new NoteError('invalid-vkey', `invalid verifier key: ${why}`, `验证公钥无效：${why}`);

/** The key ID each type derives from its key material (C2SP signed-note, tlog-cosignature, static-ct-api). */
const keyIdOf = (name: string, type: SignatureType, keyBytes: Uint8Array): string => {
  const material = keyBytes.subarray(1);
  if (type === 'ecdsa-p256') return sha256Prefix(material);
  if (type === 'rfc6962-sth') return noteKeyId(name, concatBytes(Uint8Array.of(0x05), sha256(material)));

  return noteKeyId(name, keyBytes);
};

/** Splits a vkey's type byte(s) from its key material and checks the material. */
const decodeKeyBytes = (keyBytes: Uint8Array): { type: SignatureType; publicKey: Uint8Array } => {
  const typeByte = keyBytes[0];
  const material = keyBytes.subarray(1);
  switch (typeByte) {
    case 0x01:
    case 0x04:
      if (material.length !== 32) throw invalidVkey('Ed25519 key must be 32 bytes');
      if (!ed25519.utils.isValidPublicKey(material, false)) throw invalidVkey('not an Ed25519 point');

      return { type: typeByte === 0x01 ? 'ed25519' : 'cosignature', publicKey: material.slice() };
    case 0x02:
    case 0x05:
      if (!p256PointFromSpki(material)) throw invalidVkey('only ECDSA P-256 SubjectPublicKeyInfo keys are supported');

      return { type: typeByte === 0x02 ? 'ecdsa-p256' : 'rfc6962-sth', publicKey: material.slice() };
    case 0xff: {
      const prefix = keyBytes.subarray(0, SM2_KEY_PREFIX.length);
      if (!bytesEqual(prefix, SM2_KEY_PREFIX)) throw invalidVkey('unknown 0xff key type');
      const point = keyBytes.subarray(SM2_KEY_PREFIX.length);
      if (!isValidSm2Point(point)) throw invalidVkey('SM2 key must be an uncompressed point on the SM2 curve');

      return { type: 'sm2', publicKey: point.slice() };
    }
    default:
      throw invalidVkey(`unsupported signature type ${typeByte ?? 'none'}`);
  }
};

const encodeKeyBytes = (type: SignatureType, publicKey: Uint8Array): Uint8Array =>
  type === 'sm2'
    ? concatBytes(SM2_KEY_PREFIX, publicKey)
    : concatBytes(Uint8Array.of(SIGNATURE_TYPE_BYTES[type]), publicKey);

/** Parses `<name>+<hex key ID>+<base64(type || key)>` and checks the key ID against the key. */
export const parseVerifierKey = (vkey: string): VerifierKey => {
  const first = vkey.indexOf('+');
  const second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
  if (second < 0) throw invalidVkey('expected <name>+<key ID>+<key>');
  const name = vkey.slice(0, first);
  const hash = vkey.slice(first + 1, second);
  const key64 = vkey.slice(second + 1);
  if (!isValidKeyName(name)) throw invalidVkey('bad key name');
  if (!/^[0-9a-fA-F]{8}$/.test(hash)) throw invalidVkey('key ID must be 8 hex digits');
  let keyBytes: Uint8Array;
  try {
    keyBytes = fromBase64(key64);
  } catch {
    throw invalidVkey('key is not canonical base64');
  }
  if (keyBytes.length < 2) throw invalidVkey('key too short');
  const { type, publicKey } = decodeKeyBytes(keyBytes);
  const keyId = keyIdOf(name, type, keyBytes);
  if (keyId !== hash.toLowerCase()) throw invalidVkey(`key ID ${hash} does not match the key (${keyId})`);

  return { name, keyId, type, publicKey, vkey: `${name}+${keyId}+${key64}` };
};

/** Builds the vkey for a public key: Ed25519/cosignature 32 bytes, ECDSA/RFC 6962 SPKI DER, SM2 65-byte point. */
export const formatVerifierKey = (key: { name: string; type: SignatureType; publicKey: Uint8Array }): string => {
  if (!isValidKeyName(key.name)) throw invalidVkey('bad key name');
  const keyBytes = encodeKeyBytes(key.type, key.publicKey);
  decodeKeyBytes(keyBytes);

  return `${key.name}+${keyIdOf(key.name, key.type, keyBytes)}+${toBase64(keyBytes)}`;
};

const malformed = (why: string): NoteError =>
  new NoteError('malformed-note', `malformed note: ${why}`, `签名文本格式错误：${why}`);

/** Splits a signed note into its text and (unverified) signature lines. */
export const parseNote = (note: string): { text: string; signatures: NoteSignature[] } => {
  if (hasControlCharacter(note) || hasLoneSurrogate(note)) throw malformed('control characters or invalid UTF-8');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw malformed('no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) throw malformed('signature block must end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) throw malformed(`more than ${MAX_NOTE_SIGNATURES} signatures`);
  const signatures = lines.map((line): NoteSignature => {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw malformed('signature line must start with an em dash and a space');
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = space < 0 ? rest : rest.slice(0, space);
    const b64 = space < 0 ? '' : rest.slice(space + 1);
    let decoded: Uint8Array;
    try {
      decoded = fromBase64(b64);
    } catch {
      throw malformed('signature is not canonical base64');
    }
    if (!isValidKeyName(name) || decoded.length < 5) throw malformed('bad signature line');

    return { name, keyId: toHex(decoded.subarray(0, 4)), signature: decoded.slice(4), line: `${line}\n` };
  });

  return { text, signatures };
};

const readUint64 = (bytes: Uint8Array, offset: number): bigint => {
  let value = 0n;
  for (let i = 0; i < 8; i++) value = (value << 8n) | BigInt(bytes[offset + i]!);

  return value;
};

/** Strict DER `SEQUENCE { INTEGER r, INTEGER s }` with positive, minimally encoded integers. */
export const parseDerSignature = (der: Uint8Array): { r: bigint; s: bigint } | null => {
  if (der.length < 8 || der[0] !== 0x30) return null;
  let offset = 2;
  let length = der[1]!;
  if (length === 0x81) {
    length = der[2]!;
    offset = 3;
    if (length < 0x80) return null;
  } else if (length > 0x7f) {
    return null;
  }
  if (offset + length !== der.length) return null;
  const integers: bigint[] = [];
  for (let k = 0; k < 2; k++) {
    if (der[offset] !== 0x02) return null;
    const len = der[offset + 1]!;
    const start = offset + 2;
    if (len === 0 || len > 0x7f || start + len > der.length) return null;
    const first = der[start]!;
    if (first & 0x80) return null;
    if (first === 0 && (len === 1 || (der[start + 1]! & 0x80) === 0)) return null;
    integers.push(BigInt(`0x${toHex(der.subarray(start, start + len))}`));
    offset = start + len;
  }
  if (offset !== der.length) return null;

  return { r: integers[0]!, s: integers[1]! };
};

const verifyEd25519 = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean => {
  if (signature.length !== 64) return false;
  try {
    // RFC 8032 strict verification, as Go's crypto/ed25519 does, so both sides accept the same signatures.
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
};

const verifyP256 = (spki: Uint8Array, digest: Uint8Array, der: Uint8Array): boolean => {
  const point = p256PointFromSpki(spki);
  if (!point) return false;
  try {
    // Go's ecdsa.VerifyASN1 accepts high-S signatures, so we do too.
    return p256.verify(der, digest, point, { prehash: false, format: 'der', lowS: false });
  } catch {
    return false;
  }
};

const verifySm2 = (point: Uint8Array, message: Uint8Array, der: Uint8Array): boolean => {
  const parsed = parseDerSignature(der);
  // GB/T 32918.2 §7.1 B1–B2: r and s must lie in [1, n − 1].
  if (!parsed || parsed.r < 1n || parsed.r >= SM2_ORDER || parsed.s < 1n || parsed.s >= SM2_ORDER) return false;
  const rs = parsed.r.toString(16).padStart(64, '0') + parsed.s.toString(16).padStart(64, '0');
  try {
    return sm2.doVerifySignature(message, rs, toHex(point), { der: false, hash: true, userId: SM2_USER_ID });
  } catch {
    return false;
  }
};

/** C2SP tlog-cosignature Ed25519 signed message: "cosignature/v1\ntime <t>\n" followed by the checkpoint body. */
export const cosignatureMessage = (text: string, timestamp: bigint | number): Uint8Array =>
  utf8(`cosignature/v1\ntime ${BigInt(timestamp)}\n${text}`);

/** RFC 6962 §3.5 TreeHeadSignature: version v1, signature_type tree_hash, timestamp, tree_size, root hash. */
export const treeHeadSignatureInput = (timestamp: bigint, size: bigint, root: Uint8Array): Uint8Array => {
  const out = new Uint8Array(2 + 8 + 8 + 32);
  out[0] = 0;
  out[1] = 1;
  const view = new DataView(out.buffer);
  view.setBigUint64(2, timestamp);
  view.setBigUint64(10, size);
  out.set(root, 18);

  return out;
};

/** RFC 5246 DigitallySigned with SHA-256 (4) and ECDSA (3), as static-ct-api requires. */
const verifyDigitallySigned = (spki: Uint8Array, signed: Uint8Array, digitallySigned: Uint8Array): boolean => {
  if (digitallySigned.length < 4 || digitallySigned[0] !== 0x04 || digitallySigned[1] !== 0x03) return false;
  const length = (digitallySigned[2]! << 8) | digitallySigned[3]!;
  if (digitallySigned.length !== 4 + length) return false;

  return verifyP256(spki, sha256(signed), digitallySigned.subarray(4));
};

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Verifies one signature (key ID already stripped) over a note text; returns the signed timestamp where the type
 * carries one, or null when the signature does not verify.
 */
export const verifyNoteSignature = (
  key: VerifierKey,
  text: string,
  signature: Uint8Array,
): { timestamp?: number } | null => {
  const message = utf8(text);
  switch (key.type) {
    case 'ed25519':
      return verifyEd25519(key.publicKey, message, signature) ? {} : null;
    case 'ecdsa-p256':
      return verifyP256(key.publicKey, sha256(message), signature) ? {} : null;
    case 'sm2':
      return verifySm2(key.publicKey, message, signature) ? {} : null;
    case 'cosignature': {
      if (signature.length !== 8 + 64 || text.split('\n').length < 3) return null;
      const timestamp = readUint64(signature, 0);
      // tlog-cosignature caps timestamps at 2^63 − 1; we also need them to fit a JavaScript number.
      if (timestamp > MAX_SAFE) return null;
      const signed = cosignatureMessage(text, timestamp);

      return verifyEd25519(key.publicKey, signed, signature.subarray(8)) ? { timestamp: Number(timestamp) } : null;
    }
    case 'rfc6962-sth': {
      if (signature.length < 8) return null;
      let checkpoint;
      try {
        checkpoint = parseCheckpoint(text);
      } catch (error) {
        if (isCheckpointError(error)) return null;
        throw error;
      }
      // TreeHeadSignature does not cover the origin, so binding it to the key name is the verifier's job.
      if (checkpoint.extensions.length > 0 || checkpoint.origin !== key.name) return null;
      const timestamp = readUint64(signature, 0);
      const signed = treeHeadSignatureInput(timestamp, BigInt(checkpoint.size), checkpoint.root);
      if (!verifyDigitallySigned(key.publicKey, signed, signature.subarray(8)) || timestamp > MAX_SAFE) return null;

      return { timestamp: Number(timestamp) };
    }
  }
};

const toVerifierKeys = (vkeys: readonly (string | VerifierKey)[]): VerifierKey[] => {
  const keys: VerifierKey[] = [];
  for (const entry of vkeys) {
    const key = typeof entry === 'string' ? parseVerifierKey(entry) : entry;
    const same = keys.find((k) => k.name === key.name && k.keyId === key.keyId);
    if (same && same.vkey !== key.vkey) {
      throw new NoteError(
        'ambiguous-vkey',
        `two keys share name ${key.name} and key ID ${key.keyId}`,
        `两个公钥的名称和标识相同：${key.name}`,
      );
    }
    if (!same) keys.push(key);
  }

  return keys;
};

/**
 * Opens a signed note (C2SP signed-note): signatures from unknown keys are ignored, a signature from a known key
 * that fails rejects the whole note, and at least one known key must have signed. Throws NoteError.
 */
export const openNote = (note: string, vkeys: readonly (string | VerifierKey)[]): OpenedNote => {
  const keys = toVerifierKeys(vkeys);
  const { text, signatures } = parseNote(note);
  const verified: VerifiedSignature[] = [];
  const ignored: string[] = [];
  const ignoredLines = new Set<string>();
  for (const signature of signatures) {
    const key = keys.find((k) => k.name === signature.name && k.keyId === signature.keyId);
    if (!key) {
      if (!ignoredLines.has(signature.line)) ignored.push(signature.name);
      ignoredLines.add(signature.line);
      continue;
    }
    const result = verifyNoteSignature(key, text, signature.signature);
    if (!result) {
      throw new NoteError(
        'invalid-signature',
        `signature by ${key.name} (${key.type}, key ID ${key.keyId}) does not verify`,
        `${key.name} 的签名验证失败`,
      );
    }
    if (!verified.some((v) => v.name === key.name && v.keyId === key.keyId)) {
      verified.push({ name: key.name, keyId: key.keyId, type: key.type, ...result });
    }
  }
  if (verified.length === 0) {
    throw new NoteError('no-trusted-signature', 'no signature from a trusted key', '没有来自受信任公钥的签名');
  }

  return { text, verified, ignored };
};

export type SignedTreeHeadJson = {
  tree_size: number;
  timestamp: number;
  sha256_root_hash: string;
  tree_head_signature: string;
};

/** Verifies an RFC 6962 get-sth response against a type 0x05 (RFC 6962 STH) vkey; throws NoteError. */
export const verifySignedTreeHead = (vkey: string | VerifierKey, sth: SignedTreeHeadJson): void => {
  const key = typeof vkey === 'string' ? parseVerifierKey(vkey) : vkey;
  if (key.type !== 'rfc6962-sth') throw invalidVkey('not an RFC 6962 STH key');
  let root: Uint8Array;
  let digitallySigned: Uint8Array;
  try {
    root = fromBase64(sth.sha256_root_hash);
    digitallySigned = fromBase64(sth.tree_head_signature);
  } catch {
    throw malformed('tree head fields are not base64');
  }
  if (root.length !== 32 || !Number.isSafeInteger(sth.tree_size) || !Number.isSafeInteger(sth.timestamp)) {
    throw malformed('bad tree head fields');
  }
  const signed = treeHeadSignatureInput(BigInt(sth.timestamp), BigInt(sth.tree_size), root);
  if (!verifyDigitallySigned(key.publicKey, signed, digitallySigned)) {
    throw new NoteError(
      'invalid-signature',
      `tree head signature by ${key.name} does not verify`,
      `${key.name} 的树头签名验证失败`,
    );
  }
};
