import { describe, expect, it } from 'vitest';
import {
  ALERT_KIND_LABELS,
  FINDING_KIND_LABELS,
  auditVerdict,
  findingPlace,
  groupFindings,
  ledgerLabel,
} from './ledger-labels';

describe('ledgerLabel', () => {
  it('names known kinds in Chinese and shows unknown kinds raw', () => {
    expect(ledgerLabel(FINDING_KIND_LABELS, 'truncated-log')).toBe('账本尾部被截断');
    expect(ledgerLabel(ALERT_KIND_LABELS, 'checkpoint_rollback')).toBe('检查点回退');
    expect(ledgerLabel(FINDING_KIND_LABELS, 'future-kind')).toBe('future-kind');
    expect(ledgerLabel(FINDING_KIND_LABELS, 'toString')).toBe('toString');
  });
});

describe('groupFindings', () => {
  it('groups by kind in order of first appearance', () => {
    const groups = groupFindings([
      { kind: 'altered-leaf', seq: 3, detail: 'a' },
      { kind: 'checkpoint-root-mismatch', size: 8, detail: 'b' },
      { kind: 'altered-leaf', seq: 5, detail: 'c' },
    ]);
    expect(groups.map((g) => [g.label, g.findings.length])).toEqual([
      ['条目被改动', 2],
      ['检查点根哈希不符', 1],
    ]);
  });
});

describe('findingPlace', () => {
  it('points at the entry or the checkpoint', () => {
    expect(findingPlace({ kind: 'altered-leaf', seq: 0, detail: '' })).toBe('条目 #0');
    expect(findingPlace({ kind: 'checkpoint-beyond-log', size: 12, detail: '' })).toBe('大小为 12 的检查点');
    expect(findingPlace({ kind: 'truncated-log', detail: '' })).toBeNull();
  });
});

describe('auditVerdict', () => {
  it('passes only a clean audit', () => {
    expect(auditVerdict({ isOk: true, findings: [] })).toBe('通过');
    expect(auditVerdict({ isOk: false, findings: [{ kind: 'missing-entry', seq: 2, detail: '' }] })).toBe(
      '发现 1 处问题',
    );
  });
});
