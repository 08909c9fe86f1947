import { ed25519 } from '@noble/curves/ed25519.js';
import { sm2 } from 'sm-crypto-v2';
import { parseCheckpoint } from './checkpoint';
import { concatBytes, fromBase64, fromHex, toBase64, toHex, utf8 } from './hashing';
import {
  cosignatureMessage,
  formatVerifierKey,
  isValidKeyName,
  isValidNoteText,
  NoteError,
  parseVerifierKey,
  SM2_KEY_PREFIX,
  SM2_ORDER,
  SM2_USER_ID,
  type VerifierKey,
} from './note';

// Signing side of C2SP signed-note: Go-format private keys (PRIVATE+KEY+<name>+<key ID>+<base64>), note signatures
// and tlog-cosignature lines. Browser-safe; Ed25519 is deterministic, so node:crypto signers produce the same bytes.

export const SIGNER_TYPES = ['ed25519', 'sm2', 'cosignature'] as const;
export type SignerType = (typeof SIGNER_TYPES)[number];

export type SignerKey = {
  name: string;
  keyId: string;
  type: SignerType;
  /** Ed25519/cosignature: the 32-byte seed; SM2: the 32-byte private scalar. */
  privateKey: Uint8Array;
  /** The matching verifier key. */
  verifier: VerifierKey;
};

export type RandomBytes = (length: number) => Uint8Array;

const defaultRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

const invalidSkey = (why: string): NoteError =>
  new NoteError('invalid-vkey', `invalid signer key: ${why}`, `签名私钥无效：${why}`);

const sm2PublicKey = (privateKey: Uint8Array): Uint8Array => {
  const hex = sm2.getPublicKeyFromPrivateKey(toHex(privateKey));

  return fromHex(hex.length === 128 ? `04${hex}` : hex);
};

const isValidSm2PrivateKey = (privateKey: Uint8Array): boolean => {
  if (privateKey.length !== 32) return false;
  const d = BigInt(`0x${toHex(privateKey)}`);

  // GB/T 32918.1 §6.1: d ∈ [1, n − 2].
  return d >= 1n && d <= SM2_ORDER - 2n;
};

const verifierFor = (type: SignerType, name: string, privateKey: Uint8Array): VerifierKey => {
  const publicKey = type === 'sm2' ? sm2PublicKey(privateKey) : ed25519.getPublicKey(privateKey);

  return parseVerifierKey(formatVerifierKey({ name, type, publicKey }));
};

const encodePrivate = (type: SignerType, privateKey: Uint8Array): Uint8Array =>
  type === 'sm2'
    ? concatBytes(SM2_KEY_PREFIX, privateKey)
    : concatBytes(Uint8Array.of(type === 'ed25519' ? 0x01 : 0x04), privateKey);

const formatSignerKey = (name: string, keyId: string, type: SignerType, privateKey: Uint8Array): string =>
  `PRIVATE+KEY+${name}+${keyId}+${toBase64(encodePrivate(type, privateKey))}`;

/** Parses a Go-format note private key and checks its key ID against the derived public key. */
export const parseSignerKey = (skey: string): SignerKey => {
  const parts = skey.split('+');
  if (parts.length < 5 || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') throw invalidSkey('expected PRIVATE+KEY+…');
  const [, , name, hash] = parts as [string, string, string, string];
  const key64 = parts.slice(4).join('+');
  if (!isValidKeyName(name) || !/^[0-9a-fA-F]{8}$/.test(hash)) throw invalidSkey('bad name or key ID');
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(key64);
  } catch {
    throw invalidSkey('key is not canonical base64');
  }
  let type: SignerType;
  let privateKey: Uint8Array;
  if (bytes.length === 33 && (bytes[0] === 0x01 || bytes[0] === 0x04)) {
    type = bytes[0] === 0x01 ? 'ed25519' : 'cosignature';
    privateKey = bytes.slice(1);
  } else if (bytes.length === SM2_KEY_PREFIX.length + 32 && bytes[0] === 0xff) {
    type = 'sm2';
    privateKey = bytes.slice(SM2_KEY_PREFIX.length);
    if (
      toHex(bytes.subarray(0, SM2_KEY_PREFIX.length)) !== toHex(SM2_KEY_PREFIX) ||
      !isValidSm2PrivateKey(privateKey)
    ) {
      throw invalidSkey('bad SM2 private key');
    }
  } else {
    throw invalidSkey('unsupported key type');
  }
  const verifier = verifierFor(type, name, privateKey);
  if (verifier.keyId !== hash.toLowerCase()) throw invalidSkey('key ID does not match the key');

  return { name, keyId: verifier.keyId, type, privateKey, verifier };
};

