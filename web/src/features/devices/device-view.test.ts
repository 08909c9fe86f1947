import { describe, expect, it } from 'vitest';
import type { DeviceCheckRule } from '../../api/devices';
import { formatClockOffset, formatDuration, formatStorage, holderText, previewCheck } from './device-view';

const rules: DeviceCheckRule[] = [
  {
    id: 'battery',
    name: '电量',
    field: 'batteryPercent',
    comparison: 'at_least',
    limit: 30,
    unit: '%',
    requirement: '电量不低于 30%',
    citations: [],
  },
  {
    id: 'storage',
    name: '存储空间',
    field: 'freeStorageMb',
    comparison: 'at_least',
    limit: 2048,
    unit: 'MB',
    requirement: '剩余存储空间不少于 2 GB',
    citations: [],
  },
  {
    id: 'clock',
    name: '日期时间设定',
    field: 'clockOffsetSeconds',
    comparison: 'within',
    limit: 60,
    unit: '秒',
    requirement: '相差不超过 60 秒',
    citations: [],
  },
];

describe('device register display (DEV-1, DEV-2)', () => {
  it('names the holder: a person, or a section as a whole', () => {
    expect(holderText(null)).toBe('—');
    expect(holderText({ userId: 'u', userName: '王明', sectionId: null, sectionName: null })).toBe('王明');
    expect(holderText({ userId: null, userName: null, sectionId: 's', sectionName: '执法一科' })).toBe(
      '执法一科（科室）',
    );
  });

  it('formats storage, clock offsets and upload delays in Chinese', () => {
    expect(formatStorage(800)).toBe('800 MB');
    expect(formatStorage(2048)).toBe('2 GB');
    expect(formatStorage(1536)).toBe('1.5 GB');
    expect(formatClockOffset(0)).toBe('准确');
    expect(formatClockOffset(-95)).toBe('慢 1 分 35 秒');
    expect(formatClockOffset(3600)).toBe('快 1 小时');
    expect(formatDuration(0)).toBe('0 秒');
    expect(formatDuration(93_784)).toBe('1 天 2 小时');
    expect(formatDuration(3_900)).toBe('1 小时 5 分');
  });
});

describe('previewing a pre-use check (AV-5)', () => {
  it('marks each item passed, failed, or not entered yet, by the rules the server sent', () => {
    expect(
      previewCheck(rules, { batteryPercent: 30, freeStorageMb: 1000, clockOffsetSeconds: null }).map((i) => i.isPassed),
    ).toEqual([true, false, null]);
    expect(previewCheck(rules, { clockOffsetSeconds: -61 })[2]!.isPassed).toBe(false);
    expect(previewCheck(rules, { clockOffsetSeconds: -60 })[2]!.isPassed).toBe(true);
  });
});
