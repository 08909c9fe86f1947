import {
  addSignatureLine,
  cosignCheckpoint,
  createPortableHasher,
  formatCheckpoint,
  formatTlogProof,
  fromBase64,
  generateSigner,
  inclusionProof,
  leafHash,
  MemoryTree,
  signNote,
  toBase64,
  toHex,
  type HashAlgorithm,
} from '@liuhen/domain/ledger';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LedgerKeys } from '../../api/types';
import { verifyEntry, type EntryVerification, type EntryVerificationInput } from './verify-entry';

const CODE = '11350100MB0000001X';
const ORIGIN = `liuhen.example/log/${CODE}`;
const WITNESS = 'liuhen.example/witness/11350000MB0000000Y';
const CASE_ID = '0193a8f0-0000-7000-8000-000000000001';
const SEQ = 5;
const COSIGNED_AT = 1_750_000_000;

const leafOf = (seq: number): Uint8Array =>
  new TextEncoder().encode(
    JSON.stringify({ case: seq % 2 === 1 ? CASE_ID : null, id: `entry-${seq}`, type: 'case.viewed', v: 1 }),
  );

type Fixture = { input: EntryVerificationInput; logSkey: string; witnessSkey: string; body: string };

/** A real log of eight entries, signed and cosigned, exactly as the server would serve entry #5 of it. */
const buildFixture = async (algorithm: HashAlgorithm = 'sha256'): Promise<Fixture> => {
  const hasher = createPortableHasher(algorithm);
  const leaves = Array.from({ length: 8 }, (_, seq) => leafOf(seq));
  const leafHashes = leaves.map((leaf) => leafHash(hasher, leaf));
  const tree = new MemoryTree(hasher, leafHashes);
  const log = generateSigner(algorithm === 'sm3' ? 'sm2' : 'ed25519', ORIGIN);
  const witness = generateSigner('cosignature', WITNESS);
  const body = formatCheckpoint({ origin: ORIGIN, size: tree.size, root: tree.root() });
  const note = addSignatureLine(signNote(body, log.skey), cosignCheckpoint(body, witness.skey, COSIGNED_AT));
  const proof = await inclusionProof(hasher, SEQ, tree.size, tree.node);
  const keys: LedgerKeys = {
    origin: ORIGIN,
    hashAlgorithm: algorithm,
    logKeys: [{ vkey: log.vkey, algorithm: 'ed25519', createdAt: '2025-01-01T00:00:00.000Z' }],
    witnessKeys: [{ vkey: witness.vkey, algorithm: 'cosignature', createdAt: '2025-01-01T00:00:00.000Z' }],
  };

  return {
    input: {
      seq: SEQ,
      leaf: leaves[SEQ]!,
      tlogProof: formatTlogProof({ index: SEQ, proof, checkpoint: note }),
      keys,
      expected: { leafHashHex: toHex(leafHash(hasher, leaves[SEQ]!)), caseId: CASE_ID, type: 'case.viewed' },
    },
    logSkey: log.skey,
    witnessSkey: witness.skey,
    body,
  };
};

const statuses = (result: EntryVerification) => Object.fromEntries(result.steps.map((s) => [s.key, s.status]));

const stepOf = (result: EntryVerification, key: string) => result.steps.find((s) => s.key === key)!;

let fixture: Fixture;

beforeAll(async () => {
  fixture = await buildFixture();
});

