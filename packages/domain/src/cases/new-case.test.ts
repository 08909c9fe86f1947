import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { formatCaseNumber } from './case-number';
import { validateNewCase, type NewCaseInput } from './new-case';

const today = '2026-11-21';
const person: NewCaseInput = {
  source: 'complaint',
  place: '示范市新城区建设路18号',
  discoveredOn: '2026-11-20',
  summary: '群众举报该处未取得施工许可擅自施工',
  party: { kind: 'person', name: '张三', idNumber: '11010519491231002x', phone: '138 0013 8000' },
};

const problemOf = (input: NewCaseInput) => {
  try {
    validateNewCase(input, today);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }

  return null;
};

describe('registering a penalty case (PROC-2)', () => {
  it('normalizes a person party', () => {
    expect(validateNewCase(person, today)).toEqual({
      source: 'complaint',
      sourceDetail: null,
      place: '示范市新城区建设路18号',
      discoveredOn: '2026-11-20',
      summary: '群众举报该处未取得施工许可擅自施工',
      party: { kind: 'person', name: '张三', idNumber: '11010519491231002X', phone: '13800138000', address: null },
    });
  });

  it('accepts an organisation with a valid credit code and its legal representative', () => {
    const result = validateNewCase(
      {
        ...person,
        source: 'inspection',
        party: {
          kind: 'organization',
          name: '示范建筑工程有限公司',
          creditCode: '91350100m000100y43',
          legalRepresentative: '李四',
        },
      },
      today,
    );
    expect(result.party).toMatchObject({ kind: 'organization', creditCode: '91350100M000100Y43' });
  });

  it('names a wrong ID number, unknown source and a future date', () => {
    expect(problemOf({ ...person, party: { ...person.party, idNumber: '110105194912310021' } })).toEqual({
      code: 'INVALID_ID_NUMBER',
      details: { fields: [{ field: 'party.idNumber', code: 'INVALID_ID_NUMBER' }] },
    });
    expect(problemOf({ ...person, source: 'rumour' })?.code).toBe('UNKNOWN_CASE_SOURCE');
    expect(problemOf({ ...person, discoveredOn: '2026-11-22' })?.code).toBe('DATE_IN_FUTURE');
    expect(problemOf({ ...person, discoveredOn: '2026-02-30' })?.code).toBe('INVALID_DATE');
  });

  it('lists every problem at once', () => {
    const problem = problemOf({ ...person, source: 'rumour', place: '  ', party: { ...person.party, phone: '123' } });
    expect(problem?.code).toBe('VALIDATION_FAILED');
    expect(problem?.details).toEqual({
      fields: [
        { field: 'source', code: 'UNKNOWN_CASE_SOURCE' },
        { field: 'place', code: 'VALIDATION_FAILED' },
        { field: 'party.phone', code: 'INVALID_PHONE' },
      ],
    });
  });

  it('needs the transferring body for a transferred case (S4 §11)', () => {
    expect(problemOf({ ...person, source: 'transfer' })?.code).toBe('TRANSFER_SOURCE_DETAIL_REQUIRED');
    expect(
      validateNewCase({ ...person, source: 'transfer', sourceDetail: '市12345热线转办' }, today).sourceDetail,
    ).toBe('市12345热线转办');
  });

  it('refuses organisation fields on a person and a bad credit code', () => {
    expect(problemOf({ ...person, party: { ...person.party, creditCode: '91350100M000100Y43' } })?.code).toBe(
      'PARTY_FIELDS_MISMATCH',
    );
    expect(
      problemOf({
        ...person,
        party: { kind: 'organization', name: '某公司', creditCode: '91350100M000100Y44', legalRepresentative: '李四' },
      })?.code,
    ).toBe('INVALID_CREDIT_CODE');
  });

  it('refuses over-long text', () => {
    expect(problemOf({ ...person, summary: '违'.repeat(2001) })?.code).toBe('VALIDATION_FAILED');
  });
});

describe('case numbers', () => {
  it('read agency, procedure, year and sequence', () => {
    expect(formatCaseNumber({ agencyShortName: '示范住建', procedure: 'penalty', year: 2026, sequence: 12 })).toBe(
      '示范住建罚立〔2026〕12号',
    );
  });
});