/** The vkey matching a private key. */
export const vkeyFromSkey = (skey: string): string => parseSignerKey(skey).verifier.vkey;

/** A fresh key pair; randomness defaults to crypto.getRandomValues (browsers and Node 20+). */
export const generateSigner = (
  type: SignerType,
  name: string,
  randomBytes: RandomBytes = defaultRandomBytes,
): { skey: string; vkey: string } => {
  if (!isValidKeyName(name)) throw invalidSkey('key names must be non-empty, without spaces or +');
  let privateKey = randomBytes(32);
  // Rejection sampling keeps the SM2 scalar uniform in [1, n − 2]; a retry happens with probability ≈ 2^-32.
  while (type === 'sm2' && !isValidSm2PrivateKey(privateKey)) privateKey = randomBytes(32);
  if (privateKey.length !== 32) throw new RangeError('randomBytes must return the requested length');
  const verifier = verifierFor(type, name, privateKey);

  return { skey: formatSignerKey(name, verifier.keyId, type, privateKey), vkey: verifier.vkey };
};

const signatureLine = (key: SignerKey, signature: Uint8Array): string =>
  `\u2014 ${key.name} ${toBase64(concatBytes(fromHex(key.keyId), signature))}\n`;

const signText = (key: SignerKey, text: string): Uint8Array => {
  if (key.type === 'ed25519') return ed25519.sign(utf8(text), key.privateKey);
  if (key.type === 'sm2') {
    const der = sm2.doSignature(utf8(text), toHex(key.privateKey), {
      der: true,
      hash: true,
      publicKey: toHex(key.verifier.publicKey),
      userId: SM2_USER_ID,
    });

    return fromHex(der);
  }
  throw invalidSkey('cosignature keys sign checkpoints with a timestamp: use cosignCheckpoint');
};

/** Signs a note text (ending in a newline) with an Ed25519 or SM2 key and returns the whole signed note. */
export const signNote = (text: string, skey: string | SignerKey): string => {
  const key = typeof skey === 'string' ? parseSignerKey(skey) : skey;
  if (!isValidNoteText(text)) {
    throw new NoteError(
      'malformed-note',
      'note text must end in a newline, without control characters',
      '签名文本格式错误',
    );
  }

  return `${text}\n${signatureLine(key, signText(key, text))}`;
};

/** Adds a signature line to an already signed note (for example a second key, or a cosignature). */
export const addSignatureLine = (signedNote: string, line: string): string => {
  if (!signedNote.endsWith('\n') || !line.startsWith('\u2014 ') || !line.endsWith('\n')) {
    throw new NoteError('malformed-note', 'not a signed note or not a signature line', '签名文本格式错误');
  }

  return signedNote + line;
};

/**
 * C2SP tlog-cosignature/v1 (Ed25519): signs "cosignature/v1\ntime <timestamp>\n" + checkpoint body and returns the
 * signature line keyID(4) || timestamp(8, big-endian) || signature(64). `timestamp` is POSIX seconds.
 */
export const cosignCheckpoint = (checkpointBody: string, skey: string | SignerKey, timestamp: number): string => {
  const key = typeof skey === 'string' ? parseSignerKey(skey) : skey;
  if (key.type !== 'cosignature') throw invalidSkey('cosignatures need a cosignature (type 0x04) key');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError('timestamp must be POSIX seconds');
  parseCheckpoint(checkpointBody);
  const stamp = new Uint8Array(8);
  new DataView(stamp.buffer).setBigUint64(0, BigInt(timestamp));
  const signature = ed25519.sign(cosignatureMessage(checkpointBody, timestamp), key.privateKey);

  return signatureLine(key, concatBytes(stamp, signature));
};
