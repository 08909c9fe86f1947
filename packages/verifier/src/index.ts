import { createHasher } from '@liuhen/domain';
import {
  fromBase64,
  isCheckpointError,
  isNoteError,
  isProofError,
  isTlogProofError,
  leafHash,
  openNote,
  parseCheckpoint,
  parseTlogProof,
  toHex,
  verifyConsistency,
  verifyInclusion,
  type Checkpoint,
  type HashAlgorithm,
  type VerifiedSignature,
  type VerifierKey,
} from '@liuhen/domain/ledger';

// LEDGER-3: offline verification of what a citizen or auditor holds: a .tlog-proof with its record, or two
// checkpoints and the consistency proof between them. Nothing here talks to the server.

export { auditLog } from './audit';
export type { AuditCheckpoint, AuditEntry, AuditFinding, AuditFindingKind, AuditInput, AuditReport } from './audit';

export type VerifyErrorCode =
  | 'invalid-vkey'
  | 'malformed-proof'
  | 'checkpoint-signature'
  | 'no-log-signature'
  | 'malformed-checkpoint'
  | 'origin-mismatch'
  | 'inclusion'
  | 'consistency';

export class VerifyError extends Error {
  readonly code: VerifyErrorCode;
  readonly reason: string;
  readonly zh: string;

  constructor(code: VerifyErrorCode, reason: string, zh: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'VerifyError';
    this.code = code;
    this.reason = reason;
    this.zh = zh;
  }
}

export const isVerifyError = (error: unknown): error is VerifyError => error instanceof VerifyError;

export type SignedCheckpoint = {
  origin: string;
  size: number;
  /** Hex root hash. */
  root: string;
  /** Verified signatures by log keys (any type but cosignature). */
  logSignatures: VerifiedSignature[];
  /** Verified witness cosignatures, with their timestamps (POSIX seconds). */
  cosignatures: VerifiedSignature[];
  /** Names on signature lines from keys not given to the verifier. */
  ignoredSignatures: string[];
};

export type ProofVerification = {
  checkpoint: SignedCheckpoint;
  index: number;
  /** Hex leaf hash of the given record, H(0x00 || leaf). */
  leafHash: string;
  hashAlgorithm: HashAlgorithm;
  proofLength: number;
  /** Opaque, unauthenticated extra data carried by the proof file. */
  extra?: Uint8Array;
};

export type ConsistencyVerification = {
  old: SignedCheckpoint;
  new: SignedCheckpoint;
  hashAlgorithm: HashAlgorithm;
  proofLength: number;
};

const HASH_CANDIDATES: readonly HashAlgorithm[] = ['sha256', 'sm3'];

/** Opens a checkpoint note: a log signature from the given keys is required; witness cosignatures are reported. */
export const openCheckpoint = (
  note: string,
  vkeys: readonly (string | VerifierKey)[],
  label: readonly [en: string, zh: string] = ['checkpoint', '检查点'],
): SignedCheckpoint & { parsed: Checkpoint } => {
  const [what, whatZh] = label;
  let opened;
  try {
    opened = openNote(note, vkeys);
  } catch (error) {
    if (!isNoteError(error)) throw error;
    const code =
      error.code === 'invalid-vkey' || error.code === 'ambiguous-vkey' ? 'invalid-vkey' : 'checkpoint-signature';

    throw new VerifyError(code, `${what}: ${error.reason}`, `${whatZh}：${error.zh}`, { cause: error });
  }
  const logSignatures = opened.verified.filter((signature) => signature.type !== 'cosignature');
  const cosignatures = opened.verified.filter((signature) => signature.type === 'cosignature');
  // A witness vouches for what it saw; only the log's own key makes the checkpoint the log's statement.
  if (logSignatures.length === 0) {
    throw new VerifyError(
      'no-log-signature',
      `${what}: only witness cosignatures verified; give the log's own key`,
      `${whatZh}：只有见证联署得到验证，请提供日志本身的公钥`,
    );
  }
  let parsed: Checkpoint;
  try {
    parsed = parseCheckpoint(opened.text);
  } catch (error) {
    if (!isCheckpointError(error)) throw error;
    throw new VerifyError('malformed-checkpoint', `${what}: ${error.reason}`, `${whatZh}：${error.zh}`, {
      cause: error,
    });
  }

  return {
    origin: parsed.origin,
    size: parsed.size,
    root: toHex(parsed.root),
    logSignatures,
    cosignatures,
    ignoredSignatures: opened.ignored,
    parsed,
  };
};

const withoutParsed = ({ parsed: _parsed, ...rest }: SignedCheckpoint & { parsed: Checkpoint }): SignedCheckpoint =>
  rest;

