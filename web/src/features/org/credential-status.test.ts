import { describe, expect, it } from 'vitest';
import { credentialStatus } from './credential-status';

const card = {
  number: 'A1',
  field: '市场监管',
  issuer: '某省人民政府',
  validFrom: '2024-01-01',
  validTo: '2026-12-31',
};

describe('credentialStatus', () => {
  it('trusts the server on validity', () => {
    expect(credentialStatus({ ...card, isValid: true }, '2025-06-01').label).toBe('有效');
  });

  it('tells an expired card from one not yet in force', () => {
    expect(credentialStatus({ ...card, isValid: false }, '2027-01-01').label).toBe('已过期');
    expect(credentialStatus({ ...card, isValid: false }, '2023-06-01').label).toBe('未生效');
  });
});
