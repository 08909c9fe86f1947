import type { Role } from '../org/roles';
import { cite, type Citation } from '../procedures/citation';
import type { ProcedureType } from '../procedures/types';
import type { TriggerEvent } from './trigger-events';

// Working days: 行政处罚法 第八十五条, 行政强制法 第六十九条, 行政许可法 第八十二条; others: 民事诉讼法 第八十五条.
export const COUNTING_MODES = ['working_days', 'calendar_days', 'months', 'hours', 'end_of_working_day'] as const;
export type CountingMode = (typeof COUNTING_MODES)[number];

export type DeadlineCount = { mode: CountingMode; amount: number };

/** The count as the web shows it, e.g. '7个工作日', '90日', '3个月', '24小时', '当日工作结束前'. */
export const describeDeadlineCount = ({ mode, amount }: DeadlineCount): string => {
  switch (mode) {
    case 'working_days':
      return `${amount}个工作日`;
    case 'calendar_days':
      return `${amount}日`;
    case 'months':
      return `${amount}个月`;
    case 'hours':
      return `${amount}小时`;
    case 'end_of_working_day':
      return amount === 1 ? '当日工作结束前' : `${amount}个工作日工作结束前`;
    default: {
      const unknown: never = mode;

      return unknown;
    }
  }
};

/** 'before' counts back from the event (a hearing notice); 'earliest' forbids acting until the period has run. */
export type DeadlineTiming =
  | { kind: 'latest'; direction: 'after'; count: DeadlineCount }
  | { kind: 'latest'; direction: 'before'; count: { mode: 'working_days'; amount: number } }
  | {
      kind: 'earliest';
      direction: 'after';
      count: { mode: Exclude<CountingMode, 'end_of_working_day'>; amount: number };
    };

export type DeadlineKind = DeadlineTiming['kind'];

/** Whose period it is: the agency's own duty, or the party's (the agency waits for it, e.g. a hearing request). */
export type DeadlineDuty = 'agency' | 'party';

/** An approved extension: at most `maxTimes`, each at most `byAmount` in the rule's own unit (null: no fixed cap). */
export type DeadlineExtension = {
  byAmount: number | null;
  maxTimes: number;
  approverRole: Role;
  approverTitle: string;
  citations: readonly Citation[];
};

export const DEADLINE_RULE_IDS = [
  'penalty.decision',
  'penalty.decision_service',
  'penalty.hearing_request',
  'penalty.hearing_notice',
  'penalty.preserved_evidence_decision',
  'penalty.fine_payment',
  'penalty.on_the_spot_fine_handover',
  'penalty.publication_withdrawal',
  'compulsion.emergency_approval',
  'compulsion.seizure_period',
  'compulsion.court_application',
  'compulsion.court_application_not_before',
  'licensing.missing_materials_notice',
  'licensing.decision',
  'licensing.certificate_issue',
  'licensing.hearing_request',
  'licensing.hearing_organisation',
  'licensing.hearing_notice',
  'av.upload',
  'legal_review.completion',
  'archive.filing',
] as const;
export type DeadlineRuleId = (typeof DEADLINE_RULE_IDS)[number];

/** PROC-8: a deadline is data: what starts it, what satisfies it, how it is counted, and the articles it rests on. */
export type DeadlineRule<Id extends DeadlineRuleId = DeadlineRuleId> = DeadlineTiming & {
  id: Id;
  name: string;
  citations: readonly Citation[];
  startsAt: TriggerEvent;
  /** The event that satisfies the deadline; null when the system cannot observe it. */
  endsWith: TriggerEvent | null;
  duty: DeadlineDuty;
  procedures: readonly ProcedureType[];
  /** Working days before the due date from which the deadline shows as due soon (0: on the due date). */
  warnBeforeDays: number;
  extension?: DeadlineExtension;
};

const ALL: readonly ProcedureType[] = ['penalty', 'inspection', 'compulsion', 'licensing'];

// 民事诉讼法 第八十五条: the counting rule for every period in days or months that is not a working-day period.
const CIVIL_PERIOD_RULE = cite('民事诉讼法', '第八十五条');
const PENALTY_WORKING_DAYS = cite('行政处罚法', '第八十五条');
const COMPULSION_WORKING_DAYS = cite('行政强制法', '第六十九条');
const LICENSING_WORKING_DAYS = cite('行政许可法', '第八十二条');

