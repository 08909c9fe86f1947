import { describe, expect, it } from 'vitest';
import { assertCanSubmit, legalReviewState, type HeadRuling, type ReviewRound } from './review-gate';

const round = (
  number: number,
  draftRecordId: string,
  conclusion: NonNullable<ReviewRound['opinion']>['conclusion'] | null,
): ReviewRound => ({
  id: `round-${number}`,
  round: number,
  draftRecordId,
  submittedAt: `2025-10-0${number}T09:00:00+08:00`,
  opinion: conclusion === null ? null : { conclusion, at: `2025-10-0${number}T17:00:00+08:00` },
});

const ruling = (roundId: string, outcome: HeadRuling['outcome']): HeadRuling => ({
  roundId,
  outcome,
  at: '2025-10-09T10:00:00+08:00',
});

const stateOf = (
  rounds: ReviewRound[],
  currentDraftRecordId: string | null,
  rulings: HeadRuling[] = [],
  isMajor = true,
) => legalReviewState({ isMajor, rounds, currentDraftRecordId, rulings });

const flags = (state: ReturnType<typeof legalReviewState>) => ({
  status: state.status,
  canDecide: state.canDecide,
  canSubmit: state.canSubmit,
  canRule: state.canRule,
});

describe('legal review gate (REVIEW-5)', () => {
  it('REVIEW-5: a decision that is not major needs no review', () => {
    expect(flags(stateOf([], 'd1', [], false))).toEqual({
      status: 'not_required',
      canDecide: true,
      canSubmit: false,
      canRule: false,
    });
  });

  it('REVIEW-5: a major decision not yet submitted cannot be made; submitting needs a draft', () => {
    expect(flags(stateOf([], 'd1'))).toEqual({
      status: 'not_submitted',
      canDecide: false,
      canSubmit: true,
      canRule: false,
    });
    const noDraft = stateOf([], null);
    expect(noDraft.canSubmit).toBe(false);
    expect(() => assertCanSubmit(noDraft, null)).toThrow(expect.objectContaining({ code: 'REVIEW_MATERIALS_MISSING' }));
  });

  it('REVIEW-5: under review blocks both the decision and another submission', () => {
    const state = stateOf([round(1, 'd1', null)], 'd1');
    expect(flags(state)).toEqual({ status: 'under_review', canDecide: false, canSubmit: false, canRule: false });
    expect(() => assertCanSubmit(state, 'd1')).toThrow(expect.objectContaining({ code: 'REVIEW_PENDING' }));
  });

  it('REVIEW-5: 同意 on the current draft opens the gate', () => {
    const state = stateOf([round(1, 'd1', 'correct'), round(2, 'd2', 'approve')], 'd2');
    expect(flags(state)).toEqual({ status: 'approved', canDecide: true, canSubmit: false, canRule: false });
    expect(state.latestRound?.id).toBe('round-2');
  });

  it('REVIEW-5: 同意 on an earlier draft does not: the changed draft is resubmitted', () => {
    const state = stateOf([round(1, 'd1', 'approve')], 'd2');
    expect(flags(state)).toEqual({ status: 'draft_changed', canDecide: false, canSubmit: true, canRule: false });
    expect(() => assertCanSubmit(state, 'd2')).not.toThrow();
  });

  it('REVIEW-5: 纠正 blocks until the draft is revised and resubmitted, and the head may rule', () => {
    const unrevised = stateOf([round(1, 'd1', 'correct')], 'd1');
    expect(flags(unrevised)).toEqual({
      status: 'correction_required',
      canDecide: false,
      canSubmit: false,
      canRule: true,
    });
    expect(() => assertCanSubmit(unrevised, 'd1')).toThrow(
      expect.objectContaining({ code: 'REVIEW_DRAFT_NOT_REVISED' }),
    );
    const revised = stateOf([round(1, 'd1', 'correct')], 'd2');
    expect(flags(revised)).toMatchObject({ status: 'correction_required', canDecide: false, canSubmit: true });
  });

  it('REVIEW-5: the head’s ruling to proceed opens the gate for the draft it ruled on only', () => {
    const rounds = [round(1, 'd1', 'correct')];
    const ruled = stateOf(rounds, 'd1', [ruling('round-1', 'proceed')]);
    expect(flags(ruled)).toEqual({ status: 'ruled_proceed', canDecide: true, canSubmit: false, canRule: false });
    const changed = stateOf(rounds, 'd2', [ruling('round-1', 'proceed')]);
    expect(flags(changed)).toEqual({ status: 'ruled_proceed', canDecide: false, canSubmit: true, canRule: false });
  });

  it('REVIEW-5: a ruling on an earlier round does not open the gate for the latest', () => {
    const state = stateOf([round(1, 'd1', 'correct'), round(2, 'd2', 'correct')], 'd2', [ruling('round-1', 'proceed')]);
    expect(flags(state)).toMatchObject({ status: 'correction_required', canDecide: false, canRule: true });
  });

  it('REVIEW-5: following the review keeps 纠正 open to a revision, with no second ruling', () => {
    const state = stateOf([round(1, 'd1', 'correct')], 'd1', [ruling('round-1', 'follow_review')]);
    expect(flags(state)).toEqual({
      status: 'correction_required',
      canDecide: false,
      canSubmit: false,
      canRule: false,
    });
    expect(stateOf([round(1, 'd1', 'correct')], 'd2', [ruling('round-1', 'follow_review')]).canSubmit).toBe(true);
  });

  it('REVIEW-5: 不予作出 blocks the decision; the head may rule either way', () => {
    const rounds = [round(1, 'd1', 'do_not_decide')];
    expect(flags(stateOf(rounds, 'd1'))).toEqual({
      status: 'not_to_be_decided',
      canDecide: false,
      canSubmit: false,
      canRule: true,
    });
    expect(flags(stateOf(rounds, 'd1', [ruling('round-1', 'follow_review')]))).toEqual({
      status: 'not_to_be_decided',
      canDecide: false,
      canSubmit: false,
      canRule: false,
    });
    expect(stateOf(rounds, 'd1', [ruling('round-1', 'proceed')]).canDecide).toBe(true);
  });

  it('REVIEW-5: 移送 ends the review: no decision, no resubmission', () => {
    const state = stateOf([round(1, 'd1', 'transfer')], 'd2');
    expect(flags(state)).toEqual({ status: 'transferred', canDecide: false, canSubmit: false, canRule: false });
    expect(() => assertCanSubmit(state, 'd2')).toThrow(expect.objectContaining({ code: 'REVIEW_ALREADY_DECIDED' }));
    expect(state.message).toContain('移送司法机关');
  });

  it('REVIEW-5: approved on the current draft refuses a resubmission of the same draft', () => {
    const state = stateOf([round(1, 'd1', 'approve')], 'd1');
    expect(() => assertCanSubmit(state, 'd1')).toThrow(expect.objectContaining({ code: 'REVIEW_DRAFT_NOT_REVISED' }));
  });
});
