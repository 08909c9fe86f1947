import { describe, expect, it } from 'vitest';
import { formatCitation } from '../procedures/citation';
import { DEVICE_CHECK_RULES, evaluateDeviceCheck, mayCheckDevice, validateDeviceCheck } from './device-check';

const ready = { batteryPercent: 80, freeStorageMb: 32_000, clockOffsetSeconds: 3 };

describe('the pre-use check as data (AV-5)', () => {
  it('checks battery, storage and clock, each citing S2 第十四条', () => {
    expect(DEVICE_CHECK_RULES.map((r) => r.name)).toEqual(['电量', '存储空间', '日期时间设定']);
    for (const rule of DEVICE_CHECK_RULES) expect(rule.citations.map(formatCitation)).toContain('S2 第十四条');
    // S3 附件2 第十三条 names the battery and the memory before going out.
    expect(DEVICE_CHECK_RULES.filter((r) => r.citations.some((c) => c.source === 'S3')).map((r) => r.id)).toEqual([
      'battery',
      'storage',
    ]);
  });

  it('finds a device ready when every item passes, at the limits included', () => {
    expect(evaluateDeviceCheck(ready)).toMatchObject({ isReady: true, failed: [] });
    const edge = evaluateDeviceCheck({ batteryPercent: 30, freeStorageMb: 2048, clockOffsetSeconds: -60 });
    expect(edge.isReady).toBe(true);
    expect(edge.items.map((i) => i.isPassed)).toEqual([true, true, true]);
  });

  it('lists each failed item with a Chinese message and its requirement', () => {
    const result = evaluateDeviceCheck({ batteryPercent: 18, freeStorageMb: 1536, clockOffsetSeconds: -95 });
    expect(result.isReady).toBe(false);
    expect(result.failed.map((f) => [f.id, f.message])).toEqual([
      ['battery', '电量 18%，低于出勤要求的 30%，请充电或更换电池'],
      ['storage', '剩余存储空间 1.5 GB，低于出勤要求的 2 GB，请先上传并清理'],
      ['clock', '设备时间慢 95 秒，超过允许的 60 秒，请校准日期时间'],
    ]);
    expect(result.failed[2]!.requirement).toBe('设备时间与标准时间相差不超过 60 秒');
    expect(evaluateDeviceCheck({ ...ready, clockOffsetSeconds: 61 }).failed[0]!.message).toMatch(/^设备时间快 61 秒/);
    expect(evaluateDeviceCheck({ ...ready, freeStorageMb: 500 }).failed[0]!.message).toMatch(/500 MB/);
  });

  it('refuses readings outside their ranges, all at once', () => {
    expect(validateDeviceCheck(ready)).toEqual([]);
    expect(validateDeviceCheck({ batteryPercent: 100, freeStorageMb: 0, clockOffsetSeconds: -86_400 })).toEqual([]);
    expect(
      validateDeviceCheck({
        batteryPercent: 101,
        freeStorageMb: -1,
        clockOffsetSeconds: 86_401,
        note: 'x'.repeat(501),
      }),
    ).toEqual([
      { field: 'batteryPercent', code: 'VALIDATION_FAILED' },
      { field: 'freeStorageMb', code: 'VALIDATION_FAILED' },
      { field: 'clockOffsetSeconds', code: 'VALIDATION_FAILED' },
      { field: 'note', code: 'VALIDATION_FAILED' },
    ]);
    expect(
      validateDeviceCheck({ batteryPercent: 50.5, freeStorageMb: Number.NaN, clockOffsetSeconds: 1.2 }),
    ).toHaveLength(3);
  });
});

describe('who checks a device (DEV-1, AV-5)', () => {
  const officer = { userId: 'u-1', sectionId: 's-1', isKeeper: false };

  it('is its holder, a member of the section holding it, or a device keeper', () => {
    expect(mayCheckDevice({ holder: { userId: 'u-1', sectionId: null } }, officer)).toBe(true);
    expect(mayCheckDevice({ holder: { userId: 'u-2', sectionId: null } }, officer)).toBe(false);
    expect(mayCheckDevice({ holder: { userId: null, sectionId: 's-1' } }, officer)).toBe(true);
    expect(mayCheckDevice({ holder: { userId: null, sectionId: 's-2' } }, officer)).toBe(false);
    expect(mayCheckDevice({ holder: null }, officer)).toBe(false);
    expect(mayCheckDevice({ holder: null }, { userId: 'k', sectionId: null, isKeeper: true })).toBe(true);
    expect(mayCheckDevice({ holder: { userId: null, sectionId: 's-1' } }, { ...officer, sectionId: null })).toBe(false);
  });
});