const tryAlgorithms = <T>(
  requested: HashAlgorithm | undefined,
  run: (algorithm: HashAlgorithm) => T,
  fail: (reason: string, zh: string, cause: unknown) => VerifyError,
): T => {
  const errors: { algorithm: HashAlgorithm; reason: string; zh: string; error: unknown }[] = [];
  for (const algorithm of requested ? [requested] : HASH_CANDIDATES) {
    try {
      return run(algorithm);
    } catch (error) {
      if (!isProofError(error)) throw error;
      errors.push({ algorithm, reason: error.reason, zh: error.zh, error });
    }
  }
  const label = (algorithm: HashAlgorithm): string => (algorithm === 'sha256' ? 'SHA-256' : 'SM3');
  if (errors.length === 1) throw fail(errors[0]!.reason, errors[0]!.zh, errors[0]!.error);
  throw fail(
    errors.map((e) => `${label(e.algorithm)}: ${e.reason}`).join('; '),
    errors.map((e) => `${label(e.algorithm)}：${e.zh}`).join('；'),
    errors[0]!.error,
  );
};

/**
 * Verifies a C2SP tlog-proof for a record: the checkpoint's log signature, any cosignatures, and the inclusion of
 * H(0x00 || leaf) at the proof's index in the signed tree. Without `hashAlgorithm`, SHA-256 and then SM3 are tried.
 */
export const verifyProofFile = (options: {
  vkeys: readonly (string | VerifierKey)[];
  tlogProofText: string;
  leaf: Uint8Array;
  hashAlgorithm?: HashAlgorithm;
  origin?: string;
}): ProofVerification => {
  let proof;
  try {
    proof = parseTlogProof(options.tlogProofText);
  } catch (error) {
    if (!isTlogProofError(error)) throw error;
    throw new VerifyError('malformed-proof', error.reason, error.zh, { cause: error });
  }
  const checkpoint = openCheckpoint(proof.checkpoint, options.vkeys);
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    throw new VerifyError(
      'origin-mismatch',
      `the checkpoint is for log "${checkpoint.origin}", not "${options.origin}"`,
      `检查点属于日志"${checkpoint.origin}"，不是"${options.origin}"`,
    );
  }

  return tryAlgorithms(
    options.hashAlgorithm,
    (hashAlgorithm) => {
      const hasher = createHasher(hashAlgorithm);
      const hash = leafHash(hasher, options.leaf);
      verifyInclusion(hasher, {
        index: proof.index,
        size: checkpoint.size,
        leafHash: hash,
        proof: proof.proof,
        root: checkpoint.parsed.root,
      });
      const result: ProofVerification = {
        checkpoint: withoutParsed(checkpoint),
        index: proof.index,
        leafHash: toHex(hash),
        hashAlgorithm,
        proofLength: proof.proof.length,
      };

      return proof.extra === undefined ? result : { ...result, extra: proof.extra };
    },
    (reason, zh, cause) =>
      new VerifyError(
        'inclusion',
        `the record is not proven to be in the log: ${reason}`,
        `无法证明该记录在日志中：${zh}`,
        {
          cause,
        },
      ),
  );
};

/** Parses a consistency proof file: base64 hashes, one per line (blank lines and CRLF endings tolerated at the end). */
export const parseProofLines = (text: string): Uint8Array[] => {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  if (lines.length === 1 && lines[0] === '') return [];

  return lines.map((line, i) => {
    try {
      const hash = fromBase64(line.trim());
      if (hash.length === 32) return hash;
    } catch {
      // fall through to the error below
    }
    throw new VerifyError(
      'malformed-proof',
      `proof line ${i + 1} is not a base64 32-byte hash`,
      `证明第 ${i + 1} 行不是 Base64 编码的 32 字节哈希`,
    );
  });
};

/** Verifies that a newer signed checkpoint extends an older one of the same log (RFC 9162 consistency). */
export const verifyConsistencyFiles = (options: {
  vkeys: readonly (string | VerifierKey)[];
  oldCheckpoint: string;
  newCheckpoint: string;
  proof: string | readonly Uint8Array[];
  hashAlgorithm?: HashAlgorithm;
}): ConsistencyVerification => {
  const older = openCheckpoint(options.oldCheckpoint, options.vkeys, ['old checkpoint', '旧检查点']);
  const newer = openCheckpoint(options.newCheckpoint, options.vkeys, ['new checkpoint', '新检查点']);
  if (older.origin !== newer.origin) {
    throw new VerifyError(
      'origin-mismatch',
      `the checkpoints belong to different logs ("${older.origin}" and "${newer.origin}")`,
      `两个检查点属于不同的日志（"${older.origin}"与"${newer.origin}"）`,
    );
  }
  const proof = typeof options.proof === 'string' ? parseProofLines(options.proof) : [...options.proof];

  return tryAlgorithms(
    options.hashAlgorithm,
    (hashAlgorithm) => {
      verifyConsistency(createHasher(hashAlgorithm), {
        size1: older.size,
        size2: newer.size,
        proof,
        root1: older.parsed.root,
        root2: newer.parsed.root,
      });

      return { old: withoutParsed(older), new: withoutParsed(newer), hashAlgorithm, proofLength: proof.length };
    },
    (reason, zh, cause) =>
      new VerifyError(
        'consistency',
        `the new checkpoint does not extend the old one: ${reason}`,
        `新检查点不是旧检查点的延续：${zh}`,
        {
          cause,
        },
      ),
  );
};
