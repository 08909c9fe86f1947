import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { clockOffsetSeconds, gbToMb, toCheckRequest, toRegisterRequest } from './device-form';

describe('device forms (DEV-1, AV-5)', () => {
  it('sends a registration trimmed, with the procurement date as YYYY-MM-DD or null', () => {
    expect(
      toRegisterRequest({
        kind: 'body_camera',
        serialNumber: ' DSJ-1 ',
        model: ' V9 ',
        name: ' 记录仪 ',
        procuredOn: dayjs('2026-03-01'),
      }),
    ).toEqual({ kind: 'body_camera', serialNumber: 'DSJ-1', model: 'V9', name: '记录仪', procuredOn: '2026-03-01' });
    expect(toRegisterRequest({ kind: 'other', serialNumber: 'X', model: 'M', name: 'N' }).procuredOn).toBeNull();
  });

  it('sends free storage typed in GB as whole MB, never rounding up', () => {
    expect(gbToMb(2)).toBe(2048);
    expect(gbToMb(1.9)).toBe(1945);
    expect(gbToMb(0.1)).toBe(102);
    expect(toCheckRequest({ batteryPercent: 80, freeStorageGb: 32, clockOffsetSeconds: -4, note: ' ' })).toEqual({
      batteryPercent: 80,
      freeStorageMb: 32_768,
      clockOffsetSeconds: -4,
      note: null,
    });
  });

  it('computes the clock offset from the time the device shows (China time) and the browser clock', () => {
    const now = new Date('2026-11-20T02:00:00.000Z'); // 10:00:00 in China
    expect(clockOffsetSeconds(dayjs('2026-11-20 10:01:30'), now)).toBe(90);
    expect(clockOffsetSeconds(dayjs('2026-11-20 09:59:58'), now)).toBe(-2);
  });
});
