import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatCheckpoint } from './checkpoint';
import { concatBytes, fromBase64, fromHex, toBase64, toHex, utf8 } from './hashing';
import { formatVerifierKey, isNoteError, noteKeyId, openNote, parseNote, parseVerifierKey, SM2_ORDER } from './note';
import { addSignatureLine, cosignCheckpoint, generateSigner, parseSignerKey, signNote, vkeyFromSkey } from './signers';

const fixedBytes =
  (byte: number) =>
  (length: number): Uint8Array =>
    new Uint8Array(length).fill(byte);

const checkpointBody = formatCheckpoint({
  origin: 'example.gov.cn/agency-1',
  size: 7,
  root: new Uint8Array(32).fill(9),
});

const SM2_PREFIX = concatBytes(Uint8Array.of(0xff), utf8('sm2-sm3'));
const ED25519_PKCS8_PREFIX = fromHex('302e020100300506032b657004220420');

const noteError = (run: () => unknown): string => {
  try {
    run();

    return 'accepted';
  } catch (error) {
    if (isNoteError(error)) return error.code;
    throw error;
  }
};

describe('LEDGER-2 Ed25519 note signers (C2SP signed-note type 0x01)', () => {
  it('LEDGER-2 generates Go-format keys whose key ID is SHA-256(name || 0x0A || 0x01 || key)[:4]', () => {
    const { skey, vkey } = generateSigner('ed25519', 'example.gov.cn/agency-1', fixedBytes(7));
    const parsed = parseVerifierKey(vkey);
    expect(parsed.type).toBe('ed25519');
    expect(parsed.keyId).toBe(noteKeyId(parsed.name, concatBytes(Uint8Array.of(1), parsed.publicKey)));
    expect(skey).toBe(
      `PRIVATE+KEY+example.gov.cn/agency-1+${parsed.keyId}+${toBase64(concatBytes(Uint8Array.of(1), fixedBytes(7)(32)))}`,
    );
    expect(vkeyFromSkey(skey)).toBe(vkey);
  });

  it('LEDGER-2 signs byte-identically to node:crypto Ed25519 and verifies', () => {
    const { skey, vkey } = generateSigner('ed25519', 'example.gov.cn/agency-1');
    const signed = signNote(checkpointBody, skey);
    const seed = parseSignerKey(skey).privateKey;
    const key = createPrivateKey({
      key: Buffer.from(concatBytes(ED25519_PKCS8_PREFIX, seed)),
      format: 'der',
      type: 'pkcs8',
    });
    const expected = new Uint8Array(nodeSign(null, utf8(checkpointBody), key));
    expect(parseNote(signed).signatures[0]!.signature).toEqual(expected);
    expect(openNote(signed, [vkey]).verified).toEqual([
      { name: 'example.gov.cn/agency-1', keyId: parseVerifierKey(vkey).keyId, type: 'ed25519' },
    ]);
  });

  it('LEDGER-2 a changed text or a foreign key fails', () => {
    const a = generateSigner('ed25519', 'a.example');
    const b = generateSigner('ed25519', 'a.example');
    const signed = signNote('hello\n', a.skey);
    expect(noteError(() => openNote(signed.replace('hello', 'hellp'), [a.vkey]))).toBe('invalid-signature');
    expect(noteError(() => openNote(signed, [b.vkey]))).toBe('no-trusted-signature');
    expect(() => signNote('no newline', a.skey)).toThrow();
    expect(() => parseSignerKey(a.skey.replace(/\+([0-9a-f]{8})\+/, '+00000000+'))).toThrow(/key ID/);
  });
});

