import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatCheckpoint } from './checkpoint';
import { concatBytes, fromHex, toBase64, utf8 } from './hashing';
import {
  formatVerifierKey,
  isNoteError,
  MAX_NOTE_SIGNATURES,
  openNote,
  parseNote,
  parseVerifierKey,
  treeHeadSignatureInput,
  type NoteErrorCode,
} from './note';
import { generateSigner, signNote } from './signers';

const noteError = (run: () => unknown): NoteErrorCode | 'accepted' => {
  try {
    run();

    return 'accepted';
  } catch (error) {
    if (isNoteError(error)) return error.code;
    throw error;
  }
};

const alice = generateSigner('ed25519', 'alice.example');
const bob = generateSigner('ed25519', 'bob.example');
const text = 'Ognuno sta solo sul cuor della terra\n\ned è subito sera.\n';

describe('LEDGER-2 C2SP signed-note parsing', () => {
  it('LEDGER-2 splits at the last blank line; the text may contain blank lines', () => {
    const signed = signNote(text, alice.skey);
    const parsed = parseNote(signed);
    expect(parsed.text).toBe(text);
    expect(parsed.signatures).toHaveLength(1);
    expect(parsed.signatures[0]!.name).toBe('alice.example');
  });

  it('LEDGER-2 rejects malformed notes', () => {
    const signed = signNote(text, alice.skey);
    const line = signed.slice(signed.lastIndexOf('\n\n') + 2);
    for (const bad of [
      signed.slice(0, -1),
      text,
      `${text}\n`,
      `${text}\n- alice.example ${line.split(' ')[2]}`,
      signed.replace('\u2014 alice.example ', '\u2014 alice.example  '),
      signed.replace('\u2014 alice.example ', '\u2014 alice example '),
      signed.replace('\u2014 alice.example ', '\u2014 alice+x '),
      signed.replace('\u2014 alice.example ', '\u2014  '),
      `${text}\n\u2014 alice.example AAAA\n`,
      signed.replace('Ognuno', 'Og\tnuno'),
      signed.replace('Ognuno', 'Og\uD800nuno'),
      `${text}\n${line.repeat(MAX_NOTE_SIGNATURES + 1)}`,
    ]) {
      expect(
        noteError(() => parseNote(bad)),
        JSON.stringify(bad.slice(-60)),
      ).toBe('malformed-note');
    }
  });
});

describe('LEDGER-2 C2SP signed-note verification semantics', () => {
  const both = `${signNote(text, alice.skey)}${signNote(text, bob.skey).slice(text.length + 1)}`;

  it('LEDGER-2 verifies every known key and ignores unknown ones', () => {
    expect(openNote(both, [alice.vkey, bob.vkey]).verified.map((v) => v.name)).toEqual([
      'alice.example',
      'bob.example',
    ]);
    const onlyAlice = openNote(both, [alice.vkey]);
    expect(onlyAlice.verified.map((v) => v.name)).toEqual(['alice.example']);
    expect(onlyAlice.ignored).toEqual(['bob.example']);
  });

  it('LEDGER-2 a failing signature from a known key rejects the whole note', () => {
    const parsed = parseNote(both);
    const bobSignature = parsed.signatures[1]!;
    const blob = concatBytes(fromHex(bobSignature.keyId), bobSignature.signature);
    blob[20]! ^= 0x01;
    const forged = `\u2014 ${bobSignature.name} ${toBase64(blob)}\n`;
    const note = `${text}\n${parsed.signatures[0]!.line}${forged}`;
    expect(noteError(() => openNote(note, [alice.vkey]))).toBe('accepted');
    expect(noteError(() => openNote(note, [alice.vkey, bob.vkey]))).toBe('invalid-signature');
  });

  it('LEDGER-2 a note without a trusted signature is rejected, even if unknown signatures are present', () => {
    expect(noteError(() => openNote(both, []))).toBe('no-trusted-signature');
    const carol = generateSigner('ed25519', 'alice.example');
    expect(noteError(() => openNote(both, [carol.vkey]))).toBe('no-trusted-signature');
  });

  it('LEDGER-2 refuses ambiguous key sets and bad vkeys', () => {
    const key = parseVerifierKey(alice.vkey);
    expect(openNote(signNote(text, alice.skey), [alice.vkey, alice.vkey, key]).verified).toHaveLength(1);
    const clash = { ...key, publicKey: new Uint8Array(32), vkey: 'other' };
    expect(noteError(() => openNote(both, [alice.vkey, clash]))).toBe('ambiguous-vkey');
    const [name, id, ...rest] = alice.vkey.split('+') as [string, string, ...string[]];
    const b64 = rest.join('+');
    for (const bad of [
      `${name}+${id}`,
      `${name}+00000000+${b64}`,
      `${name}+${id.slice(1)}+${b64}`,
      `${name}+${id}+${b64.slice(4)}`,
      `bad name+${id}+${b64}`,
      `${name}+${id}+AwEB`,
      `${name}+${id}+${toBase64(concatBytes(Uint8Array.of(0xff), utf8('other'), new Uint8Array(65)))}`,
    ]) {
      expect(
        noteError(() => parseVerifierKey(bad)),
        bad,
      ).toBe('invalid-vkey');
    }
    // Upper-case key IDs are accepted and normalised, as Go's strconv.ParseUint does.
    expect(parseVerifierKey(`${name}+${id.toUpperCase()}+${b64}`).vkey).toBe(alice.vkey);
  });
});

