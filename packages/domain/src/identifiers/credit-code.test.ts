import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, normalizeCreditCode } from './credit-code';

describe('GB 32100 unified social credit code (issue 2 §7)', () => {
  it('accepts the standard annex example', () => {
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
  });

  it('accepts published company codes', () => {
    expect(checkCreditCode('9144030071526726XG')).toBeNull();
    expect(checkCreditCode('91440300708461136T')).toBeNull();
  });

  it('maps a remainder of zero to the check character 0', () => {
    const found = Array.from({ length: 2000 }, (_, i) => `91350100M${String(i).padStart(8, '0')}`).find(
      (body) => creditCodeCheckChar(body) === '0',
    );
    expect(found).toBeDefined();
    expect(checkCreditCode(`${found}0`)).toBeNull();
  });

  it('refuses a wrong check character and any single changed character', () => {
    expect(checkCreditCode('91350100M000100Y44')).toBe('check_char');
    const valid = '91350100M000100Y43';
    for (let i = 2; i < 8; i++) {
      const changed = valid.slice(0, i) + String((Number(valid[i]) + 1) % 10) + valid.slice(i + 1);
      expect(checkCreditCode(changed)).toBe('check_char');
    }
  });

  it('refuses letters outside the alphabet and wrong lengths', () => {
    expect(checkCreditCode('91350100I000100Y43')).toBe('format');
    expect(checkCreditCode('91350100O000100Y43')).toBe('format');
    expect(checkCreditCode('91350100M000100Y4')).toBe('format');
    expect(checkCreditCode('9135010AM000100Y43')).toBe('format');
  });

  it('normalizes case and spaces', () => {
    expect(normalizeCreditCode(' 91350100m000100y43')).toBe('91350100M000100Y43');
  });
});
