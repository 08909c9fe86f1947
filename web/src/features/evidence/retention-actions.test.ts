import { describe, expect, it } from 'vitest';
import {
  disposalBlockedText,
  factByline,
  factChoices,
  formatUpgradePreview,
  holdBody,
  holdScope,
  holdTargets,
  isRetentionSectionShown,
  itemRetentionActions,
  retentionAccess,
} from './retention-actions';

const full = { canManageRetention: true, canManageHolds: true };
const none = { canManageRetention: false, canManageHolds: false };

describe('retention actions (RET-1, RET-2)', () => {
  it('RET-1 needs both the role and the server to allow an action', () => {
    expect(retentionAccess({ canManageRetention: true, canManageHolds: true }, { canManageRetention: true })).toEqual({
      canManageRetention: true,
      canManageHolds: false,
    });
    expect(retentionAccess({}, { canManageRetention: true, canManageLegalHolds: true })).toEqual(none);
  });

  it('RET-1 shows the section with evidence or a possible action', () => {
    expect(isRetentionSectionShown({ items: [] }, none)).toBe(false);
    expect(isRetentionSectionShown({ items: [] }, { ...none, canManageHolds: true })).toBe(true);
    expect(isRetentionSectionShown({ items: [{} as never] }, none)).toBe(true);
  });

  it('RET-1 formats the preview of term changes', () => {
    expect(formatUpgradePreview([])).toEqual({ title: '不改变任何证据的保存期限', lines: [] });
    expect(
      formatUpgradePreview([
        { filename: '检查录音.mp3', from: '2027-05-20', to: '2057-12-31' },
        { filename: '新文件.mp3', from: null, to: '2057-12-31' },
      ]),
    ).toEqual({
      title: '以下证据的保存期限将延长：',
      lines: ['检查录音.mp3 2027-05-20 → 2057-12-31', '新文件.mp3 未设定 → 2057-12-31'],
    });
  });

  it('RET-1 marks facts already recorded and says who recorded a fact', () => {
    const catalog = [
      { id: 'lawsuit', name: '当事人提起行政诉讼', citations: [] },
      { id: 'complaint', name: '当事人投诉', citations: [] },
    ];
    expect(factChoices(catalog, [{ fact: 'lawsuit' }]).map((c) => c.isRecorded)).toEqual([true, false]);
    expect(factByline({ isDerived: true, createdBy: null, createdAt: null }, (s) => s)).toBe('由案件记录认定');
    expect(
      factByline(
        { isDerived: false, createdBy: { id: 'u', displayName: '赵敏' }, createdAt: '2026-11-20' },
        (s) => `@${s}`,
      ),
    ).toBe('赵敏 登记 · @2026-11-20');
  });

  it('RET-2 names what a hold covers and builds its request', () => {
    const items = [{ id: 'e1', filename: 'a.mp3', disposal: undefined }];
    expect(holdScope({ evidenceId: null }, items)).toBe('全案证据');
    expect(holdScope({ evidenceId: 'e1' }, items)).toBe('证据「a.mp3」');
    expect(holdScope({ evidenceId: 'gone' }, items)).toBe('一份证据');
    expect(
      holdTargets([
        ...items,
        {
          id: 'e2',
          filename: 'b.mp3',
          disposal: { status: 'disposed', reason: null, requestedAt: null, decidedAt: null },
        },
      ]),
    ).toEqual([
      { value: '', label: '全案证据' },
      { value: 'e1', label: 'a.mp3' },
    ]);
    expect(holdBody(' 诉讼期间 ', '')).toEqual({ reason: '诉讼期间' });
    expect(holdBody('诉讼期间', 'e1')).toEqual({ reason: '诉讼期间', evidenceId: 'e1' });
  });

  it('RET-2 offers disposal only when the server says it can be asked for', () => {
    const kept = { status: 'kept', reason: null, requestedAt: null, decidedAt: null };
    expect(itemRetentionActions({ isHeld: false, disposal: { ...kept, canRequest: true } }, full)).toEqual({
      canRequestDisposal: true,
      canHold: true,
    });
    expect(itemRetentionActions({ isHeld: true, disposal: { ...kept, canRequest: false } }, full)).toEqual({
      canRequestDisposal: false,
      canHold: false,
    });
    expect(itemRetentionActions({ isHeld: false, disposal: { ...kept, canRequest: true } }, none)).toEqual({
      canRequestDisposal: false,
      canHold: false,
    });
    expect(itemRetentionActions({ isHeld: false, disposal: undefined }, full).canRequestDisposal).toBe(false);
    expect(
      disposalBlockedText({ disposal: { ...kept, blockers: [{ id: 'term_running', name: '保存期限未届满' }] } }),
    ).toBe('暂不能申请销毁：保存期限未届满');
    expect(disposalBlockedText({ disposal: kept })).toBeNull();
  });
});
