import { describe, expect, it } from 'vitest';
import { formatCheckpoint } from './checkpoint';
import { createHasher } from './hasher';
import { leafHash, toBase64, utf8 } from './hashing';
import { inclusionProof, MemoryTree, verifyInclusion } from './merkle';
import { openNote, parseNote } from './note';
import { generateSigner, signNote } from './signers';
import { formatTlogProof, isTlogProofError, parseTlogProof } from './tlog-proof';

const sha = createHasher('sha256');
const tree = new MemoryTree(
  sha,
  Array.from({ length: 11 }, (_, i) => leafHash(sha, utf8(`entry ${i}`))),
);
const log = generateSigner('ed25519', 'example.gov.cn/agency-1');
const checkpoint = signNote(
  formatCheckpoint({ origin: 'example.gov.cn/agency-1', size: 11, root: tree.root() }),
  log.skey,
);

describe('LEDGER-2 C2SP tlog-proof@v1', () => {
  it('LEDGER-2 formats header, index, proof lines, blank line and the checkpoint verbatim', async () => {
    const proof = await inclusionProof(sha, 6, 11, tree.node);
    const text = formatTlogProof({ index: 6, proof, checkpoint });
    expect(text).toBe(
      `c2sp.org/tlog-proof@v1\nindex 6\n${proof.map((h) => `${toBase64(h)}\n`).join('')}\n${checkpoint}`,
    );
    const parsed = parseTlogProof(text);
    expect(parsed).toEqual({ index: 6, proof, checkpoint });
    const opened = openNote(parsed.checkpoint, [log.vkey]);
    expect(opened.verified).toHaveLength(1);
    verifyInclusion(sha, { index: 6, size: 11, leafHash: tree.node(0, 6), proof: parsed.proof, root: tree.root() });
  });

  it('LEDGER-2 carries optional extra data, including an empty one', () => {
    const extra = utf8('case 2026-0001');
    const text = formatTlogProof({ index: 0, proof: [], checkpoint, extra });
    expect(text.split('\n')[1]).toBe(`extra ${toBase64(extra)}`);
    expect(parseTlogProof(text).extra).toEqual(extra);
    expect(parseTlogProof(formatTlogProof({ index: 0, proof: [], checkpoint, extra: new Uint8Array() })).extra).toEqual(
      new Uint8Array(),
    );
    expect(parseNote(parseTlogProof(text).checkpoint).text).toBe(
      checkpoint.slice(0, checkpoint.lastIndexOf('\n\n') + 1),
    );
  });

  it('LEDGER-2 rejects malformed proofs', async () => {
    const proof = await inclusionProof(sha, 6, 11, tree.node);
    const good = formatTlogProof({ index: 6, proof, checkpoint });
    const bad = [
      good.replace('tlog-proof@v1', 'tlog-proof@v2'),
      good.replace('index 6', 'index 06'),
      good.replace('index 6', 'index -6'),
      good.replace('index 6', 'idx 6'),
      good.replace('index 6\n', 'index 6\nextra !!\n'),
      good.replace('index 6\n', 'extra AAAA\nindex 6\nextra AAAA\n'),
      good.replace(toBase64(proof[0]!), toBase64(proof[0]!.subarray(1))),
      good.replace(toBase64(proof[0]!), 'not base64'),
      good.slice(0, good.indexOf('\n\n') + 2),
      good.replace('\n\n', '\n'),
    ];
    for (const text of bad) {
      let error: unknown;
      try {
        parseTlogProof(text);
      } catch (caught) {
        error = caught;
      }
      expect(isTlogProofError(error), text.slice(0, 80)).toBe(true);
    }
    expect(() => formatTlogProof({ index: -1, proof, checkpoint })).toThrow();
    expect(() => formatTlogProof({ index: 1, proof: [new Uint8Array(31)], checkpoint })).toThrow();
  });
});
