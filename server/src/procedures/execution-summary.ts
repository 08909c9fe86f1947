import {
  addDays,
  earliestCourtApplicationOn,
  fenToYuan,
  performanceSummary,
  servedDateOf,
  yuanToFen,
} from '@liuhen/domain';
import type { CaseState } from './case-state';

// 行政处罚法 第六十七条: the fine is paid within fifteen days of receiving the decision.
const PAYMENT_DAYS = 15;

/**
 * SERVE-2: where the execution of a penalty decision stands: the fine, what was paid, the late-payment surcharge of
 * 行政处罚法 第七十二条 (3% a day, never more than the fine) and the earliest day a court may be asked to enforce.
 */
export const executionSummaryOf = ({ state, today }: { state: CaseState; today: string }) => {
  const decision = state.facts.records.find((r) => r.kind === 'penalty_decision');
  const fine = typeof decision?.content.fineAmount === 'string' ? decision.content.fineAmount : null;
  if (!decision || fine === null) return null;
  const servedOn = servedDateOf(state.facts, 'penalty_decision');
  const dueOn = servedOn ? addDays(servedOn, PAYMENT_DAYS) : null;
  const payments = state.facts.records
    .filter((r) => r.kind === 'performance_record' && typeof r.content.amountPaid === 'string')
    .map((r) => ({
      paidOn: typeof r.content.performedOn === 'string' ? r.content.performedOn : r.recordedOn,
      amountFen: yuanToFen(r.content.amountPaid as string),
    }));
  const summary = dueOn ? performanceSummary({ fineFen: yuanToFen(fine), payments, dueOn, asOf: today }) : null;
  const demandServedOn = servedDateOf(state.facts, 'demand_notice');

  return {
    fineAmount: fine,
    decisionServedOn: servedOn,
    dueOn,
    paidAmount: summary ? fenToYuan(summary.paidFen) : '0.00',
    outstandingAmount: summary ? fenToYuan(summary.outstandingFen) : fine,
    isFullyPerformed: summary?.isFullyPerformed ?? false,
    surcharge: summary
      ? {
          daysOverdue: summary.surcharge.daysOverdue,
          amount: fenToYuan(summary.surcharge.surchargeFen),
          isCapped: summary.surcharge.isCapped,
        }
      : null,
    demandServedOn,
    earliestCourtApplicationOn: demandServedOn ? earliestCourtApplicationOn(demandServedOn) : null,
  };
};
