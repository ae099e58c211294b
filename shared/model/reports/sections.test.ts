import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SECTION_CHARS, paragraphs, parentsForSave, sectionHeads, sectionValueSchema, type SectionValue } from './sections';

const rev = (i: number) => `00000000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;

/**
 * A section's history as curators make it: each save either edits one earlier version (its
 * base, possibly an old one: an offline curator) or starts from nothing, or resolves by naming
 * several earlier versions. Parents always come from values saved before, as on real nodes.
 */
const historyArb = fc
  .array(fc.record({ kind: fc.nat(9), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }) }), { minLength: 1, maxLength: 40 })
  .map((steps) => {
    const values: SectionValue[] = [];
    steps.forEach((step, i) => {
      let parents: string[] = [];
      if (i > 0 && step.kind > 0) {
        const count = step.kind >= 8 ? step.picks.length : 1;
        parents = [...new Set(step.picks.slice(0, count).map((p) => values[p % values.length]!.rev))];
      }
      values.push({ text: `v${i}`, rev: rev(i + 1), parents });
    });
    return values;
  });

/** The values in another arrival order (sync may bring them in any), some of them twice. */
const arrivalArb = (values: SectionValue[]) =>
  fc.tuple(fc.array(fc.double({ noNaN: true }), { minLength: values.length, maxLength: values.length }), fc.array(fc.nat(values.length - 1), { maxLength: 5 })).map(([keys, again]) => {
    const order = values.map((v, i) => ({ v, k: keys[i]! })).sort((a, b) => a.k - b.k).map((x) => x.v);
    return [...order, ...again.map((i) => values[i]!)];
  });

/** The definition, spelled out: values no other value names as a parent, each rev once. */
const bruteHeads = (values: SectionValue[]) => {
  const revs = [...new Set(values.map((v) => v.rev))];
  return revs.filter((r) => !values.some((v) => v.parents.includes(r))).sort();
};

describe('sectionHeads', () => {
  it('are the same whatever order the values arrive in, and match the definition', () => {
    fc.assert(
      fc.property(
        historyArb.chain((values) => fc.tuple(fc.constant(values), arrivalArb(values))),
        ([values, arrived]) => {
          const heads = sectionHeads(arrived).map((h) => h.rev);
          expect(heads).toEqual(sectionHeads(values).map((h) => h.rev));
          expect(heads).toEqual(bruteHeads(values));
          expect(heads.length).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });

  it('a value whose parents are all the heads makes one head, in any arrival order', () => {
    fc.assert(
      fc.property(
        historyArb.chain((values) => {
          const heads = sectionHeads(values);
          const resolved: SectionValue = { text: 'kept', rev: rev(1000), parents: parentsForSave(null, heads, true) };
          return fc.tuple(fc.constant(heads.map((h) => h.rev)), arrivalArb([...values, resolved]));
        }),
        ([before, arrived]) => {
          const heads = sectionHeads(arrived).map((h) => h.rev);
          // At most eight parents: a section with more concurrent versions keeps the rest, and one more resolve ends them.
          expect(heads).toEqual([...before.slice(8), rev(1000)].sort());
          if (before.length <= 8) expect(heads).toEqual([rev(1000)]);
        },
      ),
    );
  });

  it('two saves from the same base are two heads; a linear history has one', () => {
    const a: SectionValue = { text: 'a', rev: rev(1), parents: [] };
    const b: SectionValue = { text: 'b', rev: rev(2), parents: [a.rev] };
    const c: SectionValue = { text: 'c', rev: rev(3), parents: [a.rev] };
    expect(sectionHeads([a, b])).toEqual([b]);
    expect(sectionHeads([c, a, b]).map((h) => h.text)).toEqual(['b', 'c']);
    expect(sectionHeads([])).toEqual([]);
  });

  it('a forged cycle still leaves one head, so the text stays visible', () => {
    const a: SectionValue = { text: 'a', rev: rev(1), parents: [rev(2)] };
    const b: SectionValue = { text: 'b', rev: rev(2), parents: [rev(1)] };
    expect(sectionHeads([a, b]).map((h) => h.text)).toEqual(['b']);
    expect(sectionHeads([b, a]).map((h) => h.text)).toEqual(['b']);
  });
});

describe('section values', () => {
  it('refuse text over the limit, hidden characters, self-parents and too many parents', () => {
    const ok = { text: 'Line one\n\nLine two', rev: rev(9), parents: [rev(1)] };
    expect(sectionValueSchema.safeParse(ok).success).toBe(true);
    expect(sectionValueSchema.safeParse({ ...ok, text: 'x'.repeat(MAX_SECTION_CHARS + 1) }).success).toBe(false);
    expect(sectionValueSchema.safeParse({ ...ok, text: 'evil\u202Etxt' }).success).toBe(false);
    expect(sectionValueSchema.safeParse({ ...ok, parents: [ok.rev] }).success).toBe(false);
    expect(sectionValueSchema.safeParse({ ...ok, parents: [rev(1), rev(1)] }).success).toBe(false);
    expect(sectionValueSchema.safeParse({ ...ok, parents: Array.from({ length: 9 }, (_, i) => rev(20 + i)) }).success).toBe(false);
    expect(sectionValueSchema.safeParse({ ...ok, rev: 'not-a-rev' }).success).toBe(false);
  });

  it('split into paragraphs on blank lines', () => {
    expect(paragraphs('One\nstill one\n\n  Two  \r\n\r\nThree\n \n')).toEqual(['One\nstill one', 'Two', 'Three']);
  });

  it('name as parents the base, or every head when resolving', () => {
    const heads = [1, 2, 3].map((i) => ({ text: '', rev: rev(i), parents: [] }));
    expect(parentsForSave(rev(7), heads, false)).toEqual([rev(7)]);
    expect(parentsForSave(null, heads, false)).toEqual([]);
    expect(parentsForSave(rev(7), heads, true)).toEqual([rev(1), rev(2), rev(3)]);
  });
});
