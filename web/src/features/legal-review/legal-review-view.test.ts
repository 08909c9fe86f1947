import { describe, expect, it } from 'vitest';
import { formatAmountThreshold, isCriteriaMissing, tagOf, TIMELINESS_TAGS } from './legal-review-view';

describe('legal review view helpers (REVIEW-1, REVIEW-4)', () => {
  it('formats the threshold the server stores as decimal text', () => {
    expect(formatAmountThreshold('100000.00')).toBe('¥100,000.00 以上');
    expect(formatAmountThreshold(10000)).toBe('¥10,000.00 以上');
    expect(formatAmountThreshold(null)).toBeNull();
  });

  it('names timeliness and keeps an unknown value visible', () => {
    expect(tagOf(TIMELINESS_TAGS, 'overdue')).toEqual({ label: '已逾期', color: 'red' });
    expect(tagOf(TIMELINESS_TAGS, 'later')).toEqual({ label: 'later', color: 'default' });
  });

  it('wants a criterion when the entry applies to every field', () => {
    expect(isCriteriaMissing({ field: 'any', penaltyKinds: [], amountThreshold: null })).toBe(true);
    expect(isCriteriaMissing({ field: 'any', penaltyKinds: ['fine'], amountThreshold: null })).toBe(false);
    expect(isCriteriaMissing({ field: 'real_estate', penaltyKinds: [], amountThreshold: null })).toBe(false);
  });
});
