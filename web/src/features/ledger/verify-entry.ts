import {
  createPortableHasher,
  isHashAlgorithm,
  isNoteError,
  leafHash,
  openNote,
  parseCheckpoint,
  parseNote,
  parseTlogProof,
  toHex,
  verifyInclusion,
  type Checkpoint,
  type Hasher,
  type OpenedNote,
  type TlogProof,
} from '@liuhen/domain/ledger';
import type { LedgerKeys } from '../../api/types';
import { HASH_ALGORITHM_LABELS } from './ledger-labels';

export type VerifyStepKey = 'leaf' | 'inclusion' | 'signature' | 'witness';

/** `warning` and `skipped` never fail the whole check: a missing cosignature is a delay, not a forgery. */
export type VerifyStepStatus = 'passed' | 'failed' | 'warning' | 'skipped';

export type VerifyStep = { key: VerifyStepKey; title: string; status: VerifyStepStatus; detail: string };

export type SignerInfo = { name: string; keyId: string };

export type WitnessInfo = SignerInfo & { cosignedAt: string | null };

export type EntryVerification = {
  isVerified: boolean;
  /** Always four, in the order 叶子哈希, 包含证明, 检查点签名, 上级见证. */
  steps: VerifyStep[];
  hashAlgorithm: string;
  leafHashHex: string | null;
  /** From the checkpoint in the proof file; null when it could not be read. */
  origin: string | null;
  index: number | null;
  treeSize: number | null;
  rootHex: string | null;
  logSigners: SignerInfo[];
  witnesses: WitnessInfo[];
};

export type EntryVerificationInput = {
  seq: number;
  leaf: Uint8Array;
  tlogProof: string;
  keys: LedgerKeys;
  /** What the case page showed for this entry, so the leaf checked is the one the officer is looking at. */
  expected?: { leafHashHex?: string; caseId?: string; type?: string };
};

const STEP_TITLES: Record<VerifyStepKey, string> = {
  leaf: '叶子哈希',
  inclusion: '包含证明',
  signature: '检查点签名',
  witness: '上级见证',
};

const step = (key: VerifyStepKey, status: VerifyStepStatus, detail: string): VerifyStep => ({
  key,
  title: STEP_TITLES[key],
  status,
  detail,
});

/** The Chinese reason the domain errors carry; anything else is an unexpected failure. */
const reasonOf = (error: unknown): string => {
  if (typeof error === 'object' && error !== null && 'zh' in error && typeof error.zh === 'string') return error.zh;

  return error instanceof Error ? `无法完成核验：${error.message}` : '无法完成核验';
};

const attempt = <T>(run: () => T): { value: T; error: null } | { value: null; error: string } => {
  try {
    return { value: run(), error: null };
  } catch (error) {
    return { value: null, error: reasonOf(error) };
  }
};

const readLeafJson = (leaf: Uint8Array): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(leaf));

    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
};

const checkLeaf = (
  input: EntryVerificationInput,
  hashHex: string,
  algorithmLabel: string,
): { status: VerifyStepStatus; detail: string } => {
  const { expected } = input;
  const computed = `${algorithmLabel}(0x00‖叶子) = ${hashHex}`;
  if (expected?.leafHashHex && expected.leafHashHex.toLowerCase() !== hashHex) {
    return { status: 'failed', detail: `${computed}，与案件时间线所示的 ${expected.leafHashHex} 不符` };
  }
  if (expected?.caseId !== undefined || expected?.type !== undefined) {
    const json = readLeafJson(input.leaf);
    if (!json) return { status: 'failed', detail: `${computed}，但叶子不是有效的 JSON` };
    if (expected.caseId !== undefined && json.case !== expected.caseId) {
      return { status: 'failed', detail: `${computed}，但叶子记录的不是本案件` };
    }
    if (expected.type !== undefined && json.type !== expected.type) {
      return { status: 'failed', detail: `${computed}，但叶子记录的事件类型为 ${String(json.type)}，与时间线不符` };
    }
  }

  return {
    status: 'passed',
    detail: expected?.leafHashHex ? `${computed}，与案件时间线所示一致` : computed,
  };
};

const checkSignature = (
  note: string,
  checkpoint: Checkpoint | null,
  keys: LedgerKeys,
): { step: VerifyStep; signers: SignerInfo[] } => {
  const fail = (detail: string) => ({ step: step('signature', 'failed', detail), signers: [] });
  if (keys.logKeys.length === 0) return fail('服务器未提供本账本的验证公钥');
  const vkeys = keys.logKeys.map((k) => k.vkey);
  const opened = attempt(() => openNote(note, vkeys));
  if (opened.error !== null) return fail(opened.error);
  if (!checkpoint) return fail('检查点内容无法解析');
  if (checkpoint.origin !== keys.origin) {
    return fail(`检查点的日志标识 ${checkpoint.origin} 与本账本的标识 ${keys.origin} 不符`);
  }
  // C2SP: a log signs with a key named after its origin; a key of another name vouches for another log.
  const signers = opened.value.verified.filter((v) => v.name === checkpoint.origin);
  if (signers.length === 0) return fail('检查点没有以本账本名义的有效签名');
  const names = signers.map((s) => `${s.name}（密钥 ${s.keyId}）`).join('、');

  return {
    step: step('signature', 'passed', `检查点由 ${names} 签名，日志标识与本账本一致`),
    signers: signers.map(({ name, keyId }) => ({ name, keyId })),
  };
};

