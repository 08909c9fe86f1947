import { createHasher } from '@liuhen/domain';
import {
  cosignCheckpoint,
  formatCheckpoint,
  generateSigner,
  leafHash,
  MemoryTree,
  signNote,
  utf8,
  type Hasher,
} from '@liuhen/domain/ledger';
import { describe, expect, it } from 'vitest';
import { auditLog, type AuditEntry, type AuditFinding, type AuditReport } from './audit';

// LEDGER-3: the offline audit names each kind of tampering on a synthetic 100-entry log.

const ORIGIN = 'example.gov.cn/agency-a';
const sha = createHasher('sha256');
const log = generateSigner('ed25519', ORIGIN);

const makeEntries = (hasher: Hasher, count: number): AuditEntry[] =>
  Array.from({ length: count }, (_, seq) => {
    const leaf = utf8(`{"agency":"a","seq":${seq},"type":"case.viewed"}`);

    return { seq, leaf, leafHash: leafHash(hasher, leaf) };
  });

const makeCheckpoints = (hasher: Hasher, entries: AuditEntry[], sizes: number[], skey = log.skey) => {
  const tree = new MemoryTree(
    hasher,
    entries.map((entry) => entry.leafHash),
  );

  return sizes.map((size) => ({
    size,
    note: signNote(formatCheckpoint({ origin: ORIGIN, size, root: tree.root(size) }), skey),
  }));
};

const SIZES = [10, 25, 40, 60, 75, 90, 100];
const original = makeEntries(sha, 100);
const checkpoints = makeCheckpoints(sha, original, SIZES);

const audit = (entries: AuditEntry[], options: { cps?: typeof checkpoints; vkeys?: string[] } = {}): AuditReport =>
  auditLog({
    hasher: sha,
    entries,
    checkpoints: options.cps ?? checkpoints,
    vkeys: options.vkeys ?? [log.vkey],
    origin: ORIGIN,
  });

const kinds = (report: AuditReport): [string, number | undefined, number | undefined][] =>
  report.findings.map((f: AuditFinding) => [f.kind, f.seq, f.size]);

/** Rewrites a row's leaf, optionally re-hashing it so the stored hash agrees. */
const alter = (entry: AuditEntry, isRehashed: boolean): AuditEntry => {
  const leaf = utf8(new TextDecoder().decode(entry.leaf).replace('case.viewed', 'case.closed'));

  return { ...entry, leaf, leafHash: isRehashed ? leafHash(sha, leaf) : entry.leafHash };
};

describe('LEDGER-3 auditLog on an untouched log', () => {
  it('LEDGER-3 finds nothing and reports the rebuilt root', () => {
    const report = audit(original);
    expect(report.isOk).toBe(true);
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({
      entries: 100,
      checkpoints: 7,
      checkpointsVerified: 7,
      checkpointsMatching: 7,
      signedSize: 100,
    });
    expect(report.root).toBe(
      Buffer.from(
        new MemoryTree(
          sha,
          original.map((e) => e.leafHash),
        ).root(),
      ).toString('hex'),
    );
  });

  it('LEDGER-3 entries appended after the last checkpoint are fine', () => {
    expect(audit(makeEntries(sha, 130)).isOk).toBe(true);
  });

  it('LEDGER-3 an SM3 log with SM2 checkpoints audits clean', () => {
    const sm3 = createHasher('sm3');
    const sm2 = generateSigner('sm2', ORIGIN);
    const entries = makeEntries(sm3, 50);
    const report = auditLog({
      hasher: sm3,
      entries,
      checkpoints: makeCheckpoints(sm3, entries, [7, 50], sm2.skey),
      vkeys: [sm2.vkey],
      origin: ORIGIN,
    });
    expect(report.isOk).toBe(true);
  });
});

