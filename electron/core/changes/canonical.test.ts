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
  it('keeps what is not a plain object or array as it is', () => {
    const d = new Date(0);
    expect(inKeyOrder({ d }).d).toBe(d);
  });
});
