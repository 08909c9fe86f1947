import { describe, expect, it } from 'vitest';
import { isValidPhone, normalizePhone } from './phone';

describe('party phone numbers', () => {
  it('accepts mobiles and landlines', () => {
    for (const p of ['13800138000', '19912345678', '0427-2812345', '01012345678', '010-12345678-123']) {
      expect(isValidPhone(p)).toBe(true);
    }
  });

  it('refuses other shapes', () => {
    for (const p of ['12800138000', '1380013800', '138001380001', 'abc', '427-2812345']) {
      expect(isValidPhone(p)).toBe(false);
    }
  });

  it('removes spaces people type', () => {
    expect(normalizePhone(' 138 0013 8000 ')).toBe('13800138000');
  });
});