describe('LEDGER-2 SM2 note signers (custom type 0xff "sm2-sm3", GB/T 32918 with SM3)', () => {
  it('LEDGER-2 key bytes are 0xff || "sm2-sm3" || 65-byte point and the key ID hashes all of them', () => {
    const { skey, vkey } = generateSigner('sm2', 'example.gov.cn/agency-2', fixedBytes(3));
    const parsed = parseVerifierKey(vkey);
    const keyBytes = fromBase64(vkey.split('+').slice(2).join('+'));
    expect(toHex(keyBytes.subarray(0, 8))).toBe(`ff${toHex(utf8('sm2-sm3'))}`);
    expect(keyBytes.length).toBe(8 + 65);
    expect(keyBytes[8]).toBe(0x04);
    expect(parsed.keyId).toBe(noteKeyId('example.gov.cn/agency-2', keyBytes));
    expect(fromBase64(skey.split('+').slice(4).join('+'))).toEqual(
      concatBytes(keyBytes.subarray(0, 8), fixedBytes(3)(32)),
    );
  });

  it('LEDGER-2 signatures are randomised, DER-encoded and verify; tampering fails', () => {
    const { skey, vkey } = generateSigner('sm2', 'example.gov.cn/agency-2');
    const one = signNote(checkpointBody, skey);
    const two = signNote(checkpointBody, skey);
    expect(one).not.toBe(two);
    expect(openNote(one, [vkey]).verified[0]!.type).toBe('sm2');
    expect(openNote(two, [vkey]).verified[0]!.name).toBe('example.gov.cn/agency-2');
    expect(noteError(() => openNote(one.replace('\n7\n', '\n8\n'), [vkey]))).toBe('invalid-signature');
  });

  it('LEDGER-2 verifies an SM2 signature made by OpenSSL 3.0 (dgst -sm3 -sigopt distid:1234567812345678)', () => {
    // openssl genpkey -algorithm SM2; the body below signed with openssl dgst -sm3 -sign. Our signatures with this key
    // were in turn accepted by openssl dgst -verify when the vector was made.
    const publicKey = fromHex(
      '04d2d1c173713c76f65ba17c587a79054f8f1367bfb03ba3d6bdab133e50054715f3080992a7529e6a23aa1b3a79702d673214497d10c07727be184010c3b92f40',
    );
    const body = 'example.gov.cn/agency-1\n7\nCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk=\n';
    const der = fromHex(
      '304402204af8d62c43480d52474e49328c815076e4e1df237b033b85ec499ea6210e006502206cce01a7eee3b1b3e0b52fb043bfa1c6233551609130e78ede68e3156276cd09',
    );
    const vkey = formatVerifierKey({ name: 'openssl.example', type: 'sm2', publicKey });
    expect(vkey).toBe(
      'openssl.example+22c54525+/3NtMi1zbTME0tHBc3E8dvZboXxYenkFT48TZ7+wO6PWvasTPlAFRxXzCAmSp1KeaiOqGzp5cC1nMhRJfRDAdye+GEAQw7kvQA==',
    );
    const line = `\u2014 openssl.example ${toBase64(concatBytes(fromHex('22c54525'), der))}\n`;
    expect(openNote(`${body}\n${line}`, [vkey]).verified[0]!.type).toBe('sm2');
    expect(noteError(() => openNote(`${body.replace('7', '8')}\n${line}`, [vkey]))).toBe('invalid-signature');

    const privateKey = fromHex('66b0eec76463d00d74ebdd22f0faa2f33e5f9901d8c70d8c8957b85879882714');
    const skey = `PRIVATE+KEY+openssl.example+22c54525+${toBase64(concatBytes(SM2_PREFIX, privateKey))}`;
    expect(vkeyFromSkey(skey)).toBe(vkey);
    expect(openNote(signNote(body, skey), [vkey]).verified).toHaveLength(1);
  });

  it('LEDGER-2 rejects r or s outside [1, n − 1] and non-DER encodings', () => {
    const { skey, vkey } = generateSigner('sm2', 'x.example');
    const key = parseVerifierKey(vkey);
    const sigLine = (der: Uint8Array): string =>
      `hi\n\n\u2014 x.example ${toBase64(concatBytes(fromHex(key.keyId), der))}\n`;
    const integer = (value: bigint): Uint8Array => {
      let hex = value.toString(16);
      if (hex.length % 2) hex = `0${hex}`;
      if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;

      return concatBytes(Uint8Array.of(0x02, hex.length / 2), fromHex(hex));
    };
    const sequence = (r: bigint, s: bigint): Uint8Array => {
      const body = concatBytes(integer(r), integer(s));

      return concatBytes(Uint8Array.of(0x30, body.length), body);
    };
    expect(noteError(() => openNote(sigLine(sequence(0n, 5n)), [vkey]))).toBe('invalid-signature');
    expect(noteError(() => openNote(sigLine(sequence(5n, SM2_ORDER)), [vkey]))).toBe('invalid-signature');
    const good = parseNote(signNote('hi\n', skey)).signatures[0]!.signature;
    expect(openNote(sigLine(good), [vkey]).verified).toHaveLength(1);
    expect(noteError(() => openNote(sigLine(concatBytes(good, Uint8Array.of(0))), [vkey]))).toBe('invalid-signature');
  });
});

