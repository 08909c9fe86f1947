import { cite, type Citation } from '../procedures/citation';
import type { DeviceHolder, DeviceProblem, DeviceState, DeviceStatus } from './device-lifecycle';
import { DEVICE_NOTE_MAX_LENGTH } from './device-lifecycle';

export type DeviceCheckField = 'batteryPercent' | 'freeStorageMb' | 'clockOffsetSeconds';

export type DeviceCheckRule = {
  id: 'battery' | 'storage' | 'clock';
  /** The item checked, as the regulations name it. */
  name: string;
  field: DeviceCheckField;
  /** at_least: value ≥ limit; within: |value| ≤ limit. */
  comparison: 'at_least' | 'within';
  limit: number;
  unit: '%' | 'MB' | '秒';
  /** What the item must be, shown beside the form field. */
  requirement: string;
  citations: readonly Citation[];
};

/**
 * AV-5: the check before field work. S2 第十四条 names what is checked (电量、存储空间、日期时间设定) and S3 附件2 第十三条
 * the battery and memory before going out; neither says how much is enough, so the limits are this system's defaults:
 * a third of the battery for a half-day's recording, 2 GB (about an hour of 1080p video), and a clock within a
 * minute so a file's recorded time can be trusted against the record it documents.
 */
export const DEVICE_CHECK_RULES = [
  {
    id: 'battery',
    name: '电量',
    field: 'batteryPercent',
    comparison: 'at_least',
    limit: 30,
    unit: '%',
    requirement: '电量不低于 30%',
    citations: [cite('S2', '第十四条'), cite('S3', '附件2 第十三条')],
  },
  {
    id: 'storage',
    name: '存储空间',
    field: 'freeStorageMb',
    comparison: 'at_least',
    limit: 2048,
    unit: 'MB',
    requirement: '剩余存储空间不少于 2 GB',
    citations: [cite('S2', '第十四条'), cite('S3', '附件2 第十三条')],
  },
  {
    id: 'clock',
    name: '日期时间设定',
    field: 'clockOffsetSeconds',
    comparison: 'within',
    limit: 60,
    unit: '秒',
    requirement: '设备时间与标准时间相差不超过 60 秒',
    citations: [cite('S2', '第十四条')],
  },
] as const satisfies readonly DeviceCheckRule[];

export type DeviceCheckItemId = (typeof DEVICE_CHECK_RULES)[number]['id'];

/** The limits of what a form may send: a percentage, a size that fits the column, an offset within a day. */
export const DEVICE_CHECK_LIMITS = {
  batteryPercent: { min: 0, max: 100 },
  freeStorageMb: { min: 0, max: 100 * 1024 * 1024 },
  clockOffsetSeconds: { min: -86_400, max: 86_400 },
} as const satisfies Record<DeviceCheckField, { min: number; max: number }>;

export type DeviceReading = { batteryPercent: number; freeStorageMb: number; clockOffsetSeconds: number };

export type DeviceCheckInput = DeviceReading & { note?: string | null; caseId?: string | null };

/** AV-5: battery 0–100 and an offset within a day, both whole numbers; storage a whole number of MB, not negative. */
export const validateDeviceCheck = (input: DeviceCheckInput): DeviceProblem[] => {
  const problems: DeviceProblem[] = [];
  for (const [field, { min, max }] of Object.entries(DEVICE_CHECK_LIMITS) as [
    DeviceCheckField,
    { min: number; max: number },
  ][]) {
    const value = input[field];
    if (!Number.isSafeInteger(value) || value < min || value > max) problems.push({ field, code: 'VALIDATION_FAILED' });
  }
  if ((input.note?.trim().length ?? 0) > DEVICE_NOTE_MAX_LENGTH) {
    problems.push({ field: 'note', code: 'VALIDATION_FAILED' });
  }

  return problems;
};

const formatStorage = (mb: number): string => (mb >= 1024 ? `${Number((mb / 1024).toFixed(1))} GB` : `${mb} MB`);

const failureMessage = (rule: DeviceCheckRule, value: number): string => {
  switch (rule.id) {
    case 'battery':
      return `电量 ${value}%，低于出勤要求的 ${rule.limit}%，请充电或更换电池`;
    case 'storage':
      return `剩余存储空间 ${formatStorage(value)}，低于出勤要求的 ${formatStorage(rule.limit)}，请先上传并清理`;
    case 'clock':
      return `设备时间${value > 0 ? '快' : '慢'} ${Math.abs(value)} 秒，超过允许的 ${rule.limit} 秒，请校准日期时间`;
  }
};

export type DeviceCheckItemResult = {
  id: DeviceCheckItemId;
  name: string;
  value: number;
  isPassed: boolean;
  requirement: string;
  /** Why the item failed, in Chinese; null when it passed. */
  message: string | null;
  citations: readonly Citation[];
};

export type DeviceCheckResult = { isReady: boolean; items: DeviceCheckItemResult[]; failed: DeviceCheckItemResult[] };

/** AV-5: the device is ready when every item passes; the failed items say what is wrong and what the rule is. */
export const evaluateDeviceCheck = (reading: DeviceReading): DeviceCheckResult => {
  const items = DEVICE_CHECK_RULES.map((rule): DeviceCheckItemResult => {
    const value = reading[rule.field];
    const isPassed = rule.comparison === 'at_least' ? value >= rule.limit : Math.abs(value) <= rule.limit;

    return {
      id: rule.id,
      name: rule.name,
      value,
      isPassed,
      requirement: rule.requirement,
      message: isPassed ? null : failureMessage(rule, value),
      citations: rule.citations,
    };
  });
  const failed = items.filter((i) => !i.isPassed);

  return { isReady: failed.length === 0, items, failed };
};

/** AV-5: a device is checked before it goes out: in stock or issued, never in maintenance or retired. */
export const DEVICE_CHECKABLE_STATES: readonly DeviceState[] = ['in_stock', 'assigned'];

export type DeviceChecker = { userId: string; sectionId: string | null; isKeeper: boolean };

/**
 * DEV-1, AV-5: whoever answers for a device checks it (谁使用谁负责, S1 第二十七条): its holder, any member of the section
 * it is issued to, or a device keeper (who also checks what is in stock).
 */
export const mayCheckDevice = (status: Pick<DeviceStatus, 'holder'>, checker: DeviceChecker): boolean => {
  if (checker.isKeeper) return true;
  const holder: DeviceHolder | null = status.holder;
  if (!holder) return false;
  if (holder.userId !== null) return holder.userId === checker.userId;

  return holder.sectionId !== null && holder.sectionId === checker.sectionId;
};