const checkWitness = (note: string, keys: LedgerKeys): { step: VerifyStep; witnesses: WitnessInfo[] } => {
  if (keys.witnessKeys.length === 0) {
    return {
      step: step('witness', 'skipped', '没有上级机关的见证公钥（最高层级机关的账本无上级见证）'),
      witnesses: [],
    };
  }
  const vkeys = keys.witnessKeys.map((k) => k.vkey);
  let opened: OpenedNote;
  try {
    opened = openNote(note, vkeys);
  } catch (error) {
    if (isNoteError(error) && error.code === 'no-trusted-signature') {
      return {
        step: step('witness', 'warning', '该检查点尚无上级机关的见证签名；见证通常在数分钟内完成，届时可再次核验'),
        witnesses: [],
      };
    }

    return { step: step('witness', 'failed', reasonOf(error)), witnesses: [] };
  }
  const witnesses = opened.verified.map(({ name, keyId, timestamp }): WitnessInfo => ({
    name,
    keyId,
    cosignedAt: timestamp === undefined ? null : new Date(timestamp * 1000).toISOString(),
  }));

  return {
    step: step('witness', 'passed', `检查点已由上级机关 ${witnesses.map((w) => w.name).join('、')} 见证签名`),
    witnesses,
  };
};

const checkInclusion = (
  hasher: Hasher,
  input: EntryVerificationInput,
  proof: TlogProof,
  checkpoint: Checkpoint | null,
  leafHashBytes: Uint8Array,
  checkpointError: string | null,
): VerifyStep => {
  if (proof.index !== input.seq) {
    return step('inclusion', 'failed', `证明文件针对的是条目 #${proof.index}，而不是条目 #${input.seq}`);
  }
  if (!checkpoint) return step('inclusion', 'failed', checkpointError ?? '检查点内容无法解析');
  const verified = attempt(() =>
    verifyInclusion(hasher, {
      index: proof.index,
      size: checkpoint.size,
      leafHash: leafHashBytes,
      proof: proof.proof,
      root: checkpoint.root,
    }),
  );
  if (verified.error !== null) return step('inclusion', 'failed', verified.error);

  return step(
    'inclusion',
    'passed',
    `由 ${proof.proof.length} 个哈希推导出的树根与检查点一致：条目 #${proof.index} 在大小为 ${checkpoint.size} 的账本中`,
  );
};

/**
 * Checks one ledger entry entirely in the browser: its leaf hash, its inclusion proof against the signed checkpoint
 * in the tlog-proof file, that checkpoint's signature by the log's key, and any cosignatures of the witness above.
 * Never throws: every problem becomes a failed step.
 */
export const verifyEntry = (input: EntryVerificationInput): EntryVerification => {
  const { keys } = input;
  const result: EntryVerification = {
    isVerified: false,
    steps: [],
    hashAlgorithm: keys.hashAlgorithm,
    leafHashHex: null,
    origin: null,
    index: null,
    treeSize: null,
    rootHex: null,
    logSigners: [],
    witnesses: [],
  };
  const skipRest = (from: VerifyStepKey[], detail: string): VerifyStep[] =>
    from.map((key) => step(key, 'skipped', detail));

  if (!isHashAlgorithm(keys.hashAlgorithm)) {
    result.steps = [
      step('leaf', 'failed', `不支持的哈希算法：${keys.hashAlgorithm}`),
      ...skipRest(['inclusion', 'signature', 'witness'], '叶子哈希无法计算，未继续核验'),
    ];

    return result;
  }
  const hasher = createPortableHasher(keys.hashAlgorithm);
  const leafHashBytes = leafHash(hasher, input.leaf);
  result.leafHashHex = toHex(leafHashBytes);
  const leaf = checkLeaf(input, result.leafHashHex, HASH_ALGORITHM_LABELS[keys.hashAlgorithm]);
  const leafStep = step('leaf', leaf.status, leaf.detail);

  const parsedProof = attempt(() => parseTlogProof(input.tlogProof));
  if (parsedProof.error !== null) {
    result.steps = [
      leafStep,
      step('inclusion', 'failed', parsedProof.error),
      ...skipRest(['signature', 'witness'], '证明文件无法解析，未继续核验'),
    ];

    return result;
  }
  const proof = parsedProof.value;
  result.index = proof.index;
  // The body is read without trusting it, so a bad signature still shows which tree it claimed.
  const parsedCheckpoint = attempt(() => parseCheckpoint(parseNote(proof.checkpoint).text));
  const checkpoint = parsedCheckpoint.value;
  if (checkpoint) {
    result.origin = checkpoint.origin;
    result.treeSize = checkpoint.size;
    result.rootHex = toHex(checkpoint.root);
  }

  const inclusionStep = checkInclusion(hasher, input, proof, checkpoint, leafHashBytes, parsedCheckpoint.error);
  const signature = checkSignature(proof.checkpoint, checkpoint, keys);
  const witness = checkWitness(proof.checkpoint, keys);
  result.logSigners = signature.signers;
  result.witnesses = witness.witnesses;
  result.steps = [leafStep, inclusionStep, signature.step, witness.step];
  result.isVerified =
    leafStep.status === 'passed' &&
    inclusionStep.status === 'passed' &&
    signature.step.status === 'passed' &&
    witness.step.status !== 'failed';

  return result;
};
