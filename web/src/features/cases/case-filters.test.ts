import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CASE_QUERY,
  caseQueryToParams,
  hasActiveFilters,
  parseCaseQuery,
  withFilter,
  withProcedure,
} from './case-filters';

const parse = (search: string) => parseCaseQuery(new URLSearchParams(search));

describe('parseCaseQuery', () => {
  it('gives the defaults for an empty address', () => {
    expect(parse('')).toEqual(DEFAULT_CASE_QUERY);
  });

  it('reads every filter', () => {
    expect(
      parse(
        'q=%E5%BC%A0%E4%B8%89&procedure=penalty&source=transfer&discoveredFrom=2025-01-01&discoveredTo=2025-02-28&mine=true&page=3&pageSize=50',
      ),
    ).toEqual({
      page: 3,
      pageSize: 50,
      q: '张三',
      procedure: 'penalty',
      source: 'transfer',
      discoveredFrom: '2025-01-01',
      discoveredTo: '2025-02-28',
      isMine: true,
    });
  });

  it('drops malformed values instead of failing', () => {
    expect(
      parse('page=0&pageSize=7&procedure=tax&source=rumour&discoveredFrom=2025-02-30&discoveredTo=yesterday&mine=1'),
    ).toEqual(DEFAULT_CASE_QUERY);
    expect(parse('page=-2').page).toBe(1);
    expect(parse('page=abc').page).toBe(1);
  });

  it('drops a source the chosen procedure never starts from', () => {
    expect(parse('procedure=licensing&source=complaint')).toMatchObject({ procedure: 'licensing', source: null });
    expect(parse('procedure=compulsion&source=inspection')).toMatchObject({
      procedure: 'compulsion',
      source: 'inspection',
    });
  });

  it('puts a reversed date range in order', () => {
    const query = parse('discoveredFrom=2025-03-01&discoveredTo=2025-01-01');
    expect([query.discoveredFrom, query.discoveredTo]).toEqual(['2025-01-01', '2025-03-01']);
  });
});

describe('caseQueryToParams', () => {
  it('writes nothing for the defaults', () => {
    expect(caseQueryToParams(DEFAULT_CASE_QUERY).toString()).toBe('');
  });

  it('round-trips through the address bar', () => {
    const query = {
      page: 2,
      pageSize: 10,
      q: '市场 路口',
      procedure: 'penalty' as const,
      source: 'complaint' as const,
      discoveredFrom: '2024-12-01',
      discoveredTo: null,
      isMine: true,
    };
    expect(parseCaseQuery(caseQueryToParams(query))).toEqual(query);
  });

  it('trims the keyword and omits a blank one', () => {
    expect(caseQueryToParams({ ...DEFAULT_CASE_QUERY, q: '  案 ' }).get('q')).toBe('案');
    expect(caseQueryToParams({ ...DEFAULT_CASE_QUERY, q: '   ' }).has('q')).toBe(false);
  });
});

describe('withFilter', () => {
  it('returns to the first page on any filter change', () => {
    expect(withFilter({ ...DEFAULT_CASE_QUERY, page: 4 }, { source: 'inspection' })).toMatchObject({
      page: 1,
      source: 'inspection',
    });
  });
});

describe('withProcedure', () => {
  it('keeps the source only if the procedure starts from it, and returns to the first page', () => {
    const query = { ...DEFAULT_CASE_QUERY, page: 3, source: 'inspection' };
    expect(withProcedure(query, 'compulsion')).toMatchObject({
      page: 1,
      procedure: 'compulsion',
      source: 'inspection',
    });
    expect(withProcedure(query, 'licensing')).toMatchObject({ page: 1, procedure: 'licensing', source: null });
    expect(withProcedure({ ...query, procedure: 'licensing' }, null)).toMatchObject({
      procedure: null,
      source: 'inspection',
    });
  });
});

describe('hasActiveFilters', () => {
  it('ignores paging', () => {
    expect(hasActiveFilters({ ...DEFAULT_CASE_QUERY, page: 3, pageSize: 50 })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_CASE_QUERY, isMine: true })).toBe(true);
    expect(hasActiveFilters({ ...DEFAULT_CASE_QUERY, procedure: 'inspection' })).toBe(true);
  });
});
