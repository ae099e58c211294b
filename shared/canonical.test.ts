import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sortedKeys } from './canonical';

describe('canonicalJson', () => {
  it('is JSON that parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(text.length).toBe(JSON.stringify(v).length);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
  it('does not depend on key order, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
  it('writes the same text whether the keys came sorted or not (the sorted case is written natively)', () => {
    // Reference: sorted copies written by JSON.stringify.
    const sortedCopy = (v: unknown): unknown =>
      v === null || typeof v !== 'object' ? v : Array.isArray(v) ? v.map(sortedCopy) : Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortedCopy((v as Record<string, unknown>)[k])]));
    const reference = (v: unknown) => {
      // Object.fromEntries puts integer-like keys first again: write those objects by hand.
      const w = (x: unknown): string =>
        x === null || typeof x !== 'object' ? JSON.stringify(x) : Array.isArray(x) ? `[${x.map(w).join(',')}]` : `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${w((x as Record<string, unknown>)[k])}`).join(',')}}`;
      return w(sortedCopy(v));
    };
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
        expect(canonicalJson(JSON.parse(canonicalJson(v)))).toBe(reference(v));
      }),
      { numRuns: 300 },
    );
    expect(canonicalJson({ 10: 'a', 2: 'b', b: 1 })).toBe('{"10":"a","2":"b","b":1}');
    expect(canonicalJson({ a: { toJSON: 'x' } })).toBe('{"a":{"toJSON":"x"}}');
    expect(canonicalJson({ a: new Date(0) })).toBe('{"a":{}}');
  });

  it('drops undefined like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });
});

describe('sortedKeys', () => {
  it('is Object.keys sorted as .sort() sorts them, for objects of any size and key order', () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 }), fc.nat(30).map(String));
    fc.assert(
      fc.property(fc.dictionary(key, fc.constant(0), { maxKeys: 40 }), fc.boolean(), (d, presort) => {
        const keys = presort ? Object.keys(d).sort() : Object.keys(d).reverse();
        const v: Record<string, number> = {};
        for (const k of keys) v[k] = 0;
        expect(sortedKeys(v)).toEqual(Object.keys(v).sort());
      }),
      { numRuns: 300 },
    );
  });
});
