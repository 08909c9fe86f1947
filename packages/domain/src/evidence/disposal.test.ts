import { describe, expect, it } from 'vitest';
import { disposalBlockers, type DisposalState } from './disposal';

const state = (over: Partial<DisposalState> = {}): DisposalState => ({
  retainUntil: '2027-06-30',
  isHeld: false,
  isDisposed: false,
  hasPendingRequest: false,
  ...over,
});

describe('RET-2 disposal blockers', () => {
  it('RET-2 keeps an original through the last day of its term and frees it the day after', () => {
    expect(disposalBlockers(state(), '2027-06-29')).toEqual(['term_running']);
    expect(disposalBlockers(state(), '2027-06-30')).toEqual(['term_running']);
    expect(disposalBlockers(state(), '2027-07-01')).toEqual([]);
  });

  it('RET-2 a legal hold blocks disposal even after the term, and is listed beside a running term', () => {
    expect(disposalBlockers(state({ isHeld: true }), '2030-01-01')).toEqual(['legal_hold']);
    expect(disposalBlockers(state({ isHeld: true }), '2027-01-01')).toEqual(['term_running', 'legal_hold']);
  });

  it('RET-2 an original without a term is never disposable', () => {
    expect(disposalBlockers(state({ retainUntil: null }), '2099-01-01')).toEqual(['no_term']);
  });

  it('RET-2 one pending request at a time; a disposed original has nothing left to dispose', () => {
    expect(disposalBlockers(state({ hasPendingRequest: true }), '2030-01-01')).toEqual(['pending_request']);
    expect(disposalBlockers(state({ isDisposed: true, isHeld: true }), '2030-01-01')).toEqual(['disposed']);
  });
});
