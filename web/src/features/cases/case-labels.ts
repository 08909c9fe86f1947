import type { CaseSource, PartyKind } from '../../api/types';

export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  complaint: '举报投诉',
  inspection: '检查发现',
  transfer: '移送交办',
  own_initiative: '依职权发现',
};

export const CASE_SOURCES = Object.keys(CASE_SOURCE_LABELS) as CaseSource[];

export const isCaseSource = (value: string): value is CaseSource => Object.hasOwn(CASE_SOURCE_LABELS, value);

export const PROCEDURE_LABELS: Record<string, string> = { penalty: '行政处罚' };

export const STAGE_LABELS: Record<string, string> = { source: '案件来源' };

export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  person: '自然人',
  organization: '法人或其他组织',
};

export const TIMELINE_TYPE_LABELS: Record<string, string> = {
  'case.created': '登记案件',
  'case.viewed': '查阅案件',
};

export const VIA_LABELS: Record<string, string> = {
  web: '网页',
  cli: '命令行',
  seed: '初始化数据',
  system: '系统任务',
};

export const labelFor = (labels: Record<string, string>, value: string): string => labels[value] ?? value;

export { CASE_TEXT_LIMITS } from '@liuhen/domain/cases';
