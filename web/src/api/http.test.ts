import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorOf, fieldErrorsOf, toQueryString } from './http';

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

describe('apiErrorOf', () => {
  it('reads the server’s {code, message, details} from a body given as text', () => {
    const error = apiErrorOf(415, '{"code":"TYPE_MISMATCH","message":"文件内容与声明的证据类型不符，未予保存"}');
    expect(error).toMatchObject({
      status: 415,
      code: 'TYPE_MISMATCH',
      message: '文件内容与声明的证据类型不符，未予保存',
    });
  });

  it('falls back to a message by status when the body is not the server’s', () => {
    expect(apiErrorOf(502, '<html>Bad Gateway</html>')).toMatchObject({
      code: 'HTTP_502',
      message: expect.stringContaining('502'),
    });
    expect(apiErrorOf(404, '')).toMatchObject({ code: 'HTTP_404', message: '请求的内容不存在' });
  });
});
