import { describe, expect, it } from 'vitest';
import { fixitySlot } from './evidence-worker';

describe('the daily fixity slot (China time)', () => {
  it('is today’s hour once it has come, and yesterday’s before it', () => {
    // 10:00 on 20 November in China: today's 02:00 has passed.
    expect(fixitySlot(new Date('2026-11-20T02:00:00Z'), 2).toISOString()).toBe('2026-11-19T18:00:00.000Z');
    // 01:00 on 20 November in China: the slot in force is 02:00 on the 19th.
    expect(fixitySlot(new Date('2026-11-19T17:00:00Z'), 2).toISOString()).toBe('2026-11-18T18:00:00.000Z');
    // Exactly at the hour the slot is now; midnight and 23:00 China time work the same way.
    expect(fixitySlot(new Date('2026-11-19T18:00:00Z'), 2).toISOString()).toBe('2026-11-19T18:00:00.000Z');
    expect(fixitySlot(new Date('2026-11-19T16:30:00Z'), 0).toISOString()).toBe('2026-11-19T16:00:00.000Z');
    expect(fixitySlot(new Date('2026-11-19T14:59:00Z'), 23).toISOString()).toBe('2026-11-18T15:00:00.000Z');
  });
});
