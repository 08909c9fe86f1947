import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../records/catalog';
import { MAJOR_DECISION_GROUNDS, MAJOR_DECISION_GROUND_IDS, majorBasisProblems } from './major-grounds';

describe('grounds of a major decision (REVIEW-1)', () => {
  it('REVIEW-1: the seven grounds have the filing form’s values', () => {
    const field = RECORD_KINDS.filing_approval.fields.find((item) => item.name === 'majorCaseGrounds');
    expect(MAJOR_DECISION_GROUND_IDS).toEqual(field?.options?.map((option) => option.value));
    expect(MAJOR_DECISION_GROUND_IDS).toHaveLength(7);
    expect(MAJOR_DECISION_GROUNDS.hearing_held.citations).toEqual([{ source: 'S3', article: '附件3 第四条' }]);
  });

  it('REVIEW-1: a basis is required when nothing in the catalog matches', () => {
    expect(majorBasisProblems({ catalogMatches: [], grounds: [] })).toEqual([
      { field: 'grounds', code: 'MAJOR_BASIS_REQUIRED' },
    ]);
    expect(majorBasisProblems({ catalogMatches: [{}], grounds: [] })).toEqual([]);
    expect(
      majorBasisProblems({ catalogMatches: [], grounds: [{ ground: 'complex', reason: '涉及多个法律关系' }] }),
    ).toEqual([]);
  });

  it('REVIEW-1: each ground is known, once, with a reason', () => {
    const problems = majorBasisProblems({
      catalogMatches: [],
      grounds: [
        { ground: 'complex', reason: '理由' },
        { ground: 'complex', reason: '理由' },
        { ground: 'weather', reason: '理由' },
        { ground: 'public_interest', reason: '  ' },
        { ground: 'other', reason: 'x'.repeat(1001) },
      ],
    });
    expect(problems).toEqual([
      { field: 'grounds[1].ground', code: 'VALIDATION_FAILED' },
      { field: 'grounds[2].ground', code: 'VALIDATION_FAILED' },
      { field: 'grounds[3].reason', code: 'VALIDATION_FAILED' },
      { field: 'grounds[4].reason', code: 'VALIDATION_FAILED' },
    ]);
  });
});
