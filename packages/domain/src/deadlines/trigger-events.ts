// PROC-8: the recorded facts that start or satisfy a deadline; the server maps records and stage changes onto them.
export const TRIGGER_EVENT_NAMES = {
  'case.filed': '立案',
  'evidence_preservation.made': '证据先行登记保存',
  'evidence_preservation.decided': '对先行登记保存的证据作出处理决定',
  'advance_notice.served': '行政处罚事先告知书送达',
  'hearing_rights_notice.served': '听证权利告知书送达',
  'hearing.requested': '当事人申请听证',
  'hearing_notice.served': '听证通知书送达',
  'hearing.held': '举行听证',
  'decision.made': '作出行政处罚决定',
  'decision.served': '行政处罚决定书送达',
  'decision.annulled': '已公开的决定被变更、撤销、确认违法或者确认无效',
  'publication.withdrawn': '撤回已公开的决定信息',
  'fine.paid': '缴纳罚款',
  'fine.collected_on_spot': '当场收缴罚款',
  'fine.handed_over': '当场收缴的罚款交至行政机关',
  'compulsory_measure.taken_in_emergency': '情况紧急当场实施行政强制措施',
  'compulsory_measure.approved': '行政强制措施补办批准手续',
  'seizure.made': '实施查封、扣押',
  'seizure.resolved': '查封、扣押作出处理决定或者解除',
  'remedy_period.expired': '申请行政复议、提起行政诉讼的期限届满',
  'demand_notice.served': '催告书送达',
  'court_application.filed': '申请人民法院强制执行',
  'application.received': '收到行政许可申请材料',
  'missing_materials_notice.served': '一次性告知补正材料',
  'application.accepted': '受理行政许可申请',
  'licensing_decision.made': '作出行政许可决定',
  'licence.issued': '颁发、送达行政许可证件',
  'av.recorded': '音像记录制作完成',
  'av.stored': '音像记录存储至专用存储器或平台',
  'legal_review.submitted': '提交法制审核',
  'legal_review.completed': '出具书面法制审核意见',
  'act.ended': '执法行为终结',
  'case_file.archived': '立卷归档',
} as const satisfies Record<string, string>;

export type TriggerEvent = keyof typeof TRIGGER_EVENT_NAMES;

export const TRIGGER_EVENTS = Object.keys(TRIGGER_EVENT_NAMES) as TriggerEvent[];

export const isTriggerEvent = (value: string): value is TriggerEvent => Object.hasOwn(TRIGGER_EVENT_NAMES, value);
