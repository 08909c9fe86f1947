import { describe, expect, it } from 'vitest';
import { canonicalJson, type CanonicalValue } from './canonical-json';

describe('canonical JSON for ledger leaves (LEDGER-1)', () => {
  it('sorts keys by UTF-16 code units at every level and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: '案' }, A: false })).toBe(
      '{"A":false,"a":{"c":"案","d":[3,{"y":true,"z":null}]},"b":1}',
    );
    // RFC 8785 §3.2.3: property names are ordered by their UTF-16 code units, not by locale.
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '1': 3, '\u00e9': 4 })).toBe('{"\\r":2,"1":3,"é":4,"€":1}');
  });

  it('escapes strings as JSON.stringify does', () => {
    expect(canonicalJson({ s: 'a"b\\c\n\u0001' })).toBe('{"s":"a\\"b\\\\c\\n\\u0001"}');
  });

  it('refuses values whose encoding is not portable', () => {
    expect(() => canonicalJson({ x: 1.5 })).toThrow(/safe integers/);
    expect(() => canonicalJson({ x: 2 ** 53 })).toThrow(/safe integers/);
    expect(() => canonicalJson({ x: -0 })).toThrow(/safe integers/);
    expect(() => canonicalJson({ x: undefined } as unknown as CanonicalValue)).toThrow(/undefined/);
    expect(() => canonicalJson({ x: new Date(0) } as unknown as CanonicalValue)).toThrow(/plain objects/);
  });
});
