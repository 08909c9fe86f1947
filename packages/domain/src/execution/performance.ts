import { cite, type Citation } from '../procedures/citation';
import { lateSurcharge, type LateSurcharge } from './late-payment';

/** SERVE-2: how a decision ended up performed; the first four are performance_record's performanceStatus values. */
export const EXECUTION_OUTCOMES = {
  fully_performed: { name: '已全部履行', isFinal: true, citations: [cite('S4', '第三十条')] },
  partly_performed: { name: '部分履行', isFinal: false, citations: [cite('S4', '第三十条')] },
  not_performed: { name: '逾期未履行', isFinal: false, citations: [cite('S4', '第三十条')] },
  deferred: {
    name: '经批准暂缓或分期缴纳',
    isFinal: false,
    citations: [cite('S4', '第三十条'), cite('行政处罚法', '第六十六条')],
  },
  court_enforced: {
    name: '经人民法院强制执行完毕',
    isFinal: true,
    citations: [cite('S4', '第三十二条'), cite('行政强制法', '第五十三条')],
  },
} as const satisfies Record<string, { name: string; isFinal: boolean; citations: readonly Citation[] }>;
export type ExecutionOutcome = keyof typeof EXECUTION_OUTCOMES;
export const EXECUTION_OUTCOME_IDS = Object.keys(EXECUTION_OUTCOMES) as ExecutionOutcome[];

export type PerformanceSummary = {
  paidFen: number;
  /** The part of the fine still unpaid; the surcharge is reported on its own. */
  outstandingFen: number;
  surcharge: LateSurcharge;
  isFullyPerformed: boolean;
};

/**
 * SERVE-2 (S4 第三十条, 行政处罚法 第七十二条): payments up to asOf against the fine. The surcharge runs on the whole fine
 * when part of it was unpaid on the due date, until the day the fine was paid in full or asOf.
 */
export const performanceSummary = ({
  fineFen,
  payments,
  dueOn,
  asOf,
}: {
  fineFen: number;
  payments: readonly { paidOn: string; amountFen: number }[];
  dueOn: string;
  asOf: string;
}): PerformanceSummary => {
  const counted = payments.filter((payment) => payment.paidOn <= asOf).sort((a, b) => (a.paidOn < b.paidOn ? -1 : 1));
  const paidFen = counted.reduce((sum, payment) => sum + payment.amountFen, 0);
  const outstandingFen = Math.max(0, fineFen - paidFen);
  const paidByDue = counted.filter((payment) => payment.paidOn <= dueOn).reduce((sum, p) => sum + p.amountFen, 0);
  let surchargeUntil = dueOn;
  if (paidByDue < fineFen) {
    let running = 0;
    surchargeUntil = asOf;
    for (const payment of counted) {
      running += payment.amountFen;
      if (running >= fineFen) {
        surchargeUntil = payment.paidOn;
        break;
      }
    }
  }

  return {
    paidFen,
    outstandingFen,
    surcharge: lateSurcharge({ fineFen, dueOn, asOf: surchargeUntil }),
    isFullyPerformed: outstandingFen === 0,
  };
};
