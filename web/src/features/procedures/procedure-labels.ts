import type { AvCondition, AvLevel, Citation, FieldDefinition, RecordRequirement } from '../../api/procedure-types';
import type { ProcedureType } from '../../api/types';
import type {
  ApprovalStatus,
  DeadlineStatus,
  PartySignature,
  RuleSeverity,
  RuleStatus,
} from '../../api/workspace-types';

export type TagView = { label: string; color: string };

export const PROCEDURE_TYPE_LABELS: Record<ProcedureType, string> = {
  penalty: '行政处罚',
  inspection: '行政监督检查',
  compulsion: '行政强制',
  licensing: '行政许可',
};

export const PROCEDURE_TYPES = Object.keys(PROCEDURE_TYPE_LABELS) as ProcedureType[];

export const isProcedureType = (value: string): value is ProcedureType => Object.hasOwn(PROCEDURE_TYPE_LABELS, value);

/** How a stage's record requirement reads for this case. */
export const requirementTag = (requirement: RecordRequirement, isNeeded: boolean): TagView => {
  if (requirement === 'required') return { label: '必需', color: 'red' };
  if (requirement === 'optional') return { label: '可选', color: 'default' };

  return isNeeded
    ? { label: '条件必需 · 本案需要', color: 'orange' }
    : { label: '条件必需 · 本案不需要', color: 'default' };
};

/** AV-2: the audio-video levels that ask for something; 'none' and 'optional' show nothing. */
export const AV_TAGS: Partial<Record<AvLevel, TagView>> = {
  required: { label: '需同步音像', color: 'purple' },
  full_length: { label: '全程音像', color: 'magenta' },
};

/**
 * AV-2: whether a record asks for audio-video, as the server judges it: the level asks for it and, under a
 * condition, the content to be sent (hidden fields already left out) holds one of its values.
 */
export const isAvAsked = (
  level: AvLevel,
  when: AvCondition | null = null,
  content?: Readonly<Record<string, unknown>>,
): boolean => {
  if (level !== 'required' && level !== 'full_length') return false;
  if (!when) return true;
  const value = content?.[when.field];

  return (typeof value === 'string' || typeof value === 'boolean') && when.equals.includes(value);
};

const valueLabel = (field: FieldDefinition | undefined, value: string | boolean): string => {
  if (typeof value === 'boolean') return value ? '是' : '否';

  return field?.options?.find((o) => o.value === value)?.label ?? value;
};

/** The condition in words, from the record kind's form: 送达方式为留置送达或公告送达时. */
export const avConditionText = (when: AvCondition, fields: readonly FieldDefinition[]): string => {
  const field = fields.find((f) => f.name === when.field);
  const values = when.equals.map((v) => valueLabel(field, v));

  return `${field?.label ?? when.field}为${values.join('或')}时`;
};

/** The stage's AV tag; a conditional one says when it applies (需同步音像 · 留置送达、公告送达). */
export const avTag = (
  level: AvLevel,
  when: AvCondition | null,
  fields: readonly FieldDefinition[] | undefined,
): TagView | undefined => {
  const tag = AV_TAGS[level];
  if (!tag || !when) return tag;
  const field = fields?.find((f) => f.name === when.field);

  return { ...tag, label: `${tag.label}（仅${when.equals.map((v) => valueLabel(field, v)).join('、')}）` };
};

export const SIGNATURE_TAGS: Partial<Record<PartySignature, TagView>> = {
  signed: { label: '已签名', color: 'green' },
  pending: { label: '待当事人签名', color: 'orange' },
  refused: { label: '当事人拒签', color: 'volcano' },
};

export const APPROVAL_TAGS: Partial<Record<ApprovalStatus, TagView>> = {
  pending: { label: '审批中', color: 'processing' },
  approved: { label: '已批准', color: 'green' },
  returned: { label: '已退回', color: 'red' },
};

export const RULE_STATUS_TAGS: Record<RuleStatus, TagView> = {
  met: { label: '满足', color: 'green' },
  missing: { label: '缺失', color: 'orange' },
  broken: { label: '违规', color: 'red' },
  not_applicable: { label: '不适用', color: 'default' },
};

export const SEVERITY_TAGS: Record<RuleSeverity, TagView> = {
  blocking: { label: '阻断', color: 'red' },
  warning: { label: '提示', color: 'gold' },
};

export const DEADLINE_STATUS_TAGS: Record<DeadlineStatus, TagView> = {
  open: { label: '进行中', color: 'processing' },
  due_soon: { label: '即将到期', color: 'orange' },
  overdue: { label: '已逾期', color: 'red' },
  met: { label: '按期完成', color: 'green' },
  met_late: { label: '逾期完成', color: 'volcano' },
  not_yet: { label: '未到期', color: 'default' },
  premature: { label: '过早', color: 'red' },
};

/** Unknown values from a newer server still show, as their raw value. */
export const tagOf = <K extends string>(tags: Partial<Record<K, TagView>>, value: string): TagView =>
  (Object.hasOwn(tags, value) ? tags[value as K] : undefined) ?? { label: value, color: 'default' };

/** The server formats every citation (《行政处罚法》第四十二条, S4 第十二条); the web only shows its text. */
export const citationText = (citation: Citation): string => citation.text;

export const citationsText = (citations: readonly Citation[] | undefined): string =>
  (citations ?? []).map(citationText).join('；');
