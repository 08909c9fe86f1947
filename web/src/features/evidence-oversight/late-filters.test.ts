import { describe, expect, it } from 'vitest';
import { toQueryString } from '../../api/http';
import { DEFAULT_LATE_QUERY, hasLateFilters, lateQueryToParams, parseLateQuery, withLateFilter } from './late-filters';

const OFFICER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const DEVICE = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

describe('late-upload filters in the address and the request (AV-6)', () => {
  it('reads the filters, dropping malformed values and swapping a reversed range', () => {
    expect(parseLateQuery(new URLSearchParams())).toEqual(DEFAULT_LATE_QUERY);
    expect(
      parseLateQuery(
        new URLSearchParams(
          `tab=late&from=2026-11-20&to=2026-11-01&officer=${OFFICER}&device=${DEVICE}&page=3&pageSize=50`,
        ),
      ),
    ).toEqual({ from: '2026-11-01', to: '2026-11-20', officerId: OFFICER, deviceId: DEVICE, page: 3, pageSize: 50 });
    expect(
      parseLateQuery(new URLSearchParams('from=2026-02-30&to=soon&officer=wangming&device=1&page=0&pageSize=500')),
    ).toEqual(DEFAULT_LATE_QUERY);
  });

  it('writes only what differs from the defaults and keeps the tab', () => {
    const base = new URLSearchParams('tab=late&page=4');
    expect(lateQueryToParams(DEFAULT_LATE_QUERY, base).toString()).toBe('tab=late');
    const query = { ...DEFAULT_LATE_QUERY, from: '2026-11-01', officerId: OFFICER, page: 2, pageSize: 50 };
    const params = lateQueryToParams(query, base);
    expect(params.get('tab')).toBe('late');
    expect(parseLateQuery(params)).toEqual(query);
  });

  it('sends the server its own parameter names, leaving out empty filters', () => {
    expect(toQueryString(DEFAULT_LATE_QUERY)).toBe('?page=1&pageSize=20');
    expect(toQueryString({ ...DEFAULT_LATE_QUERY, from: '2026-11-01', deviceId: DEVICE })).toBe(
      `?from=2026-11-01&deviceId=${DEVICE}&page=1&pageSize=20`,
    );
  });

  it('starts again from the first page when a filter changes', () => {
    const paged = { ...DEFAULT_LATE_QUERY, page: 5 };
    expect(withLateFilter(paged, { officerId: OFFICER })).toEqual({ ...paged, officerId: OFFICER, page: 1 });
    expect(hasLateFilters(paged)).toBe(false);
    expect(hasLateFilters(withLateFilter(paged, { to: '2026-11-20' }))).toBe(true);
  });
});
