import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../records/catalog';
import { REVIEW_CONCLUSIONS, REVIEW_CONCLUSION_IDS, REVIEW_POINT_IDS, reviewOpinionProblems } from './review-points';

const optionValues = (name: string) =>
  RECORD_KINDS.legal_review_opinion.fields.find((item) => item.name === name)?.options?.map((option) => option.value);

const allClear = REVIEW_POINT_IDS.map((point) => ({ point, finding: 'no_issue', note: '' }));
const withIssue = (...points: string[]) =>
  allClear.map((item) => (points.includes(item.point) ? { ...item, finding: 'issue', note: '证据不足' } : item));

const opinion = (overrides: Partial<Parameters<typeof reviewOpinionProblems>[0]> = {}) =>
  reviewOpinionProblems({
    points: allClear,
    conclusion: 'approve',
    reasons: '同意',
    correctionItems: '',
    ...overrides,
  });

describe('review points and conclusions (REVIEW-3)', () => {
  it('REVIEW-3: points and conclusions have the review opinion form’s values', () => {
    expect(REVIEW_POINT_IDS).toEqual(optionValues('pointsReviewed'));
    expect(REVIEW_CONCLUSION_IDS).toEqual(optionValues('conclusion'));
    expect(REVIEW_CONCLUSION_IDS.filter((id) => REVIEW_CONCLUSIONS[id].isDecisionAllowed)).toEqual(['approve']);
  });

  it('REVIEW-3: an approval with every point clear is consistent', () => {
    expect(opinion()).toEqual([]);
  });

  it('REVIEW-3: every point exactly once, each with a finding', () => {
    const problems = opinion({
      points: [...allClear.slice(1), allClear[1]!, { point: 'mood', finding: 'no_issue', note: '' }].map((item) =>
        item.point === 'law' ? { ...item, finding: '' } : item,
      ),
    });
    expect(problems).toEqual([
      { field: 'points[2].finding', code: 'REVIEW_POINTS_INCOMPLETE' },
      { field: 'points[7].point', code: 'VALIDATION_FAILED' },
      { field: 'points[8].point', code: 'VALIDATION_FAILED' },
      { field: 'points.subject', code: 'REVIEW_POINTS_INCOMPLETE' },
    ]);
  });

  it('REVIEW-3: an issue needs a note of at most 2000 characters', () => {
    const points = withIssue('facts', 'procedure').map((item) =>
      item.point === 'facts'
        ? { ...item, note: ' ' }
        : item.point === 'procedure'
          ? { ...item, note: 'x'.repeat(2001) }
          : item,
    );
    expect(opinion({ points, conclusion: 'correct', correctionItems: '补充证据' })).toEqual([
      { field: 'points[1].note', code: 'REVIEW_POINTS_INCOMPLETE' },
      { field: 'points[2].note', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('REVIEW-3: reasons are required and the conclusion must be one of the four', () => {
    expect(opinion({ reasons: '' })).toEqual([{ field: 'reasons', code: 'VALIDATION_FAILED' }]);
    expect(opinion({ conclusion: 'maybe' })).toEqual([{ field: 'conclusion', code: 'VALIDATION_FAILED' }]);
  });

  it('REVIEW-3: 同意 with an issue is inconsistent', () => {
    expect(opinion({ points: withIssue('documents') })).toEqual([
      { field: 'conclusion', code: 'REVIEW_CONCLUSION_INCONSISTENT' },
    ]);
  });

  it('REVIEW-3: 纠正 names an issue and the items to correct', () => {
    expect(opinion({ points: withIssue('facts'), conclusion: 'correct', correctionItems: '补充现场勘验笔录' })).toEqual(
      [],
    );
    expect(opinion({ points: withIssue('facts'), conclusion: 'correct' })).toEqual([
      { field: 'correctionItems', code: 'REVIEW_CONCLUSION_INCONSISTENT' },
    ]);
    expect(opinion({ conclusion: 'correct', correctionItems: '补充' })).toEqual([
      { field: 'conclusion', code: 'REVIEW_CONCLUSION_INCONSISTENT' },
    ]);
  });

  it('REVIEW-3: 不予作出 names an issue', () => {
    expect(opinion({ points: withIssue('subject'), conclusion: 'do_not_decide' })).toEqual([]);
    expect(opinion({ conclusion: 'do_not_decide' })).toEqual([
      { field: 'conclusion', code: 'REVIEW_CONCLUSION_INCONSISTENT' },
    ]);
  });

  it('REVIEW-3: 移送 goes with a suspected crime, and a suspected crime with 移送', () => {
    expect(opinion({ points: withIssue('crime'), conclusion: 'transfer' })).toEqual([]);
    expect(opinion({ points: withIssue('facts'), conclusion: 'transfer' })).toEqual([
      { field: 'conclusion', code: 'REVIEW_CONCLUSION_INCONSISTENT' },
    ]);
    expect(opinion({ points: withIssue('crime'), conclusion: 'correct', correctionItems: '补充' })).toEqual([
      { field: 'conclusion', code: 'REVIEW_CONCLUSION_INCONSISTENT' },
    ]);
  });
});
