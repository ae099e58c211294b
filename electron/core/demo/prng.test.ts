import { describe, expect, it } from 'vitest';
import { Rng } from './prng';

const draw = (seed: number, n: number) => {
  const r = new Rng(seed);
  return Array.from({ length: n }, () => r.u32());
};

describe('Rng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draw(1, 50)).toEqual(draw(1, 50));
    expect(draw(1, 50)).not.toEqual(draw(2, 50));
    expect(draw(0, 50)).not.toEqual(draw(1, 50));
  });

  it('is pinned: a change to the algorithm changes every demo data set, so it must be deliberate', () => {
    expect(draw(42, 3)).toEqual([2476999517, 2284424721, 914527439]);
  });

  it('int stays within its bounds and reaches both ends', () => {
    const r = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(3, 6);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(6);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('weighted never picks a zero weight and follows the weights roughly', () => {
    const r = new Rng(9);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[r.weighted([['a', 1], ['b', 0], ['c', 3]] as const)]++;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.5);
    expect(counts.c / counts.a).toBeLessThan(3.5);
  });

  it('sample returns distinct items', () => {
    const r = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const s = r.sample(['a', 'b', 'c', 'd', 'e'], 3);
      expect(new Set(s).size).toBe(3);
    }
    expect(r.sample(['a'], 3)).toEqual(['a']);
  });

  it('pick from an empty list is an error, not undefined', () => {
    expect(() => new Rng(1).pick([])).toThrow(/empty/);
  });
});