describe('LEDGER-2 ECDSA P-256 and RFC 6962 note signatures against node:crypto', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
  const body = formatCheckpoint({ origin: 'ct.example/2026', size: 1234, root: new Uint8Array(32).fill(1) });

  it('LEDGER-2 type 0x02: DER ECDSA over SHA-256(text), key ID = SHA-256(SPKI)[:4]', () => {
    const vkey = formatVerifierKey({ name: 'ecdsa.example', type: 'ecdsa-p256', publicKey: spki });
    const key = parseVerifierKey(vkey);
    const der = new Uint8Array(nodeSign('sha256', utf8(body), privateKey));
    const note = `${body}\n\u2014 ecdsa.example ${toBase64(concatBytes(fromHex(key.keyId), der))}\n`;
    expect(openNote(note, [vkey]).verified[0]!.type).toBe('ecdsa-p256');
    expect(noteError(() => openNote(note.replace('1234', '1235'), [vkey]))).toBe('invalid-signature');
  });

  it('LEDGER-2 type 0x05: TreeHeadSignature, and the origin must equal the key name', () => {
    const vkey = formatVerifierKey({ name: 'ct.example/2026', type: 'rfc6962-sth', publicKey: spki });
    const key = parseVerifierKey(vkey);
    const timestamp = 1_700_000_000_123n;
    const tbs = treeHeadSignatureInput(timestamp, 1234n, new Uint8Array(32).fill(1));
    const der = new Uint8Array(nodeSign('sha256', tbs, privateKey));
    const stamp = new Uint8Array(8);
    new DataView(stamp.buffer).setBigUint64(0, timestamp);
    const digitallySigned = concatBytes(Uint8Array.of(4, 3, der.length >> 8, der.length & 0xff), der);
    const signature = toBase64(concatBytes(fromHex(key.keyId), stamp, digitallySigned));
    const note = `${body}\n\u2014 ct.example/2026 ${signature}\n`;
    expect(openNote(note, [vkey]).verified[0]).toMatchObject({ type: 'rfc6962-sth', timestamp: 1_700_000_000_123 });
    const renamed = formatVerifierKey({ name: 'other.example', type: 'rfc6962-sth', publicKey: spki });
    const otherId = parseVerifierKey(renamed).keyId;
    const moved = `${body}\n\u2014 other.example ${toBase64(concatBytes(fromHex(otherId), stamp, digitallySigned))}\n`;
    expect(noteError(() => openNote(moved, [renamed]))).toBe('invalid-signature');
    const withExtension = `${body}ext\n\n\u2014 ct.example/2026 ${signature}\n`;
    expect(noteError(() => openNote(withExtension, [vkey]))).toBe('invalid-signature');
  });
});
