import { daysBetween } from '../calendar/iso-date';
import { DomainError } from '../errors';
import { cite, type Citation } from '../procedures/citation';
import { normalizeMoney } from '../records/validate-record';

/** SERVE-2: 到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额. */
export const LATE_PAYMENT_RULE = {
  rate: 3,
  unit: 'percent_per_day',
  cap: 'fine_amount',
  citations: [cite('行政处罚法', '第七十二条'), cite('行政强制法', '第四十五条')],
} as const satisfies { rate: number; unit: string; cap: string; citations: readonly Citation[] };

const invalid = (field: string, value: unknown): DomainError =>
  new DomainError('VALIDATION_FAILED', { fields: [{ field, code: 'VALIDATION_FAILED' }], value });

const assertFen = (fen: number, field: string): number => {
  if (!Number.isSafeInteger(fen) || fen < 0) throw invalid(field, fen);

  return fen;
};

/** Yuan as entered or stored ("1234.5", 1234.5) to integer fen, so money is never summed as floats. */
export const yuanToFen = (value: string | number): number => {
  const normalized = normalizeMoney(value);
  if (normalized === null) throw invalid('amount', value);
  const [yuan, fen] = normalized.split('.') as [string, string];

  return Number(yuan) * 100 + Number(fen);
};

/** Integer fen to the stored yuan form, two decimals: 123450 → "1234.50". */
export const fenToYuan = (fen: number): string => {
  if (!Number.isSafeInteger(fen)) throw invalid('amount', fen);
  const sign = fen < 0 ? '-' : '';
  const absolute = Math.abs(fen);

  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
};

export type LateSurcharge = { daysOverdue: number; surchargeFen: number; isCapped: boolean; totalFen: number };

/**
 * SERVE-2 (行政处罚法 第七十二条(一)): the surcharge runs from the day after the due date through asOf, 3% of the fine
 * a day rounded half up to the fen, and never exceeds the fine itself.
 */
export const lateSurcharge = ({
  fineFen,
  dueOn,
  asOf,
}: {
  fineFen: number;
  dueOn: string;
  asOf: string;
}): LateSurcharge => {
  assertFen(fineFen, 'fineFen');
  const daysOverdue = Math.max(0, daysBetween(dueOn, asOf));
  const dailyFen = Math.floor((fineFen * LATE_PAYMENT_RULE.rate + 50) / 100);
  const uncapped = daysOverdue * dailyFen;
  const isCapped = daysOverdue > 0 && fineFen > 0 && uncapped >= fineFen;
  const surchargeFen = Math.min(uncapped, fineFen);

  return { daysOverdue, surchargeFen, isCapped, totalFen: fineFen + surchargeFen };
};