/** AV-6: the three upload limits the seeds set; each agency picks one (or a custom count with its own basis). */
export const AV_UPLOAD_PRESETS = {
  within_24_hours: {
    name: '音像记录制作完成后24小时内存储至专用存储器',
    count: { mode: 'hours', amount: 24 },
    citations: [cite('S2', '第十八条'), cite('S4', '第三十三条'), cite('S0', '问答')],
  },
  within_2_working_days: {
    name: '音像记录制作完成后2个工作日内存储至专用存储器',
    count: { mode: 'working_days', amount: 2 },
    citations: [cite('S1', '第二十九条')],
  },
  by_end_of_working_day: {
    name: '每天工作结束后及时存储视音频资料',
    count: { mode: 'end_of_working_day', amount: 1 },
    citations: [cite('S3', '附件2 第十六条')],
  },
} as const satisfies Record<string, { name: string; count: DeadlineCount; citations: readonly Citation[] }>;
export type AvUploadPreset = keyof typeof AV_UPLOAD_PRESETS;
export const AV_UPLOAD_PRESET_IDS = Object.keys(AV_UPLOAD_PRESETS) as AvUploadPreset[];
export const DEFAULT_AV_UPLOAD_PRESET: AvUploadPreset = 'within_24_hours';

export type AvUploadSetting =
  AvUploadPreset | { name: string; count: DeadlineCount; citations: readonly [Citation, ...Citation[]] };

