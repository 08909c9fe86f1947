import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseChecksum, parseOffset } from './tus-headers';

describe('tus headers (AV-7)', () => {
  it('reads offsets as decimal digits only', () => {
    expect(parseOffset('0')).toBe(0);
    expect(parseOffset('21474836480')).toBe(21_474_836_480);
    for (const bad of [undefined, '', '-1', '1.5', '1e3', ' 12', '99999999999999999'])
      expect(parseOffset(bad), String(bad)).toBeNull();
  });

  it('reads sha1 and sha256 chunk checksums, and refuses others or a wrong length', () => {
    const digest = crypto.createHash('sha256').update('abc').digest();
    expect(parseChecksum(`sha256 ${digest.toString('base64')}`)).toEqual({ algorithm: 'sha256', digest });
    expect(parseChecksum(undefined)).toBeNull();
    expect(() => parseChecksum('md5 kAFQmDzST7DWlj99KOF/cg==')).toThrow('UNSUPPORTED_CHECKSUM');
    expect(() => parseChecksum(`sha1 ${digest.toString('base64')}`)).toThrow('VALIDATION_FAILED');
    expect(() => parseChecksum('sha256')).toThrow('VALIDATION_FAILED');
  });
});
