import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { chinaNow, chinaWallClock, formatChinaDateTime, toChinaIso } from './china-time';

describe('toChinaIso', () => {
  it('reads the picked wall-clock time as China time', () => {
    expect(toChinaIso(dayjs(new Date(2026, 10, 21, 9, 30, 0)))).toBe('2026-11-21T09:30:00+08:00');
  });
});

describe('chinaWallClock', () => {
  it('shows an instant as it read on a clock in China', () => {
    expect(chinaWallClock('2026-11-21T01:30:00.000Z')?.format('YYYY-MM-DD HH:mm')).toBe('2026-11-21 09:30');
    expect(chinaWallClock('2026-11-21T09:30+08:00')?.format('YYYY-MM-DD HH:mm:ss')).toBe('2026-11-21 09:30:00');
  });

  it('crosses midnight', () => {
    expect(chinaWallClock('2026-12-31T20:00:00Z')?.format('YYYY-MM-DD HH:mm')).toBe('2027-01-01 04:00');
  });

  it('gives null for nonsense', () => {
    expect(chinaWallClock('yesterday')).toBeNull();
  });

  it('round-trips with toChinaIso', () => {
    const iso = '2026-03-05T23:59:00+08:00';
    expect(toChinaIso(chinaWallClock(iso)!)).toBe(iso);
  });
});

describe('formatChinaDateTime', () => {
  it('formats, or leaves an unreadable value as it came', () => {
    expect(formatChinaDateTime('2026-11-21T01:30:00Z')).toBe('2026-11-21 09:30');
    expect(formatChinaDateTime('x')).toBe('x');
  });

  it('knows the time now in China', () => {
    expect(chinaNow(new Date('2026-11-21T16:00:00Z')).format('YYYY-MM-DD HH:mm')).toBe('2026-11-22 00:00');
  });
});
