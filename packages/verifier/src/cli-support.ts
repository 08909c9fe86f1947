import { readFileSync } from 'node:fs';
import { isNoteError, parseVerifierKey, type VerifiedSignature, type VerifierKey } from '@liuhen/domain/ledger';

// Shared by the CLI commands: exit codes, bilingual output, argument files.

export const EXIT_VALID = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export type CliIo = { out: (text: string) => void; err: (text: string) => void };

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Bad arguments or unreadable inputs: exit code 2, distinct from evidence that fails to verify. */
export class UsageError extends Error {
  readonly zh: string;

  constructor(reason: string, zh: string) {
    super(reason);
    this.name = 'UsageError';
    this.zh = zh;
  }
}

export const isUsageError = (error: unknown): error is UsageError => error instanceof UsageError;

export const readBytes = (file: string): Uint8Array => {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`, `无法读取文件 ${file}`);
  }
};

export const readText = (file: string): string => {
  const bytes = readBytes(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} is not UTF-8 text`, `文件 ${file} 不是 UTF-8 文本`);
  }
};

/** --vkey values: a vkey, or @file with one vkey per line (blank lines and # comments skipped). */
export const readVkeys = (values: readonly string[]): VerifierKey[] => {
  const lines = values.flatMap((value) =>
    value.startsWith('@')
      ? readText(value.slice(1))
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== '' && !line.startsWith('#'))
      : [value.trim()],
  );
  if (lines.length === 0) throw new UsageError('give at least one --vkey', '请至少提供一个 --vkey 公钥');

  return lines.map((line) => {
    try {
      return parseVerifierKey(line);
    } catch (error) {
      if (isNoteError(error)) throw new UsageError(`--vkey ${line}: ${error.reason}`, `公钥 ${line} 无效：${error.zh}`);
      throw error;
    }
  });
};

export const requireOne = (value: string | undefined, flag: string): string => {
  if (!value) throw new UsageError(`missing ${flag}`, `缺少参数 ${flag}`);

  return value;
};

const TYPE_NAMES: Record<VerifiedSignature['type'], string> = {
  ed25519: 'Ed25519',
  'ecdsa-p256': 'ECDSA P-256',
  cosignature: 'Ed25519 cosignature/v1',
  'rfc6962-sth': 'RFC 6962 STH',
  sm2: 'SM2/SM3',
};

const signedAt = (signature: VerifiedSignature): string | undefined =>
  signature.timestamp === undefined
    ? undefined
    : new Date(signature.type === 'cosignature' ? signature.timestamp * 1000 : signature.timestamp).toISOString();

export const describeSignature = (signature: VerifiedSignature): string => {
  const time = signedAt(signature);

  return `${signature.name} (${TYPE_NAMES[signature.type]}, key ID ${signature.keyId}${time ? `, ${time}` : ''})`;
};

export const describeSignatureZh = (signature: VerifiedSignature): string => {
  const time = signedAt(signature);

  return `${signature.name}（${TYPE_NAMES[signature.type]}，公钥标识 ${signature.keyId}${time ? `，签署时间 ${time}` : ''}）`;
};

export const hashName = (algorithm: string): string => (algorithm === 'sm3' ? 'SM3' : 'SHA-256');
