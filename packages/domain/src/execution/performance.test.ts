import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../records/catalog';
import { EXECUTION_OUTCOMES, EXECUTION_OUTCOME_IDS, performanceSummary } from './performance';

const fineFen = 1_000_000;
const dueOn = '2025-03-10';

describe('performance of the decision (SERVE-2)', () => {
  it('SERVE-2: outcomes include every performance status of the performance record', () => {
    const field = RECORD_KINDS.performance_record.fields.find((item) => item.name === 'performanceStatus');
    expect(EXECUTION_OUTCOME_IDS.slice(0, 4)).toEqual(field?.options?.map((option) => option.value));
    expect(EXECUTION_OUTCOMES.court_enforced.isFinal).toBe(true);
  });

  it('SERVE-2: paid in full by the due date: performed, no surcharge', () => {
    const summary = performanceSummary({
      fineFen,
      payments: [{ paidOn: '2025-03-10', amountFen: fineFen }],
      dueOn,
      asOf: '2025-04-30',
    });
    expect(summary).toMatchObject({ paidFen: fineFen, outstandingFen: 0, isFullyPerformed: true });
    expect(summary.surcharge.surchargeFen).toBe(0);
  });

  it('SERVE-2: partly paid and overdue: the surcharge runs on the fine through asOf', () => {
    const summary = performanceSummary({
      fineFen,
      payments: [{ paidOn: '2025-03-05', amountFen: 400_000 }],
      dueOn,
      asOf: '2025-03-12',
    });
    expect(summary).toMatchObject({ paidFen: 400_000, outstandingFen: 600_000, isFullyPerformed: false });
    expect(summary.surcharge).toMatchObject({ daysOverdue: 2, surchargeFen: 60_000 });
  });

  it('SERVE-2: paid late: the surcharge stops on the day the fine was paid in full', () => {
    const summary = performanceSummary({
      fineFen,
      payments: [
        { paidOn: '2025-03-15', amountFen: 600_000 },
        { paidOn: '2025-03-01', amountFen: 400_000 },
      ],
      dueOn,
      asOf: '2025-05-01',
    });
    expect(summary).toMatchObject({ paidFen: fineFen, outstandingFen: 0, isFullyPerformed: true });
    expect(summary.surcharge).toMatchObject({ daysOverdue: 5, surchargeFen: 150_000 });
  });

  it('SERVE-2: never paid: the surcharge reaches its cap', () => {
    const summary = performanceSummary({ fineFen, payments: [], dueOn, asOf: '2025-06-01' });
    expect(summary.surcharge).toMatchObject({ surchargeFen: fineFen, isCapped: true });
    expect(summary.outstandingFen).toBe(fineFen);
  });

  it('SERVE-2: payments after asOf do not count yet', () => {
    const summary = performanceSummary({
      fineFen,
      payments: [{ paidOn: '2025-03-20', amountFen: fineFen }],
      dueOn,
      asOf: '2025-03-11',
    });
    expect(summary).toMatchObject({ paidFen: 0, outstandingFen: fineFen, isFullyPerformed: false });
    expect(summary.surcharge.daysOverdue).toBe(1);
  });
});
