import { describe, expect, it } from 'vitest';
import { LATE_PAYMENT_RULE, fenToYuan, lateSurcharge, yuanToFen } from './late-payment';

describe('late payment surcharge (SERVE-2)', () => {
  it('SERVE-2: the rule is 3% a day, capped at the fine (行政处罚法 第七十二条)', () => {
    expect(LATE_PAYMENT_RULE).toMatchObject({ rate: 3, unit: 'percent_per_day', cap: 'fine_amount' });
    expect(LATE_PAYMENT_RULE.citations).toContainEqual({ source: '行政处罚法', article: '第七十二条' });
  });

  it('SERVE-2: nothing on or before the due date', () => {
    expect(lateSurcharge({ fineFen: 1_000_000, dueOn: '2025-03-10', asOf: '2025-03-10' })).toEqual({
      daysOverdue: 0,
      surchargeFen: 0,
      isCapped: false,
      totalFen: 1_000_000,
    });
    expect(lateSurcharge({ fineFen: 1_000_000, dueOn: '2025-03-10', asOf: '2025-03-01' }).daysOverdue).toBe(0);
  });

  it('SERVE-2: counts from the day after the due date through asOf', () => {
    // 10,000 yuan: 300 yuan a day; due 28 Feb, asOf 3 March = 3 days.
    expect(lateSurcharge({ fineFen: 1_000_000, dueOn: '2025-02-28', asOf: '2025-03-03' })).toEqual({
      daysOverdue: 3,
      surchargeFen: 90_000,
      isCapped: false,
      totalFen: 1_090_000,
    });
  });

  it('SERVE-2: the daily amount rounds half up to the fen', () => {
    // 3% of 0.50 yuan = 1.5 fen → 2; 3% of 0.49 yuan = 1.47 fen → 1.
    expect(lateSurcharge({ fineFen: 50, dueOn: '2025-01-01', asOf: '2025-01-02' }).surchargeFen).toBe(2);
    expect(lateSurcharge({ fineFen: 49, dueOn: '2025-01-01', asOf: '2025-01-02' }).surchargeFen).toBe(1);
  });

  it('SERVE-2: never more than the fine itself', () => {
    // 34 days × 3% = 102% → capped at 100%.
    expect(lateSurcharge({ fineFen: 1_000_000, dueOn: '2025-01-01', asOf: '2025-02-04' })).toEqual({
      daysOverdue: 34,
      surchargeFen: 1_000_000,
      isCapped: true,
      totalFen: 2_000_000,
    });
    expect(lateSurcharge({ fineFen: 1_000_000, dueOn: '2025-01-01', asOf: '2025-02-03' })).toMatchObject({
      surchargeFen: 990_000,
      isCapped: false,
    });
  });

  it('SERVE-2: refuses a fine that is not whole fen', () => {
    expect(() => lateSurcharge({ fineFen: 10.5, dueOn: '2025-01-01', asOf: '2025-01-02' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('SERVE-2: converts yuan and fen without floating error', () => {
    expect(yuanToFen('1234.5')).toBe(123_450);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen('20000')).toBe(2_000_000);
    expect(fenToYuan(123_450)).toBe('1234.50');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(-150)).toBe('-1.50');
    expect(() => yuanToFen('1.234')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => yuanToFen('-1')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
