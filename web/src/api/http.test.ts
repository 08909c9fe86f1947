import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrorsOf, toQueryString } from './http';

describe('fieldErrorsOf', () => {
  it('reads details.fields and skips malformed entries', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', '输入有误', {
      fields: [{ field: 'place', code: 'VALIDATION_FAILED', message: '请填写地点' }, { field: 3 }, null],
    });
    expect(fieldErrorsOf(error)).toEqual([{ field: 'place', code: 'VALIDATION_FAILED', message: '请填写地点' }]);
  });

  it('gives nothing for other errors', () => {
    expect(fieldErrorsOf(new Error('x'))).toEqual([]);
    expect(fieldErrorsOf(new ApiError(404, 'CASE_NOT_FOUND', '案件不存在'))).toEqual([]);
  });
});

describe('toQueryString', () => {
  it('omits empty and false values', () => {
    expect(toQueryString({ page: 1, q: '', source: null, mine: false, to: undefined })).toBe('?page=1');
    expect(toQueryString({ mine: true, q: '张 三' })).toBe('?mine=true&q=%E5%BC%A0+%E4%B8%89');
    expect(toQueryString({})).toBe('');
  });
});
