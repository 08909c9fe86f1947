import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../records/catalog';
import {
  PENALTY_KIND_OPTIONS,
  matchMajorCatalog,
  validateMajorCatalogEntry,
  type MajorCatalogEntry,
  type ProposedDecision,
} from './major-catalog';

const valid = {
  category: 'penalty',
  level: 'any',
  field: 'construction_market',
  title: '建筑市场领域较大数额罚款',
  penaltyKinds: ['fine'],
  partyType: 'any',
  amountThreshold: 20000,
  basis: '《住房城乡建设行政处罚程序规定》',
};

const entry = (overrides: Partial<MajorCatalogEntry> = {}): MajorCatalogEntry => ({
  id: 'e1',
  category: 'penalty',
  level: 'any',
  field: 'any',
  title: '较大数额罚款',
  penaltyKinds: [],
  partyType: 'any',
  amountThreshold: 20000,
  basis: '依据',
  ...overrides,
});

const decision: ProposedDecision = {
  category: 'penalty',
  field: 'construction_market',
  penaltyKinds: ['fine', 'revoke_permit'],
  partyType: 'organization',
  amount: 50000,
};

describe('major decision catalog (REVIEW-1)', () => {
  it('REVIEW-1: penalty kind options are the penalty decision form’s options', () => {
    const field = RECORD_KINDS.penalty_decision.fields.find((item) => item.name === 'penaltyKinds');
    expect(PENALTY_KIND_OPTIONS).toEqual(field?.options);
  });

  it('REVIEW-1: accepts a complete entry and trims its text', () => {
    const result = validateMajorCatalogEntry({ ...valid, title: '  标题  ' });
    expect(result.problems).toEqual([]);
    expect(result.entry).toEqual({ ...valid, title: '标题' });
  });

  it('REVIEW-1: refuses bad lists, lengths and amounts field by field', () => {
    const result = validateMajorCatalogEntry({
      category: 'tax',
      level: 'province',
      field: 'farming',
      title: '',
      penaltyKinds: ['fine', 'prison'],
      partyType: 'robot',
      amountThreshold: 10.123,
      basis: 'x'.repeat(1001),
    });
    expect(result.entry).toBeNull();
    expect(result.problems.map((problem) => problem.field).sort()).toEqual(
      ['amountThreshold', 'basis', 'category', 'field', 'level', 'partyType', 'penaltyKinds', 'title'].sort(),
    );
    expect(result.problems.every((problem) => problem.code === 'VALIDATION_FAILED')).toBe(true);
    expect(validateMajorCatalogEntry('x').problems).toEqual([{ field: 'entry', code: 'VALIDATION_FAILED' }]);
  });

  it('REVIEW-1: amount thresholds are positive, at most two decimals, at most 1e12', () => {
    const problemsFor = (amountThreshold: unknown) =>
      validateMajorCatalogEntry({ ...valid, amountThreshold }).problems.map((problem) => problem.field);
    expect(problemsFor(0)).toEqual(['amountThreshold']);
    expect(problemsFor(-5)).toEqual(['amountThreshold']);
    expect(problemsFor(1e12 + 1)).toEqual(['amountThreshold']);
    expect(problemsFor(Number.NaN)).toEqual(['amountThreshold']);
    expect(problemsFor(0.29)).toEqual([]);
    expect(problemsFor(1e12)).toEqual([]);
    expect(problemsFor(null)).toEqual([]);
  });

  it('REVIEW-1: penalty kinds only in penalty entries', () => {
    const result = validateMajorCatalogEntry({ ...valid, category: 'compulsion' });
    expect(result.problems).toEqual([{ field: 'penaltyKinds', code: 'VALIDATION_FAILED' }]);
    expect(validateMajorCatalogEntry({ ...valid, category: 'compulsion', penaltyKinds: [] }).problems).toEqual([]);
  });

  it('REVIEW-1: refuses an entry that would make every decision of its category major', () => {
    const everything = { ...valid, field: 'any', penaltyKinds: [], amountThreshold: null };
    expect(validateMajorCatalogEntry(everything).problems).toEqual([{ field: 'criteria', code: 'VALIDATION_FAILED' }]);
    expect(validateMajorCatalogEntry({ ...everything, field: 'real_estate' }).problems).toEqual([]);
  });

  it('REVIEW-1: matches on the amount with a Chinese reason', () => {
    const [match] = matchMajorCatalog({ entries: [entry()], decision, agencyLevel: 'county' });
    expect(match?.reasons).toContain('拟处罚款及没收金额 50000 元，达到目录标准 20000 元');
    expect(
      matchMajorCatalog({ entries: [entry()], decision: { ...decision, amount: 19999.99 }, agencyLevel: 'county' }),
    ).toEqual([]);
    expect(
      matchMajorCatalog({ entries: [entry()], decision: { ...decision, amount: 20000 }, agencyLevel: 'county' }),
    ).toHaveLength(1);
  });

  it('REVIEW-1: matches on a shared penalty kind and names it', () => {
    const revoke = entry({ penaltyKinds: ['revoke_permit', 'close'], amountThreshold: null });
    const [match] = matchMajorCatalog({ entries: [revoke], decision, agencyLevel: 'city' });
    expect(match?.reasons).toContain('处罚种类包括吊销许可证件');
    expect(
      matchMajorCatalog({ entries: [revoke], decision: { ...decision, penaltyKinds: ['fine'] }, agencyLevel: 'city' }),
    ).toEqual([]);
  });

  it('REVIEW-1: every criterion an entry sets must hold', () => {
    const both = entry({ penaltyKinds: ['revoke_permit'], amountThreshold: 100000 });
    expect(matchMajorCatalog({ entries: [both], decision, agencyLevel: 'city' })).toEqual([]);
  });

  it('REVIEW-1: category, level, field and party type narrow the match', () => {
    const match = (overrides: Partial<MajorCatalogEntry>, agencyLevel: 'region' | 'city' | 'county' = 'city') =>
      matchMajorCatalog({ entries: [entry(overrides)], decision, agencyLevel }).length;
    expect(match({ category: 'licensing' })).toBe(0);
    expect(match({ level: 'county' })).toBe(0);
    expect(match({ level: 'city' })).toBe(1);
    expect(match({ field: 'real_estate' })).toBe(0);
    expect(match({ field: 'construction_market' })).toBe(1);
    expect(match({ partyType: 'individual' })).toBe(0);
    expect(match({ partyType: 'organization' })).toBe(1);
  });

  it('REVIEW-1: a field-only entry matches every decision of its category in the field', () => {
    const fieldOnly = entry({ field: 'construction_market', penaltyKinds: [], amountThreshold: null });
    const [match] = matchMajorCatalog({
      entries: [fieldOnly],
      decision: { ...decision, amount: 0 },
      agencyLevel: 'city',
    });
    expect(match?.reasons).toContain('属于建筑市场领域的行政处罚决定');
  });
});
