import type { CaseListQuery } from '../../api/cases';
import type { ProcedureType } from '../../api/types';
import { isProcedureType } from '../procedures/procedure-labels';
import { CASE_SOURCES_BY_PROCEDURE, isCaseSource } from './case-labels';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export const DEFAULT_CASE_QUERY: CaseListQuery = {
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
  q: '',
  procedure: null,
  source: null,
  discoveredFrom: null,
  discoveredTo: null,
  isMine: false,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isIsoDate = (value: string): boolean => {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);

  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

const positiveInt = (value: string | null): number | null => {
  if (value === null || !/^\d{1,6}$/.test(value)) return null;
  const n = Number(value);

  return n >= 1 ? n : null;
};

/** Whether cases of the procedure can start from the source; any source goes with no procedure chosen. */
export const isSourceOf = (procedure: ProcedureType | null, source: string): boolean =>
  procedure === null || CASE_SOURCES_BY_PROCEDURE[procedure].includes(source);

/** Reads the list state from the address bar, dropping anything malformed rather than failing. */
export const parseCaseQuery = (params: URLSearchParams): CaseListQuery => {
  const pageSize = positiveInt(params.get('pageSize'));
  const procedureParam = params.get('procedure');
  const procedure = procedureParam !== null && isProcedureType(procedureParam) ? procedureParam : null;
  const source = params.get('source');
  const from = params.get('discoveredFrom');
  const to = params.get('discoveredTo');
  let discoveredFrom = from !== null && isIsoDate(from) ? from : null;
  let discoveredTo = to !== null && isIsoDate(to) ? to : null;
  if (discoveredFrom && discoveredTo && discoveredFrom > discoveredTo) {
    [discoveredFrom, discoveredTo] = [discoveredTo, discoveredFrom];
  }

  return {
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize !== null && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    q: (params.get('q') ?? '').slice(0, 200),
    procedure,
    source: source !== null && isCaseSource(source) && isSourceOf(procedure, source) ? source : null,
    discoveredFrom,
    discoveredTo,
    isMine: params.get('mine') === 'true',
  };
};

/** Writes only what differs from the defaults, so a fresh list has a clean address. */
export const caseQueryToParams = (query: CaseListQuery): URLSearchParams => {
  const params = new URLSearchParams();
  const q = query.q.trim();
  if (q) params.set('q', q);
  if (query.procedure) params.set('procedure', query.procedure);
  if (query.source) params.set('source', query.source);
  if (query.discoveredFrom) params.set('discoveredFrom', query.discoveredFrom);
  if (query.discoveredTo) params.set('discoveredTo', query.discoveredTo);
  if (query.isMine) params.set('mine', 'true');
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));

  return params;
};

/** Any change of filter starts again from the first page. */
export const withFilter = (query: CaseListQuery, change: Partial<Omit<CaseListQuery, 'page'>>): CaseListQuery => ({
  ...query,
  ...change,
  page: 1,
});

/** Choosing a procedure keeps the source only if cases of that procedure can start from it. */
export const withProcedure = (query: CaseListQuery, procedure: ProcedureType | null): CaseListQuery =>
  withFilter(query, {
    procedure,
    source: query.source !== null && isSourceOf(procedure, query.source) ? query.source : null,
  });

export const hasActiveFilters = (query: CaseListQuery): boolean =>
  query.q.trim() !== '' ||
  query.procedure !== null ||
  query.source !== null ||
  query.discoveredFrom !== null ||
  query.discoveredTo !== null ||
  query.isMine;
