import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer';

describe('pacer', () => {
  it('sizes transactions to about 100 ms from the last ones, within bounds, smoothed', () => {
    const p = new Pacer(null, 50, 5000, 250);
    expect(p.size).toBe(250);
    p.record(1000, 500); // 0.5 ms an entry: 200 fit in 100 ms
    expect(p.size).toBe(200);
    p.record(200, 20); // faster now: moves toward it, not all the way
    expect(p.size).toBeGreaterThan(200);
    expect(p.size).toBeLessThan(1000);
    for (let i = 0; i < 50; i++) p.record(1000, 1);
    expect(p.size).toBe(5000);
    for (let i = 0; i < 50; i++) p.record(100, 1000);
    expect(p.size).toBe(50);
    // Tiny batches say nothing about speed.
    p.record(3, 1);
    expect(p.size).toBe(50);
  });

  it('sizes to its own target when given one (a first sync\'s chunks)', () => {
    const p = new Pacer(null, 50, 5000, 250, 250);
    p.record(1000, 500); // 0.5 ms an entry: 500 fit in 250 ms
    expect(p.size).toBe(500);
  });

  it('keeps a fixed size when given one', () => {
    const p = new Pacer(30);
    p.record(1000, 1);
    expect(p.size).toBe(30);
  });
});
