import { describe, expect, it } from 'vitest';
import { buildLedgerLeaf } from './leaf';
import { createHasher, sha256Hex } from './hasher';
import {
  chainHash,
  createPortableHasher,
  fromBase64,
  fromHex,
  GENESIS_CHAIN,
  leafHash,
  toBase64,
  toHex,
} from './hashing';

const hasher = createHasher('sha256');
const base = {
  hasher,
  entryId: '0190a7a8-0000-7000-8000-000000000001',
  agencyId: '0190a7a8-0000-7000-8000-0000000000aa',
  actor: { userId: '0190a7a8-0000-7000-8000-0000000000bb', credentialNumber: null, via: 'web' as const },
  occurredAt: new Date('2026-11-21T08:00:00.000Z'),
  casePrevLeafHash: null,
  event: {
    type: 'case.viewed' as const,
    subjectId: '0190a7a8-0000-7000-8000-0000000000cc',
    caseId: '0190a7a8-0000-7000-8000-0000000000cc',
    payload: { caseId: '0190a7a8-0000-7000-8000-0000000000cc' },
  },
};

describe('ledger leaf encoding (LEDGER-1)', () => {
  it('is canonical JSON with the envelope fields and a payload digest', () => {
    const { leaf, payloadJson } = buildLedgerLeaf(base);
    const text = new TextDecoder().decode(leaf);
    expect(text).toBe(
      '{"actor":{"credential":null,"user":"0190a7a8-0000-7000-8000-0000000000bb","via":"web"},' +
        '"agency":"0190a7a8-0000-7000-8000-0000000000aa","case":"0190a7a8-0000-7000-8000-0000000000cc",' +
        '"case_prev":null,"id":"0190a7a8-0000-7000-8000-000000000001",' +
        `"payload":{"sha256":"${sha256Hex(payloadJson)}"},` +
        '"subject":{"id":"0190a7a8-0000-7000-8000-0000000000cc","type":"case"},' +
        '"time":"2026-11-21T08:00:00.000Z","type":"case.viewed","v":1}',
    );
  });

  it('hashes the leaf as an RFC 6962 leaf: H(0x00 || leaf)', () => {
    const { leaf, leafHash: hashed } = buildLedgerLeaf(base);
    expect(toHex(hashed)).toBe(sha256Hex(Buffer.concat([Buffer.from([0]), Buffer.from(leaf)])));
    expect(leafHash(hasher, new Uint8Array())).toEqual(
      // RFC 6962 leaf hash of the empty leaf, as in transparency-dev/merkle rfc6962_test.go
      new Uint8Array(Buffer.from('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', 'hex')),
    );
  });

  it('links to the previous entry of the same case', () => {
    const first = buildLedgerLeaf(base);
    const second = buildLedgerLeaf({ ...base, entryId: 'e2', casePrevLeafHash: first.leafHash });
    expect(new TextDecoder().decode(second.leaf)).toContain(`"case_prev":"${toHex(first.leafHash)}"`);
  });

  it('changes the chain hash when any earlier leaf changes', () => {
    const a = buildLedgerLeaf(base).leafHash;
    const b = buildLedgerLeaf({ ...base, entryId: 'other' }).leafHash;
    const link1 = chainHash(hasher, GENESIS_CHAIN, a);
    expect(chainHash(hasher, link1, b)).not.toEqual(chainHash(hasher, chainHash(hasher, GENESIS_CHAIN, b), b));
  });

  it('hashes with SM3 when the log uses national crypto', () => {
    const sm3 = createHasher('sm3');
    // GB/T 32905-2016 Annex A example 1
    expect(toHex(sm3.hash(new TextEncoder().encode('abc')))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(buildLedgerLeaf({ ...base, hasher: sm3 }).leafHash).not.toEqual(buildLedgerLeaf(base).leafHash);
  });
});

describe('portable hashing (browser and offline verifier)', () => {
  it('agrees with node:crypto for SHA-256 and SM3', () => {
    for (const algorithm of ['sha256', 'sm3'] as const) {
      const data = new TextEncoder().encode('留痕'.repeat(100));
      expect(toHex(createPortableHasher(algorithm).hash(data))).toBe(toHex(createHasher(algorithm).hash(data)));
    }
  });

  it('encodes hex and strict base64 both ways', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromHex(toHex(bytes))).toEqual(bytes);
    for (let n = 0; n < 8; n++) {
      const slice = bytes.slice(0, n);
      expect(toBase64(slice)).toBe(Buffer.from(slice).toString('base64'));
      expect(fromBase64(toBase64(slice))).toEqual(slice);
    }
    expect(() => fromBase64('QQ')).toThrow();
    expect(() => fromBase64('QR==')).toThrow(/canonical/);
    expect(() => fromHex('0g')).toThrow();
  });
});
