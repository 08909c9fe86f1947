import { describe, expect, it } from 'vitest';
import { splitFieldErrors, toNamePath } from './field-errors';

describe('toNamePath', () => {
  it('splits dotted paths and turns list indexes into numbers', () => {
    expect(toNamePath('party.idNumber')).toEqual(['party', 'idNumber']);
    expect(toNamePath('discoveredOn')).toEqual(['discoveredOn']);
    expect(toNamePath('parties.0.name')).toEqual(['parties', 0, 'name']);
  });
});

describe('splitFieldErrors', () => {
  const known = ['source', 'sourceDetail', 'discoveredOn', 'party.idNumber', 'party.name'];

  it('maps server problems onto the form fields', () => {
    const result = splitFieldErrors(
      [
        { field: 'party.idNumber', code: 'INVALID_ID_NUMBER', message: '身份证号码校验位不正确' },
        { field: 'discoveredOn', code: 'DATE_IN_FUTURE', message: '发现日期不能晚于今天' },
      ],
      known,
    );
    expect(result).toEqual({
      formErrors: [
        { name: ['party', 'idNumber'], errors: ['身份证号码校验位不正确'] },
        { name: ['discoveredOn'], errors: ['发现日期不能晚于今天'] },
      ],
      otherMessages: [],
    });
  });

  it('groups several problems of one field and drops repeats', () => {
    const result = splitFieldErrors(
      [
        { field: 'source', code: 'A', message: '甲' },
        { field: 'source', code: 'B', message: '乙' },
        { field: 'source', code: 'A', message: '甲' },
      ],
      known,
    );
    expect(result.formErrors).toEqual([{ name: ['source'], errors: ['甲', '乙'] }]);
  });

  it('keeps problems without an input on screen for a general notice', () => {
    const result = splitFieldErrors(
      [
        { field: 'party.creditCode', code: 'INVALID_CREDIT_CODE', message: '统一社会信用代码不正确' },
        { field: 'party.kind', code: 'PARTY_FIELDS_MISMATCH', message: '当事人信息与类型不符' },
      ],
      known,
    );
    expect(result.formErrors).toEqual([]);
    expect(result.otherMessages).toEqual(['统一社会信用代码不正确', '当事人信息与类型不符']);
  });
});
