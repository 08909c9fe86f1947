import type { DeviceCheckRule, DeviceHolder, DeviceState } from '../../api/devices';

/** Tag colours by state: in use is the normal case, maintenance a warning, retired greyed out. */
export const DEVICE_STATE_COLORS: Record<DeviceState, string> = {
  in_stock: 'cyan',
  assigned: 'processing',
  in_maintenance: 'warning',
  retired: 'default',
};

export const DEVICE_EVENT_COLORS: Record<string, string> = {
  registered: 'blue',
  assigned: 'green',
  returned: 'gray',
  maintenance_started: 'orange',
  maintenance_ended: 'blue',
  retired: 'red',
};

/** The person, or the section as a whole (谁使用谁负责). */
export const holderText = (holder: DeviceHolder | null): string => {
  if (!holder) return '—';
  if (holder.userId) return holder.userName ?? '（未知人员）';

  return holder.sectionName ? `${holder.sectionName}（科室）` : '（未知科室）';
};

export const formatStorage = (mb: number): string =>
  mb >= 1024 ? `${(mb / 1024).toFixed(mb % 1024 === 0 ? 0 : 1)} GB` : `${mb} MB`;

/** A clock offset as the officer reads it: 快 12 秒 / 慢 3 分 5 秒 / 准确. */
export const formatClockOffset = (seconds: number): string => {
  if (seconds === 0) return '准确';
  const abs = Math.abs(seconds);

  return `${seconds > 0 ? '快' : '慢'} ${formatDuration(abs)}`;
};

/** 2 天 3 小时 / 1 小时 5 分 / 40 秒: the two largest units. */
export const formatDuration = (totalSeconds: number): string => {
  const s = Math.max(0, Math.round(totalSeconds));
  const parts: [number, string][] = [
    [Math.floor(s / 86_400), '天'],
    [Math.floor((s % 86_400) / 3600), '小时'],
    [Math.floor((s % 3600) / 60), '分'],
    [s % 60, '秒'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return '0 秒';

  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(' ');
};

export type CheckPreviewItem = { id: string; name: string; requirement: string; isPassed: boolean | null };

/**
 * AV-5: each item of the check as the form is filled, by the rules the server sends (GET /api/devices/catalog);
 * null for an item not entered yet. The server's verdict on submission is the one recorded.
 */
export const previewCheck = (
  rules: readonly DeviceCheckRule[],
  reading: Partial<Record<DeviceCheckRule['field'], number | null>>,
): CheckPreviewItem[] =>
  rules.map((rule) => {
    const value = reading[rule.field];
    const isPassed =
      typeof value !== 'number' || Number.isNaN(value)
        ? null
        : rule.comparison === 'at_least'
          ? value >= rule.limit
          : Math.abs(value) <= rule.limit;

    return { id: rule.id, name: rule.name, requirement: rule.requirement, isPassed };
  });
