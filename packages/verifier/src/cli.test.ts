import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHasher } from '@liuhen/domain';
import {
  consistencyProof,
  cosignCheckpoint,
  formatCheckpoint,
  formatTlogProof,
  generateSigner,
  inclusionProof,
  leafHash,
  MemoryTree,
  signNote,
  toBase64,
  utf8,
  type Hasher,
} from '@liuhen/domain/ledger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// LEDGER-3: the liuhen-verify CLI run as a child process, as a citizen or auditor would run it.

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(here, 'cli.ts');
const bin = path.join(here, '../bin/liuhen-verify.mjs');

type Run = { code: number; stdout: string; stderr: string };

const run = (args: string[], viaBin = false): Promise<Run> =>
  new Promise((resolve) => {
    const [command, prefix] = viaBin ? [process.execPath, [bin]] : [tsx, [cli]];
    execFile(command, [...prefix, ...args], { cwd: root, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });

let dir = '';
const file = (name: string): string => path.join(dir, name);

type Log = {
  origin: string;
  hasher: Hasher;
  tree: MemoryTree;
  leaves: Uint8Array[];
  log: { skey: string; vkey: string };
};

const buildLog = (origin: string, algorithm: 'sha256' | 'sm3', type: 'ed25519' | 'sm2', count: number): Log => {
  const hasher = createHasher(algorithm);
  const leaves = Array.from({ length: count }, (_, i) => utf8(`{"agency":"${origin}","entry":${i}}`));
  const tree = new MemoryTree(
    hasher,
    leaves.map((leaf) => leafHash(hasher, leaf)),
  );

  return { origin, hasher, tree, leaves, log: generateSigner(type, origin) };
};

const checkpointOf = (log: Log, size: number): string =>
  signNote(formatCheckpoint({ origin: log.origin, size, root: log.tree.root(size) }), log.log.skey);

const writeProof = async (log: Log, index: number, size: number, name: string, note = checkpointOf(log, size)) => {
  const proof = await inclusionProof(log.hasher, index, size, log.tree.node);
  writeFileSync(file(name), formatTlogProof({ index, proof, checkpoint: note }));
  writeFileSync(file(`${name}.leaf`), log.leaves[index]!);
};

const a = buildLog('example.gov.cn/agency-a', 'sha256', 'ed25519', 20);
const b = buildLog('example.gov.cn/agency-b', 'sm3', 'sm2', 9);
const witness = generateSigner('cosignature', 'witness.example.gov.cn');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'liuhen-verify-test-'));
  writeFileSync(file('a.vkeys'), `# agency A\n${a.log.vkey}\n\n${witness.vkey}\n`);
  await writeProof(a, 7, 20, 'a7.tlog-proof');
  const body = formatCheckpoint({ origin: a.origin, size: 20, root: a.tree.root(20) });
  await writeProof(
    a,
    19,
    20,
    'a19.tlog-proof',
    signNote(body, a.log.skey) + cosignCheckpoint(body, witness.skey, 1_763_700_000),
  );
  await writeProof(b, 4, 9, 'b4.tlog-proof');

  const tampered = a.leaves[7]!.slice();
  tampered[3]! ^= 0x20;
  writeFileSync(file('a7-tampered.leaf'), tampered);
  const proofText = formatTlogProof({
    index: 7,
    proof: await inclusionProof(a.hasher, 7, 20, a.tree.node),
    checkpoint: checkpointOf(a, 20),
  });
  const lines = proofText.split('\n');
  lines[3] = toBase64(a.tree.node(0, 0));
  writeFileSync(file('a7-bad-proof.tlog-proof'), lines.join('\n'));

  writeFileSync(file('a-old.checkpoint'), checkpointOf(a, 13));
  writeFileSync(file('a-new.checkpoint'), checkpointOf(a, 20));
  const cons = await consistencyProof(a.hasher, 13, 20, a.tree.node);
  writeFileSync(file('a-13-20.proof'), cons.map((hash) => `${toBase64(hash)}\n`).join(''));
  writeFileSync(file('a-13-20-bad.proof'), [...cons.slice(1), cons[0]!].map((hash) => `${toBase64(hash)}\n`).join(''));
  writeFileSync(file('b.checkpoint'), checkpointOf(b, 9));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test spawns the CLI several times, concurrently, on a two-core machine: seconds each, so a wider guard.
