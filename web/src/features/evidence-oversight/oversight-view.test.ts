import { describe, expect, it } from 'vitest';
import type { DisposalPreviewItem, FixityRun } from '../../api/evidence-oversight';
import {
  blockerName,
  delayColor,
  fixityRunStatus,
  fixitySummary,
  formatDelay,
  holdOptionsOf,
  isValidMaxGap,
  runProblemCount,
  undecidableReason,
} from './oversight-view';

const run = (over: Partial<FixityRun> = {}): FixityRun => ({
  id: 'run-1',
  startedAt: '2026-11-20T02:00:00.000Z',
  finishedAt: '2026-11-20T02:00:05.000Z',
  status: 'finished',
  agency: { checked: 3, bytes: 3000, missing: 0, altered: 0, unreadable: 0 },
  store: { checked: 3, bytes: 3000, unreferenced: 0 },
  ...over,
});

const HOLD_A = '0190a1b2-0000-7000-8000-00000000000a';
const HOLD_B = '0190a1b2-0000-7000-8000-00000000000b';

const item = (over: Partial<DisposalPreviewItem>): DisposalPreviewItem => ({
  evidenceId: 'e',
  caseId: 'c',
  caseNumber: '示范住建罚立〔2026〕1号',
  caseSummary: '',
  filename: 'a.mp3',
  kind: 'audio',
  size: 1,
  retainUntil: '2056-12-31',
  holdIds: [],
  blockers: [],
  isFreedByRelease: false,
  ...over,
});

describe('how late an upload was (AV-6)', () => {
  it('reads minutes, then hours to one decimal, then days and hours', () => {
    expect(formatDelay(0)).toBe('0 分钟');
    expect(formatDelay(0.1)).toBe('6 分钟');
    expect(formatDelay(0.004)).toBe('1 分钟');
    expect(formatDelay(1)).toBe('1 小时');
    expect(formatDelay(5.5)).toBe('5.5 小时');
    expect(formatDelay(47.9)).toBe('47.9 小时');
    expect(formatDelay(48)).toBe('2 天');
    expect(formatDelay(51.4)).toBe('2 天 3 小时');
    expect(formatDelay(71.6)).toBe('3 天');
    expect(formatDelay(Number.NaN)).toBe('0 分钟');
  });

  it('colours a day late, three days late and longer apart', () => {
    expect([delayColor(2), delayColor(24), delayColor(48), delayColor(73)]).toEqual(['gold', 'gold', 'orange', 'red']);
  });
});

describe('fixity headline', () => {
  it('says running, never checked, problems, or all intact with the last finished run', () => {
    expect(fixitySummary({ isRunning: true, runs: [], problems: [] })).toEqual({ state: 'running' });
    expect(fixitySummary({ isRunning: false, runs: [], problems: [] })).toEqual({ state: 'never' });
    expect(fixitySummary({ isRunning: false, runs: [run({ status: 'unfinished' })], problems: [] })).toEqual({
      state: 'never',
    });
    const problem = { sha256: 'x' } as never;
    expect(fixitySummary({ isRunning: false, runs: [run()], problems: [problem, problem] })).toEqual({
      state: 'problems',
      count: 2,
    });
    const last = run({ id: 'run-2' });
    expect(fixitySummary({ isRunning: false, runs: [run({ status: 'unfinished' }), last], problems: [] })).toEqual({
      state: 'clean',
      lastRun: last,
    });
  });

  it('names run states and counts the agency’s problems of a run', () => {
    expect(fixityRunStatus('finished').label).toBe('已完成');
    expect(fixityRunStatus('later').label).toBe('later');
    expect(runProblemCount(run({ agency: { checked: 5, bytes: 1, missing: 1, altered: 2, unreadable: 1 } }))).toBe(4);
  });
});

describe('the disposal queue and preview (RET-2)', () => {
  const me = { id: 'head' };

  it('says why a pending request cannot be decided by this user', () => {
    const mine = { canDecide: false, decision: null, requestedBy: { id: 'head', displayName: '刘建国' } };
    expect(undecidableReason(mine, me, { canDispose: true })).toBe('申请人不得审批自己的申请');
    expect(undecidableReason({ ...mine, canDecide: true }, me, { canDispose: true })).toBeNull();
    expect(
      undecidableReason({ ...mine, requestedBy: { id: 'a', displayName: '孙丽' } }, { id: 'b' }, { canDispose: false }),
    ).toBe('销毁申请由机关负责人审批');
  });

  it('names blockers in Chinese, falling back to the id of one it does not know', () => {
    expect(blockerName('legal_hold')).toBe('处于保全（冻结）状态：复议、诉讼、投诉或调查尚未终结');
    expect(blockerName('pending_request')).toBe('已有待审批的销毁申请');
    expect(blockerName('new_reason')).toBe('new_reason');
  });

  it('offers the holds of blocked items and keeps the one assumed released', () => {
    expect(
      holdOptionsOf({
        releaseHoldId: null,
        disposable: [],
        blocked: [
          item({ holdIds: [HOLD_A] }),
          item({ holdIds: [HOLD_A, HOLD_B], caseNumber: '示范住建检〔2026〕2号' }),
          item({ blockers: ['pending_request'] }),
        ],
      }),
    ).toEqual([
      { value: HOLD_A, label: `示范住建罚立〔2026〕1号、示范住建检〔2026〕2号 的保全（${HOLD_A.slice(-8)}）` },
      { value: HOLD_B, label: `示范住建检〔2026〕2号 的保全（${HOLD_B.slice(-8)}）` },
    ]);
    expect(
      holdOptionsOf({ releaseHoldId: HOLD_A, disposable: [item({ isFreedByRelease: true })], blocked: [] }),
    ).toEqual([{ value: HOLD_A, label: `示范住建罚立〔2026〕1号 的保全（${HOLD_A.slice(-8)}）` }]);
    expect(holdOptionsOf({ releaseHoldId: HOLD_B, disposable: [], blocked: [] })).toEqual([
      { value: HOLD_B, label: `保全 ${HOLD_B.slice(-8)}` },
    ]);
  });
});

describe('the gap threshold (AV-4)', () => {
  it('accepts whole seconds from 0 to the limit', () => {
    expect([0, 120, 3600].map((v) => isValidMaxGap(v, 3600))).toEqual([true, true, true]);
    expect([-1, 3601, 1.5, '60', null].map((v) => isValidMaxGap(v, 3600))).toEqual([false, false, false, false, false]);
  });
});
