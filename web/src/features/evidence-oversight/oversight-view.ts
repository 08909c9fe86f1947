import type {
  DisposalDecision,
  DisposalPreview,
  DisposalRequest,
  FixityFindings,
  FixityRun,
} from '../../api/evidence-oversight';
import type { OversightAccess } from './oversight-access';

const trimZero = (value: string): string => value.replace(/\.0$/, '');

/**
 * AV-6: how long past its deadline a file arrived, as a supervisor reads it: 40 分钟 / 5.5 小时 / 2 天 3 小时.
 * Under two days in hours (a 24-hour rule is read in hours), then in days and hours.
 */
export const formatDelay = (hours: number): string => {
  if (!Number.isFinite(hours) || hours <= 0) return '0 分钟';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} 分钟`;
  if (hours < 48) return `${trimZero(hours.toFixed(1))} 小时`;
  let days = Math.floor(hours / 24);
  let rest = Math.round(hours - days * 24);
  if (rest === 24) {
    days += 1;
    rest = 0;
  }

  return rest > 0 ? `${days} 天 ${rest} 小时` : `${days} 天`;
};

/** A tag colour by how late: within a day, within three days, longer. */
export const delayColor = (hours: number): string => (hours <= 24 ? 'gold' : hours <= 72 ? 'orange' : 'red');

// Mirrors DISPOSAL_BLOCKERS of packages/domain/src/evidence/disposal.ts: the preview sends the ids only.
const BLOCKER_NAMES: Record<string, string> = {
  disposed: '原件已经销毁',
  term_running: '保存期限尚未届满',
  no_term: '尚未确定保存期限',
  legal_hold: '处于保全（冻结）状态：复议、诉讼、投诉或调查尚未终结',
  pending_request: '已有待审批的销毁申请',
};

export const blockerName = (id: string): string => BLOCKER_NAMES[id] ?? id;

export const BLOCKER_COLORS: Record<string, string> = {
  legal_hold: 'volcano',
  pending_request: 'processing',
  term_running: 'default',
  no_term: 'default',
  disposed: 'default',
};

export const FIXITY_RUN_STATUS: Record<string, { label: string; color: string }> = {
  running: { label: '正在核验', color: 'processing' },
  finished: { label: '已完成', color: 'success' },
  unfinished: { label: '未完成（中途停止）', color: 'warning' },
};

export const fixityRunStatus = (status: string): { label: string; color: string } =>
  FIXITY_RUN_STATUS[status] ?? { label: status, color: 'default' };

/** Originals of this agency the run found missing, altered or unreadable. */
export const runProblemCount = (run: Pick<FixityRun, 'agency'>): number =>
  run.agency.missing + run.agency.altered + run.agency.unreadable;

export type FixitySummary =
  | { state: 'running' }
  | { state: 'never' }
  | { state: 'problems'; count: number }
  | { state: 'clean'; lastRun: FixityRun | null };

/**
 * The headline of 完整性核验: a check running; none ever finished; open problems (an original whose newest check
 * found it missing, altered or unreadable); or all originals verified intact by the last finished run.
 */
export const fixitySummary = (findings: Pick<FixityFindings, 'isRunning' | 'runs' | 'problems'>): FixitySummary => {
  if (findings.isRunning) return { state: 'running' };
  if (findings.problems.length > 0) return { state: 'problems', count: findings.problems.length };
  const lastRun = findings.runs.find((r) => r.status === 'finished') ?? null;
  if (!lastRun) return { state: 'never' };

  return { state: 'clean', lastRun };
};

export const DISPOSAL_DECISION_TAGS: Record<DisposalDecision, { label: string; color: string }> = {
  approved: { label: '批准销毁', color: 'red' },
  rejected: { label: '不予批准', color: 'default' },
};

/**
 * RET-2: why this user cannot decide a pending request, or null when they can. The server's canDecide is the
 * answer; the reason is for the person looking at the queue (four eyes: nobody approves their own request).
 */
export const undecidableReason = (
  row: Pick<DisposalRequest, 'canDecide' | 'decision' | 'requestedBy'>,
  me: { id: string },
  access: Pick<OversightAccess, 'canDispose'>,
): string | null => {
  if (row.canDecide) return null;
  if (row.decision !== null) return '该申请已经审批';
  if (!access.canDispose) return '销毁申请由机关负责人审批';
  if (row.requestedBy.id === me.id) return '申请人不得审批自己的申请';

  return '您不能审批该申请';
};

export type HoldOption = { value: string; label: string };

// The end of a UUIDv7 is its random part; the start is the time and alike for holds placed together.
const shortId = (id: string): string => id.slice(-8);

/**
 * RET-2: the holds a preview can assume released: those still covering a blocked item, and the one already assumed
 * released (its items are now among the disposable ones), each named by the cases it covers.
 */
export const holdOptionsOf = (preview: Pick<DisposalPreview, 'releaseHoldId' | 'blocked' | 'disposable'>) => {
  const cases = new Map<string, Set<string>>();
  const add = (holdId: string, caseNumber: string) => {
    const numbers = cases.get(holdId) ?? new Set<string>();
    numbers.add(caseNumber);
    cases.set(holdId, numbers);
  };
  for (const item of preview.blocked) for (const holdId of item.holdIds) add(holdId, item.caseNumber);
  if (preview.releaseHoldId) {
    const freed = preview.disposable.filter((i) => i.isFreedByRelease);
    if (freed.length === 0) cases.set(preview.releaseHoldId, cases.get(preview.releaseHoldId) ?? new Set());
    for (const item of freed) add(preview.releaseHoldId, item.caseNumber);
  }

  return [...cases].map(([holdId, numbers]): HoldOption => ({
    value: holdId,
    label: numbers.size > 0 ? `${[...numbers].join('、')} 的保全（${shortId(holdId)}）` : `保全 ${shortId(holdId)}`,
  }));
};

/** AV-4: a gap threshold the server accepts: a whole number of seconds from 0 to the limit. */
export const isValidMaxGap = (value: unknown, limit: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= limit;
