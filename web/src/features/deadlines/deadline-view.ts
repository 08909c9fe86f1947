import type { CaseDeadline } from '../../api/workspace-types';
import { formatChinaDateTime } from '../time/china-time';

/** When the period ends: a date, or a date and time for periods counted in hours or to the end of a working day. */
export const dueMoment = (deadline: Pick<CaseDeadline, 'dueDate' | 'dueAt'>): string =>
  deadline.dueAt ? formatChinaDateTime(deadline.dueAt) : deadline.dueDate;

/** 'earliest' periods forbid acting before the date (不早于); the others must be kept by it (截止). */
export const dueText = (deadline: Pick<CaseDeadline, 'kind' | 'dueDate' | 'dueAt'>): string =>
  deadline.kind === 'earliest' ? `不早于 ${dueMoment(deadline)}` : `截止 ${dueMoment(deadline)}`;

/** Soonest first; ties by the exact instant when known, then by name. */
export const sortDeadlines = <T extends Pick<CaseDeadline, 'dueDate' | 'dueAt' | 'name'>>(
  deadlines: readonly T[],
): T[] =>
  [...deadlines].sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      (a.dueAt ?? `${a.dueDate}T24`).localeCompare(b.dueAt ?? `${b.dueDate}T24`) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );

export const UNCOVERED_CALENDAR_WARNING = '该期限跨越日历未覆盖的年度，日期仅供参考，请管理员补充该年度日历';
