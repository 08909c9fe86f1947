import type { LateEvidenceQuery } from '../../api/evidence-oversight';

export const LATE_PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_LATE_PAGE_SIZE = 20;

export const DEFAULT_LATE_QUERY: LateEvidenceQuery = {
  from: null,
  to: null,
  officerId: null,
  deviceId: null,
  page: 1,
  pageSize: DEFAULT_LATE_PAGE_SIZE,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

const dateParam = (value: string | null): string | null => (value !== null && isIsoDate(value) ? value : null);
const idParam = (value: string | null): string | null => (value !== null && UUID.test(value) ? value : null);

/** AV-6: the late-upload filters from the address bar, dropping anything malformed rather than failing. */
export const parseLateQuery = (params: URLSearchParams): LateEvidenceQuery => {
  let from = dateParam(params.get('from'));
  let to = dateParam(params.get('to'));
  if (from && to && from > to) [from, to] = [to, from];
  const pageSize = positiveInt(params.get('pageSize'));

  return {
    from,
    to,
    officerId: idParam(params.get('officer')),
    deviceId: idParam(params.get('device')),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize:
      pageSize !== null && (LATE_PAGE_SIZES as readonly number[]).includes(pageSize)
        ? pageSize
        : DEFAULT_LATE_PAGE_SIZE,
  };
};

/** Writes only what differs from the defaults onto the page's other parameters (the tab). */
export const lateQueryToParams = (query: LateEvidenceQuery, base: URLSearchParams): URLSearchParams => {
  const params = new URLSearchParams(base);
  for (const key of ['from', 'to', 'officer', 'device', 'page', 'pageSize']) params.delete(key);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.officerId) params.set('officer', query.officerId);
  if (query.deviceId) params.set('device', query.deviceId);
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_LATE_PAGE_SIZE) params.set('pageSize', String(query.pageSize));

  return params;
};

/** Any change of filter starts again from the first page. */
export const withLateFilter = (
  query: LateEvidenceQuery,
  change: Partial<Omit<LateEvidenceQuery, 'page' | 'pageSize'>>,
): LateEvidenceQuery => ({ ...query, ...change, page: 1 });

export const hasLateFilters = (query: LateEvidenceQuery): boolean =>
  query.from !== null || query.to !== null || query.officerId !== null || query.deviceId !== null;
