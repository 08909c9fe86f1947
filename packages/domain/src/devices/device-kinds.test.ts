import { describe, expect, it } from 'vitest';
import { formatCitation } from '../procedures/citation';
import { DEVICE_KINDS, DEVICE_KIND_IDS, deviceKind, isDeviceKind } from './device-kinds';

describe('device kinds (DEV-1)', () => {
  it('lists the kinds S1 第二十三条 names, each in Chinese with its citation', () => {
    expect(DEVICE_KIND_IDS).toEqual(['body_camera', 'camera', 'audio_recorder', 'fixed_surveillance', 'other']);
    expect(DEVICE_KINDS.map((k) => k.name)).toEqual([
      '执法记录仪',
      '照相机/摄像机',
      '录音设备',
      '固定监控设备',
      '其他',
    ]);
    for (const kind of DEVICE_KINDS) {
      expect(kind.citations.map(formatCitation), kind.id).toContain('S1 第二十三条');
    }
  });

  it('accepts only the listed kinds, as the database does', () => {
    expect(isDeviceKind('body_camera')).toBe(true);
    expect(isDeviceKind('drone')).toBe(false);
    expect(isDeviceKind(null)).toBe(false);
    expect(deviceKind('fixed_surveillance').name).toBe('固定监控设备');
  });
});