describe('verifyEntry', () => {
  it('verifies a genuine entry, its checkpoint signature and the witness cosignature', () => {
    const result = verifyEntry(fixture.input);
    expect(result.isVerified).toBe(true);
    expect(result.steps.map((s) => s.title)).toEqual(['叶子哈希', '包含证明', '检查点签名', '上级见证']);
    expect(statuses(result)).toEqual({ leaf: 'passed', inclusion: 'passed', signature: 'passed', witness: 'passed' });
    expect(result).toMatchObject({ origin: ORIGIN, index: SEQ, treeSize: 8, hashAlgorithm: 'sha256' });
    expect(result.rootHex).toMatch(/^[0-9a-f]{64}$/);
    expect(result.leafHashHex).toBe(fixture.input.expected?.leafHashHex);
    expect(result.logSigners.map((s) => s.name)).toEqual([ORIGIN]);
    expect(result.witnesses).toEqual([
      expect.objectContaining({ name: WITNESS, cosignedAt: new Date(COSIGNED_AT * 1000).toISOString() }),
    ]);
  });

  it('verifies an SM3 log signed with SM2', async () => {
    const sm = await buildFixture('sm3');
    const result = verifyEntry(sm.input);
    expect(statuses(result)).toEqual({ leaf: 'passed', inclusion: 'passed', signature: 'passed', witness: 'passed' });
    expect(stepOf(result, 'leaf').detail).toContain('SM3');
  });

  it('fails a tampered leaf at the inclusion proof', () => {
    const leaf = new TextEncoder().encode(new TextDecoder().decode(fixture.input.leaf).replace('entry-5', 'entry-6'));
    const result = verifyEntry({ ...fixture.input, leaf, expected: undefined });
    expect(result.isVerified).toBe(false);
    expect(statuses(result)).toMatchObject({ leaf: 'passed', inclusion: 'failed', signature: 'passed' });
    expect(stepOf(result, 'inclusion').detail).toContain('树根');
  });

  it('fails a leaf that differs from the one the timeline showed', () => {
    const result = verifyEntry({ ...fixture.input, leaf: leafOf(3) });
    expect(result.isVerified).toBe(false);
    expect(stepOf(result, 'leaf')).toMatchObject({ status: 'failed', detail: expect.stringContaining('不符') });
  });

  it('fails a leaf of another case', () => {
    const result = verifyEntry({ ...fixture.input, expected: { caseId: 'another-case' } });
    expect(stepOf(result, 'leaf')).toMatchObject({ status: 'failed', detail: expect.stringContaining('不是本案件') });
  });

  it('fails a checkpoint signed by a key the log does not publish', () => {
    const stranger = generateSigner('ed25519', ORIGIN);
    const keys = { ...fixture.input.keys, logKeys: [{ ...fixture.input.keys.logKeys[0]!, vkey: stranger.vkey }] };
    const result = verifyEntry({ ...fixture.input, keys });
    expect(result.isVerified).toBe(false);
    expect(statuses(result)).toMatchObject({ inclusion: 'passed', signature: 'failed' });
    expect(result.logSigners).toEqual([]);
  });

  it('fails a checkpoint whose origin is not the log asked about', () => {
    const keys = { ...fixture.input.keys, origin: 'liuhen.example/log/91350100M000100Y43' };
    const result = verifyEntry({ ...fixture.input, keys });
    expect(result.isVerified).toBe(false);
    expect(stepOf(result, 'signature')).toMatchObject({ status: 'failed', detail: expect.stringContaining('标识') });
  });

  it('fails a proof file made for another entry', () => {
    const result = verifyEntry({ ...fixture.input, seq: 4, expected: undefined });
    expect(stepOf(result, 'inclusion')).toMatchObject({ status: 'failed', detail: expect.stringContaining('#5') });
  });

  it('fails a checkpoint whose signed text was altered', () => {
    const tlogProof = fixture.input.tlogProof.replace(`\n8\n`, '\n9\n');
    const result = verifyEntry({ ...fixture.input, tlogProof });
    expect(result.isVerified).toBe(false);
    expect(statuses(result)).toMatchObject({ inclusion: 'failed', signature: 'failed' });
  });

  it('passes without a cosignature yet, but says so', () => {
    const note = signNote(fixture.body, fixture.logSkey);
    const tlogProof = fixture.input.tlogProof.slice(0, fixture.input.tlogProof.indexOf('\n\n') + 2) + note;
    const result = verifyEntry({ ...fixture.input, tlogProof });
    expect(result.isVerified).toBe(true);
    expect(stepOf(result, 'witness').status).toBe('warning');
  });

  it('skips the witness for a top-level log', () => {
    const result = verifyEntry({ ...fixture.input, keys: { ...fixture.input.keys, witnessKeys: [] } });
    expect(result.isVerified).toBe(true);
    expect(stepOf(result, 'witness').status).toBe('skipped');
  });

  it('fails a forged cosignature', () => {
    const forged = fixture.input.tlogProof.replace(
      /^(\u2014 liuhen\.example\/witness\/\S+ )(\S+)$/m,
      (_, head: string, b64: string) => {
        const bytes = fromBase64(b64);
        bytes[bytes.length - 1]! ^= 1;

        return head + toBase64(bytes);
      },
    );
    expect(forged).not.toBe(fixture.input.tlogProof);
    const result = verifyEntry({ ...fixture.input, tlogProof: forged });
    expect(stepOf(result, 'witness').status).toBe('failed');
    expect(result.isVerified).toBe(false);
  });

  it('reports an unreadable proof file without throwing', () => {
    const result = verifyEntry({ ...fixture.input, tlogProof: '<html>登录已过期</html>' });
    expect(result.isVerified).toBe(false);
    expect(statuses(result)).toEqual({ leaf: 'passed', inclusion: 'failed', signature: 'skipped', witness: 'skipped' });
  });

  it('refuses an unknown hash algorithm', () => {
    const keys = { ...fixture.input.keys, hashAlgorithm: 'md5' as LedgerKeys['hashAlgorithm'] };
    const result = verifyEntry({ ...fixture.input, keys });
    expect(result.isVerified).toBe(false);
    expect(stepOf(result, 'leaf').status).toBe('failed');
  });
});