/** The catalogue: one entry per id, each under its own key, so a missing or misfiled rule does not compile. */
export const DEADLINE_RULES: { readonly [Id in DeadlineRuleId]: DeadlineRule<Id> } = {
  'penalty.decision': {
    id: 'penalty.decision',
    name: '自立案之日起九十日内作出行政处罚决定',
    citations: [cite('行政处罚法', '第六十条'), CIVIL_PERIOD_RULE],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'calendar_days', amount: 90 },
    startsAt: 'case.filed',
    endsWith: 'decision.made',
    duty: 'agency',
    procedures: ['penalty'],
    warnBeforeDays: 10,
  },
  'penalty.decision_service': {
    id: 'penalty.decision_service',
    name: '当事人不在场的，七日内送达行政处罚决定书',
    citations: [cite('行政处罚法', '第六十一条'), PENALTY_WORKING_DAYS],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'working_days', amount: 7 },
    startsAt: 'decision.made',
    endsWith: 'decision.served',
    duty: 'agency',
    procedures: ['penalty'],
    warnBeforeDays: 2,
  },
  'penalty.hearing_request': {
    id: 'penalty.hearing_request',
    name: '当事人在告知后五日内要求听证',
    citations: [cite('行政处罚法', '第六十四条'), PENALTY_WORKING_DAYS],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'working_days', amount: 5 },
    startsAt: 'advance_notice.served',
    endsWith: 'hearing.requested',
    duty: 'party',
    procedures: ['penalty'],
    warnBeforeDays: 1,
  },
  'penalty.hearing_notice': {
    id: 'penalty.hearing_notice',
    name: '举行听证的七日前通知当事人及有关人员听证的时间、地点',
    citations: [cite('行政处罚法', '第六十四条'), PENALTY_WORKING_DAYS],
    kind: 'latest',
    direction: 'before',
    count: { mode: 'working_days', amount: 7 },
    startsAt: 'hearing.held',
    endsWith: 'hearing_notice.served',
    duty: 'agency',
    procedures: ['penalty'],
    warnBeforeDays: 2,
  },
  'penalty.preserved_evidence_decision': {
    id: 'penalty.preserved_evidence_decision',
    name: '先行登记保存证据后七日内作出处理决定',
    citations: [cite('行政处罚法', '第五十六条'), PENALTY_WORKING_DAYS],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'working_days', amount: 7 },
    startsAt: 'evidence_preservation.made',
    endsWith: 'evidence_preservation.decided',
    duty: 'agency',
    procedures: ['penalty'],
    warnBeforeDays: 2,
  },
  'penalty.fine_payment': {
    id: 'penalty.fine_payment',
    name: '当事人自收到行政处罚决定书之日起十五日内缴纳罚款',
    citations: [cite('行政处罚法', '第六十七条'), CIVIL_PERIOD_RULE],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'calendar_days', amount: 15 },
    startsAt: 'decision.served',
    endsWith: 'fine.paid',
    duty: 'party',
    procedures: ['penalty'],
    warnBeforeDays: 3,
  },
  'penalty.on_the_spot_fine_handover': {
    id: 'penalty.on_the_spot_fine_handover',
    name: '当场收缴的罚款自收缴之日起二日内交至行政机关',
    citations: [cite('行政处罚法', '第七十一条'), PENALTY_WORKING_DAYS],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'working_days', amount: 2 },
    startsAt: 'fine.collected_on_spot',
    endsWith: 'fine.handed_over',
    duty: 'agency',
    procedures: ['penalty'],
    warnBeforeDays: 1,
  },
  'penalty.publication_withdrawal': {
    id: 'penalty.publication_withdrawal',
    name: '公开的行政处罚决定被变更、撤销、确认违法或者确认无效的，三日内撤回决定信息并公开说明理由',
    citations: [cite('行政处罚法', '第四十八条'), PENALTY_WORKING_DAYS],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'working_days', amount: 3 },
    startsAt: 'decision.annulled',
    endsWith: 'publication.withdrawn',
    duty: 'agency',
    procedures: ['penalty'],
    warnBeforeDays: 1,
  },
  'compulsion.emergency_approval': {
    id: 'compulsion.emergency_approval',
    name: '情况紧急当场实施行政强制措施的，二十四小时内向行政机关负责人报告并补办批准手续',
    citations: [cite('行政强制法', '第十九条')],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'hours', amount: 24 },
    startsAt: 'compulsory_measure.taken_in_emergency',
    endsWith: 'compulsory_measure.approved',
    duty: 'agency',
    procedures: ['compulsion', 'penalty'],
    warnBeforeDays: 0,
  },
  'compulsion.seizure_period': {
    id: 'compulsion.seizure_period',
    name: '查封、扣押的期限不得超过三十日',
    citations: [cite('行政强制法', '第二十五条'), CIVIL_PERIOD_RULE],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'calendar_days', amount: 30 },
    startsAt: 'seizure.made',
    endsWith: 'seizure.resolved',
    duty: 'agency',
    procedures: ['compulsion', 'penalty'],
    warnBeforeDays: 5,
    extension: {
      byAmount: 30,
      maxTimes: 1,
      approverRole: 'agency_head',
      approverTitle: '行政机关负责人',
      citations: [cite('行政强制法', '第二十五条')],
    },
  },
  'compulsion.court_application': {
    id: 'compulsion.court_application',
    name: '自复议、诉讼期限届满之日起三个月内申请人民法院强制执行',
    citations: [cite('行政强制法', '第五十三条'), CIVIL_PERIOD_RULE],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'months', amount: 3 },
    startsAt: 'remedy_period.expired',
    endsWith: 'court_application.filed',
    duty: 'agency',
    procedures: ['penalty', 'compulsion'],
    warnBeforeDays: 10,
  },
  'compulsion.court_application_not_before': {
    id: 'compulsion.court_application_not_before',
    name: '催告书送达十日后当事人仍未履行义务的，方可申请人民法院强制执行',
    citations: [cite('行政强制法', '第五十四条'), COMPULSION_WORKING_DAYS],
    kind: 'earliest',
    direction: 'after',
    count: { mode: 'working_days', amount: 10 },
    startsAt: 'demand_notice.served',
    endsWith: 'court_application.filed',
    duty: 'agency',
    procedures: ['penalty', 'compulsion'],
    warnBeforeDays: 0,
  },
  'licensing.missing_materials_notice': {
    id: 'licensing.missing_materials_notice',
    name: '申请材料不齐全的，五日内一次告知需要补正的全部内容',
    citations: [cite('行政许可法', '第三十二条'), LICENSING_WORKING_DAYS],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'working_days', amount: 5 },
    startsAt: 'application.received',
    endsWith: 'missing_materials_notice.served',
    duty: 'agency',
    procedures: ['licensing'],
    warnBeforeDays: 1,
  },
  'licensing.decision': {
    id: 'licensing.decision',
    name: '自受理之日起二十日内作出行政许可决定',
    citations: [cite('行政许可法', '第四十二条'), LICENSING_WORKING_DAYS],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'working_days', amount: 20 },
    startsAt: 'application.accepted',
    endsWith: 'licensing_decision.made',
    duty: 'agency',
    procedures: ['licensing'],
    warnBeforeDays: 3,
    extension: {
      byAmount: 10,
      maxTimes: 1,
      approverRole: 'agency_head',
      approverTitle: '本行政机关负责人',
      citations: [cite('行政许可法', '第四十二条')],
    },
  },
  'licensing.certificate_issue': {
    id: 'licensing.certificate_issue',
    name: '自作出准予许可决定之日起十日内颁发、送达行政许可证件',
    citations: [cite('行政许可法', '第四十四条'), LICENSING_WORKING_DAYS],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'working_days', amount: 10 },
    startsAt: 'licensing_decision.made',
    endsWith: 'licence.issued',
    duty: 'agency',
    procedures: ['licensing'],
    warnBeforeDays: 2,
  },
  'licensing.hearing_request': {
    id: 'licensing.hearing_request',
    name: '申请人、利害关系人在被告知听证权利之日起五日内提出听证申请',
    citations: [cite('行政许可法', '第四十七条'), LICENSING_WORKING_DAYS],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'working_days', amount: 5 },
    startsAt: 'hearing_rights_notice.served',
    endsWith: 'hearing.requested',
    duty: 'party',
    procedures: ['licensing'],
    warnBeforeDays: 1,
  },
  'licensing.hearing_organisation': {
    id: 'licensing.hearing_organisation',
    name: '收到听证申请后二十日内组织听证',
    citations: [cite('行政许可法', '第四十七条'), LICENSING_WORKING_DAYS],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'working_days', amount: 20 },
    startsAt: 'hearing.requested',
    endsWith: 'hearing.held',
    duty: 'agency',
    procedures: ['licensing'],
    warnBeforeDays: 3,
  },
  'licensing.hearing_notice': {
    id: 'licensing.hearing_notice',
    name: '举行听证的七日前将听证的时间、地点通知申请人、利害关系人',
    citations: [cite('行政许可法', '第四十八条'), LICENSING_WORKING_DAYS],
    kind: 'latest',
    direction: 'before',
    count: { mode: 'working_days', amount: 7 },
    startsAt: 'hearing.held',
    endsWith: 'hearing_notice.served',
    duty: 'agency',
    procedures: ['licensing'],
    warnBeforeDays: 2,
  },
  'av.upload': {
    id: 'av.upload',
    ...AV_UPLOAD_PRESETS.within_24_hours,
    kind: 'latest',
    direction: 'after',
    startsAt: 'av.recorded',
    endsWith: 'av.stored',
    duty: 'agency',
    procedures: ALL,
    warnBeforeDays: 0,
  },
  'legal_review.completion': {
    id: 'legal_review.completion',
    name: '十个工作日内完成法制审核并提出书面法制审核意见',
    citations: [cite('S3', '附件3 第五条')],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'working_days', amount: 10 },
    startsAt: 'legal_review.submitted',
    endsWith: 'legal_review.completed',
    duty: 'agency',
    procedures: ['penalty', 'compulsion', 'licensing'],
    warnBeforeDays: 2,
    extension: {
      byAmount: null,
      maxTimes: 1,
      approverRole: 'agency_head',
      approverTitle: '分管局领导',
      citations: [cite('S3', '附件3 第五条')],
    },
  },
  'archive.filing': {
    id: 'archive.filing',
    name: '自执法行为终结之日起三十日内将文字和音像记录立卷归档',
    citations: [cite('S1', '第二十九条'), cite('S4', '第三十三条'), CIVIL_PERIOD_RULE],
    kind: 'latest',
    direction: 'after',
    count: { mode: 'calendar_days', amount: 30 },
    startsAt: 'act.ended',
    endsWith: 'case_file.archived',
    duty: 'agency',
    procedures: ALL,
    warnBeforeDays: 5,
  },
};