describe.concurrent('LEDGER-3 liuhen-verify proof', { timeout: 60_000 }, () => {
  it('LEDGER-3 a valid proof exits 0 with a Chinese-then-English report', async () => {
    const result = await run([
      'proof',
      '--vkey',
      a.log.vkey,
      '--proof',
      file('a7.tlog-proof'),
      '--leaf',
      file('a7.tlog-proof.leaf'),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.indexOf('核验通过')).toBe(0);
    expect(result.stdout.indexOf('VERIFIED')).toBeGreaterThan(result.stdout.indexOf('日志签名已验证'));
    expect(result.stdout).toContain('entry 7 (0-based) of log example.gov.cn/agency-a');
    expect(result.stdout).toContain(`root: ${Buffer.from(a.tree.root(20)).toString('hex')}`);
    expect(result.stdout).toContain('leaf hash (SHA-256)');
  });

  it('LEDGER-3 the installed bin reads keys from @file and reports verified cosignatures', async () => {
    const result = await run(
      [
        'proof',
        '--vkey',
        `@${file('a.vkeys')}`,
        '--proof',
        file('a19.tlog-proof'),
        '--leaf',
        file('a19.tlog-proof.leaf'),
      ],
      true,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('见证联署已验证：witness.example.gov.cn');
    expect(result.stdout).toContain('witness cosignature verified: witness.example.gov.cn (Ed25519 cosignature/v1');
    expect(result.stdout).toContain('2025-11-21T04:40:00.000Z');
  });

  it('LEDGER-3 an SM3/SM2 log is verified, the hash algorithm detected', async () => {
    const result = await run([
      'proof',
      '--vkey',
      b.log.vkey,
      '--proof',
      file('b4.tlog-proof'),
      '--leaf',
      file('b4.tlog-proof.leaf'),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('leaf hash (SM3)');
    expect(result.stdout).toContain('SM2/SM3');
    const forced = await run([
      'proof',
      '--vkey',
      b.log.vkey,
      '--proof',
      file('b4.tlog-proof'),
      '--leaf',
      file('b4.tlog-proof.leaf'),
      '--hash',
      'sha256',
    ]);
    expect(forced.code).toBe(1);
  });

  it('LEDGER-3 a tampered record exits 1 and says the inclusion proof fails', async () => {
    const result = await run([
      'proof',
      '--vkey',
      a.log.vkey,
      '--proof',
      file('a7.tlog-proof'),
      '--leaf',
      file('a7-tampered.leaf'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('核验失败：无法证明该记录在日志中');
    expect(result.stderr).toContain('NOT VERIFIED: the record is not proven to be in the log');
    expect(result.stderr).toContain('does not lead to the expected root hash');
  });

  it('LEDGER-3 a tampered proof exits 1', async () => {
    const result = await run([
      'proof',
      '--vkey',
      a.log.vkey,
      '--proof',
      file('a7-bad-proof.tlog-proof'),
      '--leaf',
      file('a7.tlog-proof.leaf'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('inclusion proof does not lead to the expected root hash');
  });

  it('LEDGER-3 the wrong log key exits 1: the checkpoint has no trusted signature', async () => {
    const result = await run([
      'proof',
      '--vkey',
      b.log.vkey,
      '--proof',
      file('a7.tlog-proof'),
      '--leaf',
      file('a7.tlog-proof.leaf'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no signature from a trusted key');
    const witnessOnly = await run([
      'proof',
      '--vkey',
      witness.vkey,
      '--proof',
      file('a19.tlog-proof'),
      '--leaf',
      file('a19.tlog-proof.leaf'),
    ]);
    expect(witnessOnly.code).toBe(1);
    expect(witnessOnly.stderr).toContain("only witness cosignatures verified; give the log's own key");
  });

  it('LEDGER-3 usage errors exit 2', async () => {
    const missing = await run(['proof', '--vkey', a.log.vkey, '--proof', file('a7.tlog-proof')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --leaf');
    const badKey = await run([
      'proof',
      '--vkey',
      'nonsense',
      '--proof',
      file('a7.tlog-proof'),
      '--leaf',
      file('a7.tlog-proof.leaf'),
    ]);
    expect(badKey.code).toBe(2);
    const noFile = await run([
      'proof',
      '--vkey',
      a.log.vkey,
      '--proof',
      file('absent'),
      '--leaf',
      file('a7.tlog-proof.leaf'),
    ]);
    expect(noFile.code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['proof', '--bogus'])).code).toBe(2);
  });
});

describe.concurrent('LEDGER-3 liuhen-verify consistency', { timeout: 60_000 }, () => {
  it('LEDGER-3 a valid consistency proof exits 0', async () => {
    const result = await run([
      'consistency',
      '--vkey',
      a.log.vkey,
      '--old',
      file('a-old.checkpoint'),
      '--new',
      file('a-new.checkpoint'),
      '--proof',
      file('a-13-20.proof'),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('核验通过：日志 example.gov.cn/agency-a 大小为 20 的树是大小为 13 的树的延续');
    expect(result.stdout).toContain(
      'VERIFIED: the tree of size 20 of log example.gov.cn/agency-a extends the tree of size 13',
    );
  });

  it('LEDGER-3 a reordered proof, swapped checkpoints or another log exit 1', async () => {
    const bad = await run([
      'consistency',
      '--vkey',
      a.log.vkey,
      '--old',
      file('a-old.checkpoint'),
      '--new',
      file('a-new.checkpoint'),
      '--proof',
      file('a-13-20-bad.proof'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('NOT VERIFIED: the new checkpoint does not extend the old one');
    const swapped = await run([
      'consistency',
      '--vkey',
      a.log.vkey,
      '--old',
      file('a-new.checkpoint'),
      '--new',
      file('a-old.checkpoint'),
      '--proof',
      file('a-13-20.proof'),
    ]);
    expect(swapped.code).toBe(1);
    expect(swapped.stderr).toContain('is larger than size2');
    const other = await run([
      'consistency',
      '--vkey',
      a.log.vkey,
      '--vkey',
      b.log.vkey,
      '--old',
      file('a-old.checkpoint'),
      '--new',
      file('b.checkpoint'),
      '--proof',
      file('a-13-20.proof'),
    ]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('belong to different logs');
  });
});

describe.concurrent('LEDGER-3 liuhen-verify audit dispatch', { timeout: 60_000 }, () => {
  it('LEDGER-3 needs exactly one data source, and a folder without a database is a usage error', async () => {
    const neither = await run(['audit']);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('give exactly one of --data <folder> or --database-url <url>');
    const both = await run(['audit', '--data', dir, '--database-url', 'postgres://localhost/x']);
    expect(both.code).toBe(2);
    const empty = await run(['audit', '--data', dir]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('cannot load the data');
  });
});
