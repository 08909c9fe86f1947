import { describe, expect, it } from 'vitest';
import { checkResidentId, normalizeResidentId, residentIdCheckChar } from './resident-id';

describe('GB 11643 resident identity number (issue 2 §7)', () => {
  it('accepts the standard example with an X check character', () => {
    expect(checkResidentId('11010519491231002X')).toBeNull();
  });

  it('accepts numbers whose check digit is a digit', () => {
    // 4·7+4·9+0+3·5+0+0+1·2+9·1+9·6+0+0+1·9+0+1·5+0+0+1·2 = 160; 160 mod 11 = 6 → '6'
    expect(residentIdCheckChar('44030019900101001')).toBe('6');
    expect(checkResidentId('440300199001010016')).toBeNull();
  });

  it('computes every check character from the weights mod 11', () => {
    const seen = new Set<string>();
    for (let order = 0; order < 200; order++) {
      const body = `3201021985061${String(order).padStart(4, '0')}`;
      seen.add(residentIdCheckChar(body));
    }
    expect([...seen].sort().join('')).toBe('0123456789X');
  });

  it('refuses a wrong check digit, also for every single-digit change', () => {
    const valid = '11010519491231002X';
    expect(checkResidentId('110105194912310021')).toBe('check_digit');
    for (let i = 14; i < 17; i++) {
      const changed = valid.slice(0, i) + String((Number(valid[i]) + 1) % 10) + valid.slice(i + 1);
      expect(checkResidentId(changed)).toBe('check_digit');
    }
  });

  it('refuses bad shapes, impossible dates and unassigned regions', () => {
    expect(checkResidentId('110105491231002')).toBe('format');
    expect(checkResidentId('11010519491231002x')).toBe('format');
    expect(checkResidentId('1101051949123100ZX')).toBe('format');
    expect(checkResidentId('010105194912310021')).toBe('region');
    expect(checkResidentId('110105194902300021')).toBe('birth_date');
    expect(checkResidentId('110105189912310021')).toBe('birth_date');
  });

  it('refuses a birth date after today when today is given', () => {
    const body = '11010520300101001';
    const id = body + residentIdCheckChar(body);
    expect(checkResidentId(id)).toBeNull();
    expect(checkResidentId(id, '2026-11-21')).toBe('birth_date');
  });

  it('normalizes a typed lower-case x', () => {
    expect(normalizeResidentId(' 11010519491231002x ')).toBe('11010519491231002X');
  });
});