describe('LEDGER-2 Ed25519 cosignatures (C2SP tlog-cosignature, type 0x04)', () => {
  it('LEDGER-2 signs "cosignature/v1\\ntime <t>\\n" + body with keyID || timestamp || signature', () => {
    const log = generateSigner('ed25519', 'example.gov.cn/agency-1');
    const witness = generateSigner('cosignature', 'witness.example.gov.cn/w1', fixedBytes(5));
    const line = cosignCheckpoint(checkpointBody, witness.skey, 1_763_700_000);
    const blob = fromBase64(line.trimEnd().split(' ')[2]!);
    expect(blob.length).toBe(4 + 8 + 64);
    expect(new DataView(blob.buffer).getBigUint64(4)).toBe(1_763_700_000n);
    const seed = fixedBytes(5)(32);
    const key = createPrivateKey({
      key: Buffer.from(concatBytes(ED25519_PKCS8_PREFIX, seed)),
      format: 'der',
      type: 'pkcs8',
    });
    const message = utf8(`cosignature/v1\ntime 1763700000\n${checkpointBody}`);
    expect(blob.subarray(12)).toEqual(new Uint8Array(nodeSign(null, message, key)));

    const note = addSignatureLine(signNote(checkpointBody, log.skey), line);
    const opened = openNote(note, [log.vkey, witness.vkey]);
    expect(opened.verified.map((v) => [v.name, v.type, v.timestamp])).toEqual([
      ['example.gov.cn/agency-1', 'ed25519', undefined],
      ['witness.example.gov.cn/w1', 'cosignature', 1_763_700_000],
    ]);
    expect(openNote(note, [log.vkey]).ignored).toEqual(['witness.example.gov.cn/w1']);
  });

  it('LEDGER-2 the key ID uses type byte 0x04, distinct from the same key as an Ed25519 note key', () => {
    const witness = generateSigner('cosignature', 'w.example', fixedBytes(5));
    const plain = generateSigner('ed25519', 'w.example', fixedBytes(5));
    const a = parseVerifierKey(witness.vkey);
    const b = parseVerifierKey(plain.vkey);
    expect(a.publicKey).toEqual(b.publicKey);
    expect(a.keyId).toBe(noteKeyId('w.example', concatBytes(Uint8Array.of(4), a.publicKey)));
    expect(a.keyId).not.toBe(b.keyId);
    // A published witness key (transparency-dev/formats note_cosigv1_test.go) parses with the same rule.
    expect(parseVerifierKey('remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2').type).toBe(
      'cosignature',
    );
  });

  it('LEDGER-2 a cosignature over another checkpoint or time fails, and only cosignature keys may cosign', () => {
    const witness = generateSigner('cosignature', 'w.example');
    const line = cosignCheckpoint(checkpointBody, witness.skey, 100);
    const other = checkpointBody.replace('\n7\n', '\n8\n');
    expect(noteError(() => openNote(`${other}\n${line}`, [witness.vkey]))).toBe('invalid-signature');
    const blob = fromBase64(line.trimEnd().split(' ')[2]!);
    blob[11]! ^= 1;
    const retimed = `\u2014 w.example ${toBase64(blob)}\n`;
    expect(noteError(() => openNote(`${checkpointBody}\n${retimed}`, [witness.vkey]))).toBe('invalid-signature');
    expect(() => cosignCheckpoint(checkpointBody, generateSigner('ed25519', 'x').skey, 1)).toThrow();
    expect(() => signNote(checkpointBody, witness.skey)).toThrow(/cosignCheckpoint/);
    expect(() => cosignCheckpoint('not a checkpoint\n', witness.skey, 1)).toThrow();
  });
});
