import { describe, expect, it } from 'vitest';
import { formatCheckpoint, isCheckpointError, parseCheckpoint, type CheckpointErrorCode } from './checkpoint';
import { toBase64 } from './hashing';

const root = Uint8Array.from({ length: 32 }, (_, i) => i);
const body = `example.gov.cn/log\n42\n${toBase64(root)}\n`;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Same bytes, but a padding bit set: a non-canonical encoding. */
const nonCanonical = (b64: string): string => b64.slice(0, 42) + ALPHABET[ALPHABET.indexOf(b64[42]!) + 1] + '=';

const errorCode = (text: string): CheckpointErrorCode | 'parsed' => {
  try {
    parseCheckpoint(text);

    return 'parsed';
  } catch (error) {
    if (isCheckpointError(error)) return error.code;
    throw error;
  }
};

describe('LEDGER-2 C2SP tlog-checkpoint body', () => {
  it('LEDGER-2 formats origin, size and base64 root, and parses it back', () => {
    expect(formatCheckpoint({ origin: 'example.gov.cn/log', size: 42, root })).toBe(body);
    expect(parseCheckpoint(body)).toEqual({ origin: 'example.gov.cn/log', size: 42, root, extensions: [] });
    expect(formatCheckpoint({ origin: 'o', size: 0, root })).toBe(`o\n0\n${toBase64(root)}\n`);
  });

  it('LEDGER-2 returns extension lines when present', () => {
    expect(parseCheckpoint(`${body}ext one\next two\n`).extensions).toEqual(['ext one', 'ext two']);
  });

  it('LEDGER-2 is strict about every line', () => {
    expect(errorCode(body.slice(0, -1))).toBe('malformed-checkpoint');
    expect(errorCode(`example\n42\n`)).toBe('malformed-checkpoint');
    expect(errorCode(`\n42\n${toBase64(root)}\n`)).toBe('invalid-origin');
    expect(errorCode(body.replace('\n42\n', '\n042\n'))).toBe('invalid-size');
    expect(errorCode(body.replace('\n42\n', '\n+42\n'))).toBe('invalid-size');
    expect(errorCode(body.replace('\n42\n', '\n9007199254740993\n'))).toBe('invalid-size');
    expect(errorCode(body.replace(toBase64(root), toBase64(root.subarray(1))))).toBe('invalid-root');
    expect(errorCode(body.replace(toBase64(root), nonCanonical(toBase64(root))))).toBe('invalid-root');
    expect(errorCode(`${body}\n`)).toBe('malformed-checkpoint');
    expect(errorCode(body.replace('example', 'exa\rmple'))).toBe('malformed-checkpoint');
    expect(() => formatCheckpoint({ origin: 'a\nb', size: 1, root })).toThrow();
    expect(() => formatCheckpoint({ origin: 'a', size: -1, root })).toThrow();
    expect(() => formatCheckpoint({ origin: 'a', size: 1, root: new Uint8Array(20) })).toThrow();
  });
});
