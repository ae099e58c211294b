import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, inKeyOrder } from './canonical';

describe('inKeyOrder', () => {
  it('is an equal value with the same canonical text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const copy = inKeyOrder(v);
        expect(copy).toStrictEqual(v);
        expect(canonicalJson(copy)).toBe(canonicalJson(v));
      }),
      { numRuns: 300 },
    );
  });
  it('puts keys in sorted order at every depth, so JSON.stringify writes the canonical text', () => {
    const v = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: null }, 'é': 'x', Z: true };
    expect(JSON.stringify(inKeyOrder(v))).toBe(canonicalJson(v));
    expect(Object.keys(inKeyOrder(v))).toEqual(['Z', 'a', 'b', 'é']);
  });
  it('copies objects with many keys (laid out from a template) as faithfully, each copy its own', () => {
    const manyKeys = fc.dictionary(fc.oneof(fc.string(), fc.nat(50).map(String)), fc.jsonValue({ maxDepth: 2 }), { minKeys: 13, maxKeys: 40 }).map((d) => ({ ...d }));
    fc.assert(
      fc.property(manyKeys, (v) => {
        const copy = inKeyOrder(v);
        expect(copy).toStrictEqual(v);
        expect(canonicalJson(copy)).toBe(canonicalJson(v));
        if (!Object.keys(v).some((k) => /^\d+$/.test(k))) expect(JSON.stringify(copy)).toBe(canonicalJson(v));
        // A value with a "__proto__" key is kept as it is (see inKeyOrder).
        if (Object.hasOwn(v, '__proto__')) return;
        const again = inKeyOrder(v);
        expect(again).not.toBe(copy);
        for (const k of Object.keys(copy)) copy[k] = 'changed';
        expect(again).toStrictEqual(v);
      }),
      { numRuns: 200 },
    );
  });
  it('keeps what is not a plain object or array as it is', () => {
    const d = new Date(0);
    expect(inKeyOrder({ d }).d).toBe(d);
  });
});
