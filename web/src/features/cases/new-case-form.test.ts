import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  creditCodeError,
  newCaseFieldPaths,
  phoneError,
  residentIdError,
  sourceAfterProcedureChange,
  toNewCaseRequest,
} from './new-case-form';

// Check characters computed by the GB 11643 and GB 32100 algorithms.
const VALID_ID = '11010519491231002X';
const VALID_CREDIT_CODE = '91350100M000100Y43';

describe('toNewCaseRequest', () => {
  const base = {
    procedure: 'penalty' as const,
    source: 'inspection',
    sourceDetail: '  ',
    discoveredOn: dayjs('2025-03-04'),
    place: ' 某区某路 1 号 ',
    summary: ' 现场发现无证经营 ',
  };

  it('sends a person with trimmed text and nulls for blanks', () => {
    const body = toNewCaseRequest({
      ...base,
      party: { kind: 'person', name: ' 张三 ', idNumber: ' 11010519491231002x ', phone: '138 0013 8000', address: '' },
    });
    expect(body).toEqual({
      procedure: 'penalty',
      source: 'inspection',
      sourceDetail: null,
      discoveredOn: '2025-03-04',
      place: '某区某路 1 号',
      summary: '现场发现无证经营',
      party: { kind: 'person', name: '张三', idNumber: VALID_ID, phone: '13800138000', address: null },
    });
  });

  it('sends only organisation fields for an organisation', () => {
    const body = toNewCaseRequest({
      ...base,
      party: {
        kind: 'organization',
        name: '某某有限公司',
        idNumber: VALID_ID,
        creditCode: '91350100m000100y43',
        legalRepresentative: ' 李四 ',
      },
    });
    expect(body.party).toEqual({
      kind: 'organization',
      name: '某某有限公司',
      creditCode: VALID_CREDIT_CODE,
      legalRepresentative: '李四',
      phone: null,
      address: null,
    });
  });

  it('sends the chosen procedure', () => {
    const body = toNewCaseRequest({
      ...base,
      procedure: 'licensing',
      source: 'window',
      party: { kind: 'person', name: '张三', idNumber: VALID_ID },
    });
    expect(body).toMatchObject({ procedure: 'licensing', source: 'window' });
  });
});

describe('sourceAfterProcedureChange', () => {
  it('keeps a source the new procedure has and drops one it has not', () => {
    const sources = [{ id: 'window' }, { id: 'online' }];
    expect(sourceAfterProcedureChange('online', sources)).toBe('online');
    expect(sourceAfterProcedureChange('complaint', sources)).toBeUndefined();
    expect(sourceAfterProcedureChange(undefined, sources)).toBeUndefined();
  });
});

describe('identifier checks', () => {
  it('accepts valid numbers, including a lower-case x', () => {
    expect(residentIdError(VALID_ID, '2025-01-01')).toBeNull();
    expect(residentIdError(VALID_ID.toLowerCase(), '2025-01-01')).toBeNull();
    expect(creditCodeError(VALID_CREDIT_CODE)).toBeNull();
  });

  it('explains a wrong check character', () => {
    expect(residentIdError('110105194912310021', '2025-01-01')).toContain('校验位');
    expect(creditCodeError('91350100M000100Y44')).toContain('校验位');
  });

  it('explains a wrong shape', () => {
    expect(residentIdError('1101051949', '2025-01-01')).toContain('18位');
    expect(creditCodeError('91350100I000100Y43')).toContain('18位');
  });

  it('checks phone numbers', () => {
    expect(phoneError('13800138000')).toBeNull();
    expect(phoneError('010-12345678')).toBeNull();
    expect(phoneError('12345')).not.toBeNull();
  });
});

describe('newCaseFieldPaths', () => {
  it('lists the inputs of the chosen party kind', () => {
    expect(newCaseFieldPaths('person')).toContain('party.idNumber');
    expect(newCaseFieldPaths('person')).not.toContain('party.creditCode');
    expect(newCaseFieldPaths('organization')).toEqual(
      expect.arrayContaining(['party.creditCode', 'party.legalRepresentative']),
    );
  });
});
