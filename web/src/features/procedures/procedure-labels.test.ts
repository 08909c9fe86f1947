import { describe, expect, it } from 'vitest';
import { DEADLINE_STATUS_TAGS, citationText, citationsText, requirementTag, tagOf } from './procedure-labels';

describe('citationText', () => {
  it('prefers the server text', () => {
    expect(citationText({ source: 'S4', article: '第十二条', text: 'S4 第十二条' })).toBe('S4 第十二条');
  });

  it('formats seeds and laws as the server does', () => {
    expect(citationText({ source: 'S4', article: '第十二条' })).toBe('S4 第十二条');
    expect(citationText({ source: '行政处罚法', article: '第四十二条' })).toBe('《行政处罚法》第四十二条');
  });

  it('joins a list', () => {
    expect(
      citationsText([
        { source: 'S2', article: '第八条' },
        { source: '行政强制法', article: '第十八条' },
      ]),
    ).toBe('S2 第八条；《行政强制法》第十八条');
    expect(citationsText(undefined)).toBe('');
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
