import type { AvLevel, Citation, RecordRequirement } from '../../api/procedure-types';
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

export const isAvAsked = (level: AvLevel): boolean => level === 'required' || level === 'full_length';

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

/** The server formats citations; the findings of a refused stage change come unformatted, so format them alike. */
export const citationText = (citation: Citation): string => {
  if (citation.text) return citation.text;

  return /^S\d/.test(citation.source)
    ? `${citation.source} ${citation.article}`
    : `《${citation.source}》${citation.article}`;
};

export const citationsText = (citations: readonly Citation[] | undefined): string =>
  (citations ?? []).map(citationText).join('；');
