import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../api/procedure-types';
import { displayContentValue, unknownContentKeys } from './record-display';

const select: FieldDefinition = {
  name: 'method',
  label: '告知方式',
  type: 'select',
  isRequired: true,
  options: [
    { value: 'written', label: '书面告知' },
    { value: 'oral', label: '口头告知' },
  ],
};

describe('displayContentValue', () => {
  it('shows option labels, yes or no, China time and yuan', () => {
    expect(displayContentValue(select, 'oral')).toBe('口头告知');
    expect(displayContentValue({ ...select, type: 'multiselect' }, ['written', 'oral'])).toBe('书面告知、口头告知');
    expect(displayContentValue({ ...select, type: 'boolean' }, false)).toBe('否');
    expect(displayContentValue({ ...select, type: 'datetime' }, '2026-11-21T01:30:00Z')).toBe('2026-11-21 09:30');
    expect(displayContentValue({ ...select, type: 'money' }, '1500.00')).toBe('1500.00 元');
    expect(displayContentValue({ ...select, type: 'integer' }, 15)).toBe('15');
  });

  it('gives null for an empty field', () => {
    expect(displayContentValue(select, null)).toBeNull();
    expect(displayContentValue({ ...select, type: 'multiselect' }, [])).toBeNull();
  });
});

describe('unknownContentKeys', () => {
  it('finds stored values the form no longer defines', () => {
    expect(unknownContentKeys([select], { method: 'oral', legacy: 'x', empty: null })).toEqual(['legacy']);
  });
});
