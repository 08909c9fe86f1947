import type { AgencyLevel, Role, SectionKind } from '../../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  lead_officer: '承办人',
  section_head: '科室负责人',
  legal_reviewer: '法制审核人员',
  agency_head: '机关负责人',
  deputy_head: '分管负责人',
  archivist: '档案管理员',
  supervisor: '执法监督人员',
  device_keeper: '设备管理员',
  intake_clerk: '窗口受理人员',
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '安全审计员',
};

/** Unknown roles from a newer server still show, as their raw value. */
export const roleLabel = (role: string): string => ROLE_LABELS[role as Role] ?? role;

export const AGENCY_LEVEL_LABELS: Record<AgencyLevel, string> = {
  region: '省级',
  city: '市级',
  county: '县级',
};

export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  enforcement: '执法机构',
  legal: '法制审核机构',
  office: '办公室',
  other: '其他',
};

export const labelOf = <K extends string>(labels: Record<K, string>, value: string): string =>
  labels[value as K] ?? value;
