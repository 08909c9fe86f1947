import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { assertCredentialPeriod, isCredentialValidOn } from './credential';

describe('enforcement credential validity (ORG-2)', () => {
  const credential = { validFrom: '2024-01-01', validTo: '2026-12-31' };

  it('is valid on its first and last day and not outside', () => {
    expect(isCredentialValidOn(credential, '2024-01-01')).toBe(true);
    expect(isCredentialValidOn(credential, '2026-12-31')).toBe(true);
    expect(isCredentialValidOn(credential, '2023-12-31')).toBe(false);
    expect(isCredentialValidOn(credential, '2027-01-01')).toBe(false);
  });

  it('refuses a period that ends before it starts or is not a date', () => {
    expect(() => assertCredentialPeriod({ validFrom: '2026-01-02', validTo: '2026-01-01' })).toThrow(DomainError);
    expect(() => assertCredentialPeriod({ validFrom: '2026-02-30', validTo: '2027-01-01' })).toThrow(DomainError);
    expect(() => assertCredentialPeriod(credential)).not.toThrow();
  });
});
