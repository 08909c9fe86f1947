import { describe, expect, it } from 'vitest';
import { courtApplicationProblems, earliestCourtApplicationOn, latestCourtApplicationOn } from './court-application';

const ready = {
  demandServedOn: '2025-03-01',
  appliedOn: '2025-03-12',
  hasPartyStatements: true,
  hasPartyStatementsReexamined: true,
};

describe('court enforcement application (SERVE-2)', () => {
  it('SERVE-2: ten full days after the demand notice is served, the application may be filed', () => {
    expect(earliestCourtApplicationOn('2025-03-01')).toBe('2025-03-12');
    expect(courtApplicationProblems(ready)).toEqual([]);
  });

  it('SERVE-2: too early within the ten days', () => {
    expect(courtApplicationProblems({ ...ready, appliedOn: '2025-03-11' })).toEqual([
      expect.objectContaining({ code: 'COURT_APPLICATION_TOO_EARLY', field: 'appliedOn' }),
    ]);
  });

  it('SERVE-2: a demand notice must be served first', () => {
    expect(courtApplicationProblems({ ...ready, demandServedOn: null })).toEqual([
      {
        code: 'COURT_APPLICATION_TOO_EARLY',
        field: 'demandServedOn',
        message: '申请人民法院强制执行前，应当制作催告书并送达当事人',
      },
    ]);
  });

  it('SERVE-2: the party’s statements are re-examined before applying', () => {
    expect(courtApplicationProblems({ ...ready, hasPartyStatementsReexamined: false })).toEqual([
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'partyStatements' }),
    ]);
    expect(
      courtApplicationProblems({ ...ready, hasPartyStatements: false, hasPartyStatementsReexamined: false }),
    ).toEqual([]);
  });

  it('SERVE-2: within three months after the remedy period ends (行政强制法 第五十三条)', () => {
    expect(latestCourtApplicationOn({ remedyPeriodEndsOn: '2025-03-10' })).toBe('2025-06-10');
    expect(courtApplicationProblems({ ...ready, remedyPeriodEndsOn: '2025-03-10' })).toEqual([]);
    expect(courtApplicationProblems({ ...ready, remedyPeriodEndsOn: '2025-03-12' })).toEqual([
      expect.objectContaining({ code: 'COURT_APPLICATION_TOO_EARLY', field: 'appliedOn' }),
    ]);
    expect(courtApplicationProblems({ ...ready, appliedOn: '2025-06-11', remedyPeriodEndsOn: '2025-03-10' })).toEqual([
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'appliedOn' }),
    ]);
  });
});
