import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStamps, encodeStamps } from './stamps';
import type { FieldStamp } from './types';

const stamp = fc.tuple(fc.constantFrom('h1', 'h2', 'h3'), fc.constantFrom('n1', 'n2'), fc.constantFrom('ana', 'budi')) as fc.Arbitrary<FieldStamp>;

describe('field stamps encoding', () => {
  it('round-trips and does not depend on field order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), stamp), (stamps) => {
        const text = encodeStamps(stamps);
        expect(decodeStamps(text)).toEqual(stamps);
        const reversed = Object.fromEntries(Object.entries(stamps).reverse());
        expect(encodeStamps(reversed)).toBe(text);
      }),
    );
  });
  it('stores a stamp shared by many fields once', () => {
    const s: FieldStamp = ['000001700000000-000000', 'node', 'ana'];
    expect(encodeStamps({ a: s, b: s, c: s })).toBe('{"f":{"a":0,"b":0,"c":0},"s":[["000001700000000-000000","node","ana"]]}');
  });
});

describe('field stamps encoding, uniform case', () => {
  it('encodes a record written by one change exactly as the general path would', () => {
    const s: FieldStamp = ['000001700000000-000000', 'node', 'ana'];
    const t: FieldStamp = ['000001700000000-000001', 'node', 'ana'];
    const uniform = encodeStamps({ b: s, a: s });
    expect(uniform).toBe('{"f":{"a":0,"b":0},"s":[["000001700000000-000000","node","ana"]]}');
    // Equal stamps in separate arrays take the general path and must give the same text.
    expect(encodeStamps({ b: [...s] as FieldStamp, a: [...s] as FieldStamp })).toBe(uniform);
    expect(decodeStamps(encodeStamps({ a: s, b: t }))).toEqual({ a: s, b: t });
  });
});
