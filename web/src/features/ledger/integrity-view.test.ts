import { describe, expect, it } from 'vitest';
import type { LedgerLogStatus } from '../../api/types';
import { agencyNamesOf, unsignedCount, witnessSummary } from './integrity-view';

const log = (over: Partial<LedgerLogStatus> = {}): LedgerLogStatus => ({
  agency: { id: 'city', code: '11350100MB0000001X', name: '示范市市场监督管理局', level: 'city' },
  origin: 'liuhen.example/log/11350100MB0000001X',
  hashAlgorithm: 'sha256',
  size: 10,
  pending: 0,
  rootHex: 'ab'.repeat(32),
  vkeys: [],
  checkpoint: { size: 8, createdAt: '2025-03-04T08:00:00.000Z', note: '' },
  witness: {
    agency: { id: 'region', name: '示范省市场监督管理局' },
    witnessedSize: 8,
    witnessedAt: '2025-03-04T08:01:00.000Z',
    isLatestCosigned: true,
  },
  audit: null,
  ...over,
});

describe('agencyNamesOf', () => {
  it('knows the logs and their witnesses', () => {
    const names = agencyNamesOf([log()]);
    expect(names.get('city')).toBe('示范市市场监督管理局');
    expect(names.get('region')).toBe('示范省市场监督管理局');
  });
});

describe('witnessSummary', () => {
  it('tells a top-level log, a log never witnessed and a witnessed one apart', () => {
    expect(witnessSummary(log({ witness: null }))).toEqual({ state: 'top-level' });
    expect(
      witnessSummary(
        log({ witness: { ...log().witness!, witnessedSize: null, witnessedAt: null, isLatestCosigned: false } }),
      ),
    ).toEqual({ state: 'never', witnessName: '示范省市场监督管理局' });
    expect(witnessSummary(log())).toMatchObject({ state: 'witnessed', size: 8, isLatestCosigned: true });
  });
});

describe('unsignedCount', () => {
  it('counts entries beyond the latest checkpoint', () => {
    expect(unsignedCount(log())).toBe(2);
    expect(unsignedCount(log({ checkpoint: null }))).toBe(10);
    expect(unsignedCount(log({ size: 8 }))).toBe(0);
  });
});
