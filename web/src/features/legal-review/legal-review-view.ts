import type { FieldOption } from '../../api/procedure-types';

type TagView = { label: string; color: string };

export const TIMELINESS_TAGS: Record<string, TagView> = {
  on_time: { label: '正常', color: 'green' },
  due_soon: { label: '即将到期', color: 'orange' },
  overdue: { label: '已逾期', color: 'red' },
  decided_late: { label: '逾期作出', color: 'red' },
};

/** REVIEW-4: a decided round is judged by whether its opinion came within the period. */
export const DECIDED_TIMELINESS_TAGS: Record<string, TagView> = {
  on_time: { label: '按期作出', color: 'green' },
  decided_late: { label: '逾期作出', color: 'red' },
};

export const CONCLUSION_TAGS: Record<string, TagView> = {
  approve: { label: '同意', color: 'green' },
  correct: { label: '纠正', color: 'orange' },
  do_not_decide: { label: '不予作出', color: 'red' },
  transfer: { label: '移送', color: 'purple' },
};

/** A value the server sent that this build does not know is shown as sent rather than hidden. */
export const tagOf = (tags: Record<string, TagView>, value: string): TagView =>
  tags[value] ?? { label: value, color: 'default' };

export const labelOf = (options: readonly FieldOption[], value: string): string =>
  options.find((option) => option.value === value)?.label ?? value;

/** REVIEW-1: an entry may apply to every field, which the field list itself does not name. */
export const ANY_FIELD: FieldOption = { value: 'any', label: '各领域' };

const YUAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "¥100,000.00 以上"; the threshold is met when the amount reaches it (达到目录标准). */
export const formatAmountThreshold = (amount: string | number | null): string | null => {
  if (amount === null || amount === '') return null;
  const value = Number(amount);
  if (!Number.isFinite(value)) return String(amount);

  return `¥${YUAN.format(value)} 以上`;
};

export const CATALOG_FIELD_NAMES = [
  'category',
  'level',
  'field',
  'title',
  'penaltyKinds',
  'partyType',
  'amountThreshold',
  'basis',
] as const;

/**
 * An entry naming no field, penalty kind or amount would make every decision of its category major, which is the
 * grounds' job, not the catalog's (S3 附件3 第四条); the server refuses it as "criteria".
 */
export const CRITERIA_MESSAGE = '适用领域为“各领域”时，应至少设定处罚种类或金额标准之一';

export const isCriteriaMissing = (values: {
  field?: string;
  penaltyKinds?: readonly string[];
  amountThreshold?: number | null;
}): boolean =>
  values.field === ANY_FIELD.value &&
  (values.penaltyKinds ?? []).length === 0 &&
  (values.amountThreshold === null || values.amountThreshold === undefined);
