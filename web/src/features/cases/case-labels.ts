import type { PartyKind, ProcedureType } from '../../api/types';

// The sources of every procedure (GET /api/procedures names them too); kept here for lists and filters that show
// cases of all procedures before the catalog has loaded.
export const CASE_SOURCE_LABELS: Record<string, string> = {
  complaint: '举报投诉',
  inspection: '检查发现',
  transfer: '移送交办',
  own_initiative: '依职权发现',
  notice: '启动通知或会议纪要',
  annual_plan: '年度检查计划',
  assigned: '上级部署交办',
  random: '随机抽查',
  in_penalty_case: '行政处罚案件中采取',
  emergency: '情况紧急当场实施',
  window: '窗口申请',
  online: '网上申请',
};

const PENALTY_CASE_SOURCES = ['complaint', 'inspection', 'transfer', 'own_initiative'] as const;

/** The sources each procedure starts from, for grouping the list filter. */
export const CASE_SOURCES_BY_PROCEDURE: Record<ProcedureType, readonly string[]> = {
  penalty: PENALTY_CASE_SOURCES,
  inspection: ['notice', 'annual_plan', 'assigned', 'random'],
  compulsion: ['in_penalty_case', 'inspection', 'emergency'],
  licensing: ['window', 'online'],
};

export const isCaseSource = (value: string): boolean => Object.hasOwn(CASE_SOURCE_LABELS, value);

export const PROCEDURE_LABELS: Record<string, string> = {
  penalty: '行政处罚',
  inspection: '行政监督检查',
  compulsion: '行政强制',
  licensing: '行政许可',
};

export const STAGE_LABELS: Record<string, string> = { source: '案件来源' };

export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  person: '自然人',
  organization: '法人或其他组织',
};

export const TIMELINE_TYPE_LABELS: Record<string, string> = {
  'case.created': '登记案件',
  'case.viewed': '查阅案件',
  'record.created': '制作记录',
  'record.corrected': '更正记录',
  'approval.decided': '审批签署',
  'case.stage_changed': '环节变更',
  'evidence.added': '上传证据',
  'evidence.accessed': '查看或下载证据',
  'evidence.gap_explained': '说明音像记录中断',
  'evidence.retention_set': '确定证据保存期限',
  'retention.fact_recorded': '登记延长保存事由',
  'legal_hold.placed': '采取保全',
  'legal_hold.released': '解除保全',
  'evidence.disposal_requested': '申请销毁证据',
  'evidence.disposal_decided': '审批销毁申请',
  'evidence.disposed': '销毁证据原件',
  'legal_review.submitted': '提交法制审核',
  'legal_review.decided': '出具法制审核意见',
  'legal_review.extension_requested': '申请延长法制审核期限',
  'legal_review.extension_decided': '审批法制审核延期',
  'legal_review.ruled': '主要负责人集体讨论后裁定',
  'document.generated': '生成文书',
  'record.signed': '签名',
  'record.attachment_linked': '附送达凭证',
};

export const VIA_LABELS: Record<string, string> = {
  web: '网页',
  cli: '命令行',
  seed: '初始化数据',
  system: '系统任务',
};

export const labelFor = (labels: Record<string, string>, value: string): string =>
  (Object.hasOwn(labels, value) ? labels[value] : undefined) ?? value;

/** What the case's party and start date are called in each procedure (a licence has an applicant, not a party). */
export type ProcedureWording = { party: string; discoveredOn: string; placeHint: string; summaryHint: string };

export const procedureWording = (procedure: string | undefined): ProcedureWording => {
  if (procedure === 'licensing') {
    return {
      party: '申请人',
      discoveredOn: '申请日期',
      placeHint: '许可事项所在地或受理窗口',
      summaryHint: '申请的许可事项及提交的材料',
    };
  }
  if (procedure === 'inspection') {
    return {
      party: '被检查人',
      discoveredOn: '发现日期',
      placeHint: '被检查的场所或项目地点',
      summaryHint: '检查任务、检查事项及初步情况',
    };
  }

  return {
    party: '当事人',
    discoveredOn: '发现日期',
    placeHint: '违法行为发生地或发现地点',
    summaryHint: '简要记录发现的事实、线索及初步情况',
  };
};

export { CASE_TEXT_LIMITS } from '@liuhen/domain/cases';
