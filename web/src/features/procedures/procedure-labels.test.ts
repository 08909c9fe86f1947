import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../api/procedure-types';
import {
  DEADLINE_STATUS_TAGS,
  avConditionText,
  avTag,
  citationText,
  citationsText,
  isAvAsked,
  requirementTag,
  tagOf,
} from './procedure-labels';

describe('citationText', () => {
  it('shows the server text', () => {
    expect(citationText({ source: 'S4', article: '第十二条', text: 'S4 第十二条' })).toBe('S4 第十二条');
  });

  it('joins a list', () => {
    expect(
      citationsText([
        { source: 'S2', article: '第八条', text: 'S2 第八条' },
        { source: '行政强制法', article: '第十八条', text: '《行政强制法》第十八条' },
      ]),
    ).toBe('S2 第八条；《行政强制法》第十八条');
    expect(citationsText(undefined)).toBe('');
  });
});

const METHOD: FieldDefinition = {
  name: 'method',
  label: '送达方式',
  type: 'select',
  isRequired: true,
  options: [
    { value: 'direct', label: '直接送达' },
    { value: 'left_at_residence', label: '留置送达' },
    { value: 'announcement', label: '公告送达' },
  ],
};
const SERVICE_AV = { field: 'method', equals: ['left_at_residence', 'announcement'] };

describe('isAvAsked', () => {
  it('asks only at the required levels', () => {
    expect(isAvAsked('required')).toBe(true);
    expect(isAvAsked('full_length')).toBe(true);
    expect(isAvAsked('optional')).toBe(false);
    expect(isAvAsked('none')).toBe(false);
  });

  it('asks under a condition only while the content meets it (AV-2)', () => {
    expect(isAvAsked('required', SERVICE_AV, { method: 'left_at_residence' })).toBe(true);
    expect(isAvAsked('required', SERVICE_AV, { method: 'announcement' })).toBe(true);
    expect(isAvAsked('required', SERVICE_AV, { method: 'direct' })).toBe(false);
    expect(isAvAsked('required', SERVICE_AV, {})).toBe(false);
    expect(isAvAsked('required', SERVICE_AV)).toBe(false);
    expect(isAvAsked('none', SERVICE_AV, { method: 'announcement' })).toBe(false);
    // A list never equals a value, as on the server.
    expect(isAvAsked('required', SERVICE_AV, { method: ['announcement'] })).toBe(false);
  });

  it('compares booleans too', () => {
    const when = { field: 'isOnSite', equals: [true] };
    expect(isAvAsked('full_length', when, { isOnSite: true })).toBe(true);
    expect(isAvAsked('full_length', when, { isOnSite: false })).toBe(false);
  });
});

describe('avConditionText and avTag', () => {
  it("say when a conditional recording applies, in the form's words", () => {
    expect(avConditionText(SERVICE_AV, [METHOD])).toBe('送达方式为留置送达或公告送达时');
    expect(avConditionText({ field: 'onSite', equals: [true] }, [])).toBe('onSite为是时');
    expect(avTag('required', SERVICE_AV, [METHOD])).toEqual({
      label: '需同步音像（仅留置送达、公告送达）',
      color: 'purple',
    });
    expect(avTag('required', null, [METHOD])?.label).toBe('需同步音像');
    expect(avTag('none', SERVICE_AV, [METHOD])).toBeUndefined();
  });
});

describe('requirementTag', () => {
  it('says whether a conditional record applies to this case', () => {
    expect(requirementTag('required_if', true).label).toContain('本案需要');
    expect(requirementTag('required_if', false).label).toContain('本案不需要');
    expect(requirementTag('required', false).label).toBe('必需');
  });
});

describe('tagOf', () => {
  it('shows an unknown status as its raw value', () => {
    expect(tagOf(DEADLINE_STATUS_TAGS, 'overdue').label).toBe('已逾期');
    expect(tagOf(DEADLINE_STATUS_TAGS, 'suspended')).toEqual({ label: 'suspended', color: 'default' });
  });
});
