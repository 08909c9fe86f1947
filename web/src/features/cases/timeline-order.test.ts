import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../api/types';
import { sortTimeline } from './timeline-order';

const entry = (seq: number | null, occurredAt: string): TimelineEntry => ({
  seq,
  type: 'case.viewed',
  occurredAt,
  actor: null,
  via: 'web',
  leafHash: `${seq}-${occurredAt}`,
});

describe('sortTimeline', () => {
  it('orders by ledger sequence and puts queued entries last, oldest first', () => {
    const sorted = sortTimeline([
      entry(null, '2025-03-04T08:00:02.000Z'),
      entry(12, '2025-03-04T07:00:00.000Z'),
      entry(null, '2025-03-04T08:00:01.000Z'),
      entry(3, '2025-03-04T06:00:00.000Z'),
    ]);
    expect(sorted.map((e) => [e.seq, e.occurredAt.slice(11, 19)])).toEqual([
      [3, '06:00:00'],
      [12, '07:00:00'],
      [null, '08:00:01'],
      [null, '08:00:02'],
    ]);
  });
});
