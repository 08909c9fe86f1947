import { describe, expect, it } from 'vitest';
import { dueText, sortDeadlines } from './deadline-view';

describe('dueText', () => {
  it('reads a date period as its due date', () => {
    expect(dueText({ kind: 'latest', dueDate: '2027-02-18', dueAt: null })).toBe('截止 2027-02-18');
  });

  it('gives the time of an hour period in China time', () => {
    expect(dueText({ kind: 'latest', dueDate: '2026-11-22', dueAt: '2026-11-22T01:30:00.000Z' })).toBe(
      '截止 2026-11-22 09:30',
    );
  });

  it('says 不早于 for a period that must run out first', () => {
    expect(dueText({ kind: 'earliest', dueDate: '2026-12-01', dueAt: null })).toBe('不早于 2026-12-01');
  });
});

describe('sortDeadlines', () => {
  it('puts the soonest first', () => {
    const sorted = sortDeadlines([
      { name: '乙', dueDate: '2026-12-01', dueAt: null },
      { name: '甲', dueDate: '2026-11-30', dueAt: null },
      { name: '丙', dueDate: '2026-12-01', dueAt: '2026-12-01T02:00:00Z' },
    ]);
    expect(sorted.map((d) => d.name)).toEqual(['甲', '丙', '乙']);
  });
});
