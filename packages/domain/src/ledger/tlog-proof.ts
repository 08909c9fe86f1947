import { fromBase64, HASH_SIZE, toBase64 } from './hashing';

// C2SP tlog-proof, format "c2sp.org/tlog-proof@v1" (C2SP/C2SP tlog-proof.md at commit 0065ea5b): header, optional
// "extra <base64>", "index <n>", one base64 proof hash per line, a blank line, then the signed checkpoint verbatim.
// The spec says SHA-256; an SM3 log writes its 32-byte SM3 hashes the same way.

export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';

export type TlogProof = {
  index: number;
  proof: Uint8Array[];
  /** The signed checkpoint note, verbatim, including its signature lines. */
  checkpoint: string;
  /** Opaque, unauthenticated application data. */
  extra?: Uint8Array;
};

export class TlogProofError extends Error {
  readonly code = 'malformed-tlog-proof';
  readonly reason: string;
  readonly zh: string;

  constructor(reason: string, zh: string) {
    super(reason);
    this.name = 'TlogProofError';
    this.reason = reason;
    this.zh = zh;
  }
}

export const isTlogProofError = (error: unknown): error is TlogProofError => error instanceof TlogProofError;

const DECIMAL = /^(0|[1-9][0-9]*)$/;

export const formatTlogProof = (proof: TlogProof): string => {
  if (!Number.isSafeInteger(proof.index) || proof.index < 0) {
    throw new TlogProofError('index must be a non-negative integer', '叶序号无效');
  }
  if (proof.proof.some((hash) => hash.length !== HASH_SIZE)) {
    throw new TlogProofError(`proof hashes must be ${HASH_SIZE} bytes`, '证明哈希长度无效');
  }
  if (!proof.checkpoint.endsWith('\n') || proof.checkpoint.startsWith('\n')) {
    throw new TlogProofError('checkpoint must be a signed note', '检查点格式错误');
  }
  const extra = proof.extra === undefined ? '' : `extra ${toBase64(proof.extra)}\n`;
  const hashes = proof.proof.map((hash) => `${toBase64(hash)}\n`).join('');

  return `${TLOG_PROOF_HEADER}\n${extra}index ${proof.index}\n${hashes}\n${proof.checkpoint}`;
};

/** Strict parse; the checkpoint is returned unverified (open it with openNote). */
export const parseTlogProof = (text: string): TlogProof => {
  const fail = (reason: string, zh: string): TlogProofError =>
    new TlogProofError(`malformed tlog-proof: ${reason}`, `证明文件格式错误：${zh}`);
  const blank = text.indexOf('\n\n');
  if (blank < 0) throw fail('no blank line before the checkpoint', '缺少检查点前的空行');
  const lines = text.slice(0, blank).split('\n');
  const checkpoint = text.slice(blank + 2);
  if (lines[0] !== TLOG_PROOF_HEADER) throw fail(`first line must be ${TLOG_PROOF_HEADER}`, '首行标识错误');
  let next = 1;
  let extra: Uint8Array | undefined;
  if (lines[next]?.startsWith('extra ')) {
    try {
      extra = fromBase64(lines[next]!.slice('extra '.length));
    } catch {
      throw fail('extra data is not canonical base64', '附加数据不是规范的 Base64');
    }
    next += 1;
  }
  const indexLine = lines[next] ?? '';
  if (!indexLine.startsWith('index ')) throw fail('missing index line', '缺少 index 行');
  const indexText = indexLine.slice('index '.length);
  const index = Number(indexText);
  if (!DECIMAL.test(indexText) || !Number.isSafeInteger(index))
    throw fail('index is not a canonical decimal', '叶序号格式错误');
  const proof = lines.slice(next + 1).map((line, i) => {
    let hash: Uint8Array;
    try {
      hash = fromBase64(line);
    } catch {
      throw fail(`proof line ${i + 1} is not canonical base64`, `第 ${i + 1} 个证明哈希不是规范的 Base64`);
    }
    if (hash.length !== HASH_SIZE)
      throw fail(`proof line ${i + 1} is not ${HASH_SIZE} bytes`, `第 ${i + 1} 个证明哈希长度错误`);

    return hash;
  });
  if (checkpoint.length === 0 || !checkpoint.endsWith('\n')) throw fail('checkpoint is missing', '缺少检查点');

  return extra === undefined ? { index, proof, checkpoint } : { index, proof, checkpoint, extra };
};