describe('LEDGER-3 auditLog names each kind of tampering', () => {
  it('LEDGER-3 altered leaf, stored hash kept: altered-leaf at its seq, confirmed by the checkpoint', () => {
    const entries = original.map((e) => (e.seq === 30 ? alter(e, false) : e));
    const report = audit(entries);
    expect(kinds(report)).toEqual([
      ['altered-leaf', 30, undefined],
      ['checkpoint-root-mismatch', undefined, 40],
    ]);
    expect(report.findings[0]!.detail).toContain('changed after signing');
    expect(report.findings[1]!.detail).toContain('seq 25–39');
    expect(report.checkpointsMatching).toBe(2);
  });

  it('LEDGER-3 altered leaf with its hash rewritten: the mismatch window brackets it; dense checkpoints pin it', () => {
    const entries = original.map((e) => (e.seq === 30 ? alter(e, true) : e));
    const sparse = audit(entries);
    expect(kinds(sparse)).toEqual([['checkpoint-root-mismatch', undefined, 40]]);
    expect(sparse.findings[0]!.detail).toContain('within seq 25–39');
    expect(sparse.findings[0]!.detail).toContain('4 later checkpoints also differ');

    const dense = makeCheckpoints(
      sha,
      original,
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    const pinned = audit(entries, { cps: dense });
    expect(kinds(pinned)).toEqual([
      ['checkpoint-root-mismatch', undefined, 31],
      ['altered-leaf', 30, undefined],
    ]);
  });

  it('LEDGER-3 deleted row: missing-entry at the gap, and the last checkpoint is beyond the log', () => {
    const report = audit(original.filter((e) => e.seq !== 50));
    expect(kinds(report)).toEqual([
      ['missing-entry', 50, undefined],
      ['checkpoint-root-mismatch', undefined, 60],
      ['checkpoint-beyond-log', undefined, 100],
    ]);
    expect(report.findings.some((f) => f.kind === 'truncated-log')).toBe(false);
  });

  it('LEDGER-3 deleted row with the tail renumbered: missing-entry within the first diverging window', () => {
    const entries = original.filter((e) => e.seq !== 50).map((e, i) => ({ ...e, seq: i }));
    const report = audit(entries);
    expect(kinds(report)).toEqual([
      ['checkpoint-root-mismatch', undefined, 60],
      ['missing-entry', undefined, undefined],
      ['checkpoint-beyond-log', undefined, 100],
    ]);
    expect(report.findings[1]!.detail).toContain('1 entries shorter than signed and diverges within seq 40–59');
  });

  it('LEDGER-3 forged insertion with the tail renumbered: inserted-entry at its seq, later checkpoints then agree', () => {
    const forged = { seq: 33, leaf: utf8('{"forged":true}'), leafHash: leafHash(sha, utf8('{"forged":true}')) };
    const entries = [...original.slice(0, 33), forged, ...original.slice(33)].map((e, i) => ({ ...e, seq: i }));
    const report = audit(entries);
    expect(kinds(report)).toEqual([
      ['checkpoint-root-mismatch', undefined, 40],
      ['inserted-entry', 33, undefined],
    ]);
    expect(report.findings[1]!.detail).toContain('renumbered');
  });

  it('LEDGER-3 forged duplicate of a seq: inserted-entry names the copy that is not in the signed log', () => {
    const forged = { seq: 33, leaf: utf8('{"forged":true}'), leafHash: leafHash(sha, utf8('{"forged":true}')) };
    const entries = [...original.slice(0, 34), forged, ...original.slice(34)];
    const report = audit(entries);
    expect(kinds(report)).toEqual([
      ['inserted-entry', 33, undefined],
      ['checkpoint-root-mismatch', undefined, 40],
    ]);
    expect(report.findings[0]!.detail).toContain(
      `the copy with leaf hash ${Buffer.from(forged.leafHash).toString('hex')}`,
    );
  });

  it('LEDGER-3 two rows exchanged: reordered-entries names both seqs', () => {
    const entries = original.map((e) =>
      e.seq === 44 ? { ...original[47]!, seq: 44 } : e.seq === 47 ? { ...original[44]!, seq: 47 } : e,
    );
    const report = audit(entries);
    expect(kinds(report)).toEqual([
      ['checkpoint-root-mismatch', undefined, 60],
      ['reordered-entries', 44, undefined],
    ]);
    expect(report.findings[1]!.detail).toBe(
      'the entries at seq 44 and seq 47 are exchanged relative to the signed log',
    );
  });

  it('LEDGER-3 rows delivered out of seq order: reordered-entries, but the tree in seq order still matches', () => {
    const entries = [...original];
    [entries[12], entries[13]] = [entries[13]!, entries[12]!];
    expect(kinds(audit(entries))).toEqual([['reordered-entries', 12, undefined]]);
  });

  it('LEDGER-3 cut-off tail: truncated-log and checkpoint-beyond-log', () => {
    const report = audit(original.slice(0, 85));
    expect(kinds(report)).toEqual([
      ['checkpoint-beyond-log', undefined, 100],
      ['truncated-log', 85, undefined],
    ]);
    expect(report.findings[0]!.detail).toContain('2 signed checkpoints cover more entries than the log holds (85)');
  });

  it('LEDGER-3 checkpoint rows that were forged, re-signed by another key, moved or only cosigned', () => {
    const other = generateSigner('ed25519', ORIGIN);
    const witness = generateSigner('cosignature', 'witness.example');
    const otherLog = makeCheckpoints(sha, original, [75], other.skey)[0]!;
    const forgedRoot = {
      size: 60,
      note: checkpoints[3]!.note.replace(
        /\n([A-Za-z0-9+/]{43}=)\n/,
        '\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n',
      ),
    };
    const body = formatCheckpoint({
      origin: ORIGIN,
      size: 90,
      root: new MemoryTree(
        sha,
        original.map((e) => e.leafHash),
      ).root(90),
    });
    const cosignedOnly = { size: 90, note: `${body}\n${cosignCheckpoint(body, witness.skey, 1)}` };
    const moved = { size: 26, note: checkpoints[1]!.note };
    const cps = [checkpoints[0]!, moved, forgedRoot, otherLog, cosignedOnly, checkpoints[6]!];
    const report = audit(original, { cps, vkeys: [log.vkey, witness.vkey] });
    expect(kinds(report)).toEqual([
      ['checkpoint-signature-invalid', undefined, 26],
      ['checkpoint-signature-invalid', undefined, 60],
      ['checkpoint-signature-invalid', undefined, 75],
      ['checkpoint-signature-invalid', undefined, 90],
    ]);
    expect(report.findings.map((f) => f.detail)).toEqual([
      'checkpoint 26: the stored size does not match the signed size 25',
      expect.stringContaining('does not verify'),
      'checkpoint 75: no signature from a trusted key',
      'checkpoint 90: only witness cosignatures verified, no log signature',
    ]);
    expect(report.checkpointsVerified).toBe(2);

    const elsewhere = auditLog({
      hasher: sha,
      entries: original,
      checkpoints,
      vkeys: [log.vkey],
      origin: 'example.gov.cn/other',
    });
    expect(elsewhere.findings).toHaveLength(7);
    expect(elsewhere.findings[0]!.detail).toContain('signed for origin "example.gov.cn/agency-a"');
  });

  it('LEDGER-3 findings carry a Chinese message too', () => {
    const report = audit(original.slice(0, 85));
    expect(report.findings.map((f) => f.zh)).toEqual([
      '有 2 个已签名检查点覆盖的记录数超过日志现有的 85 条，最大为 100 条',
      '日志只有 85 条，但已签名 100 条：第 85 条及以后的记录被删除',
    ]);
  });
});
