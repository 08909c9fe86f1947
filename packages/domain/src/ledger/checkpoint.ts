import { fromBase64, HASH_SIZE, toBase64 } from './hashing';

// C2SP tlog-checkpoint v1.0.0 note text: origin, decimal tree size, base64 root hash, optional extension lines.

export type Checkpoint = {
  origin: string;
  size: number;
  root: Uint8Array;
  extensions: string[];
};

export type CheckpointErrorCode = 'malformed-checkpoint' | 'invalid-origin' | 'invalid-size' | 'invalid-root';

export class CheckpointError extends Error {
  readonly code: CheckpointErrorCode;
  readonly reason: string;
  readonly zh: string;

  constructor(code: CheckpointErrorCode, reason: string, zh: string) {
    super(reason);
    this.name = 'CheckpointError';
    this.code = code;
    this.reason = reason;
    this.zh = zh;
  }
}

export const isCheckpointError = (error: unknown): error is CheckpointError => error instanceof CheckpointError;

// The signed-note format forbids ASCII control characters other than newline anywhere in the text.
const hasControlCharacter = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return true;
  }

  return false;
};

const DECIMAL = /^(0|[1-9][0-9]*)$/;

const isValidOrigin = (origin: string): boolean =>
  origin.length > 0 && !origin.includes('\n') && !hasControlCharacter(origin);

/** The checkpoint body (note text) for a tree head; no extension lines are produced. */
export const formatCheckpoint = (checkpoint: { origin: string; size: number; root: Uint8Array }): string => {
  const { origin, size, root } = checkpoint;
  if (!isValidOrigin(origin))
    throw new CheckpointError('invalid-origin', 'origin must be one non-empty line', '日志标识无效');
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new CheckpointError('invalid-size', `tree size ${size} is not a non-negative integer`, '树大小无效');
  }
  if (root.length !== HASH_SIZE) {
    throw new CheckpointError(
      'invalid-root',
      `root hash is ${root.length} bytes, expected ${HASH_SIZE}`,
      '树根长度无效',
    );
  }

  return `${origin}\n${size}\n${toBase64(root)}\n`;
};

/** Strict parse of a checkpoint body (the note text, signatures removed). */
export const parseCheckpoint = (text: string): Checkpoint => {
  const malformed = (why: string): CheckpointError =>
    new CheckpointError('malformed-checkpoint', `malformed checkpoint: ${why}`, `检查点格式错误：${why}`);
  if (!text.endsWith('\n')) throw malformed('text must end with a newline');
  if (hasControlCharacter(text)) throw malformed('control characters are not allowed');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw malformed('expected origin, size and root lines');
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (!isValidOrigin(origin)) throw new CheckpointError('invalid-origin', 'origin line is empty', '日志标识为空');
  if (!DECIMAL.test(sizeText)) {
    throw new CheckpointError('invalid-size', `tree size "${sizeText}" is not a canonical decimal`, '树大小格式错误');
  }
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) {
    throw new CheckpointError('invalid-size', `tree size ${sizeText} exceeds 2^53 − 1`, '树大小超出支持范围');
  }
  let root: Uint8Array;
  try {
    root = fromBase64(rootText);
  } catch {
    throw new CheckpointError('invalid-root', 'root hash is not canonical base64', '树根不是规范的 Base64 编码');
  }
  if (root.length !== HASH_SIZE) {
    throw new CheckpointError(
      'invalid-root',
      `root hash is ${root.length} bytes, expected ${HASH_SIZE}`,
      '树根长度无效',
    );
  }
  if (extensions.some((line) => line.length === 0)) throw malformed('extension lines must be non-empty');

  return { origin, size, root, extensions };
};
