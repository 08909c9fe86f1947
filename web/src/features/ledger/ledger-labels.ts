import type { AuditFinding, LedgerAudit, LedgerHashAlgorithm } from '../../api/types';

export const FINDING_KIND_LABELS: Record<string, string> = {
  'altered-leaf': '条目被改动',
  'missing-entry': '条目缺失',
  'inserted-entry': '插入伪造条目',
  'reordered-entries': '条目顺序被调换',
  'truncated-log': '账本尾部被截断',
  'checkpoint-root-mismatch': '检查点根哈希不符',
  'checkpoint-signature-invalid': '检查点签名无效',
  'checkpoint-beyond-log': '检查点超出现存条目',
};

export const ALERT_KIND_LABELS: Record<string, string> = {
  inconsistent_checkpoint: '历史不一致（检查点无法由上次见证的检查点延续）',
  checkpoint_signature_invalid: '检查点签名无效',
  checkpoint_rollback: '检查点回退',
};

export const HASH_ALGORITHM_LABELS: Record<LedgerHashAlgorithm, string> = {
  sha256: 'SHA-256',
  sm3: 'SM3（国密）',
};

/** Unknown kinds from a newer server still show, as their raw value. */
export const ledgerLabel = (labels: Record<string, string>, value: string): string =>
  Object.hasOwn(labels, value) ? labels[value]! : value;

export type FindingGroup = { kind: string; label: string; findings: AuditFinding[] };

/** Findings grouped by kind, in the order each kind first appears. */
export const groupFindings = (findings: readonly AuditFinding[]): FindingGroup[] => {
  const groups = new Map<string, AuditFinding[]>();
  for (const finding of findings) groups.set(finding.kind, [...(groups.get(finding.kind) ?? []), finding]);

  return [...groups].map(([kind, items]) => ({ kind, label: ledgerLabel(FINDING_KIND_LABELS, kind), findings: items }));
};

/** Where in the log a finding points: an entry, a checkpoint, or nowhere in particular. */
export const findingPlace = (finding: AuditFinding): string | null => {
  if (typeof finding.seq === 'number') return `条目 #${finding.seq}`;
  if (typeof finding.size === 'number') return `大小为 ${finding.size} 的检查点`;

  return null;
};

export const auditVerdict = (audit: Pick<LedgerAudit, 'isOk' | 'findings'>): string =>
  audit.isOk && audit.findings.length === 0 ? '通过' : `发现 ${Math.max(audit.findings.length, 1)} 处问题`;