/** AV-6: the AV upload rule under an agency's chosen limit. */
export const avUploadRule = (setting: AvUploadSetting): DeadlineRule<'av.upload'> => {
  const chosen = typeof setting === 'string' ? AV_UPLOAD_PRESETS[setting] : setting;

  const { name, count, citations } = chosen;

  return { ...DEADLINE_RULES['av.upload'], kind: 'latest', direction: 'after', name, count, citations };
};

export type AgencyDeadlineSettings = { avUpload: AvUploadSetting };

export const DEFAULT_AGENCY_DEADLINE_SETTINGS: AgencyDeadlineSettings = { avUpload: DEFAULT_AV_UPLOAD_PRESET };

/** The catalogue as one agency applies it. */
export const agencyDeadlineRules = (
  settings: AgencyDeadlineSettings = DEFAULT_AGENCY_DEADLINE_SETTINGS,
): { readonly [Id in DeadlineRuleId]: DeadlineRule<Id> } => ({
  ...DEADLINE_RULES,
  'av.upload': avUploadRule(settings.avUpload),
});

/** The rules of one procedure type, in catalogue order. */
export const deadlineRulesFor = (
  procedure: ProcedureType,
  settings: AgencyDeadlineSettings = DEFAULT_AGENCY_DEADLINE_SETTINGS,
): DeadlineRule[] => {
  const rules = agencyDeadlineRules(settings);

  return DEADLINE_RULE_IDS.map((id): DeadlineRule => rules[id]).filter((rule) => rule.procedures.includes(procedure));
};

/** Rules a recorded event starts, e.g. 'decision.served' starts the fine-payment period. */
export const deadlineRulesStartedBy = (
  event: TriggerEvent,
  settings: AgencyDeadlineSettings = DEFAULT_AGENCY_DEADLINE_SETTINGS,
): DeadlineRule[] => {
  const rules = agencyDeadlineRules(settings);

  return DEADLINE_RULE_IDS.map((id): DeadlineRule => rules[id]).filter((rule) => rule.startsAt === event);
};

export const isDeadlineRuleId = (value: string): value is DeadlineRuleId =>
  (DEADLINE_RULE_IDS as readonly string[]).includes(value);
