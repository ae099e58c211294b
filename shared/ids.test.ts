import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a version 7 UUID whose first 48 bits are the milliseconds, so ids sort by creation time', () => {
    const now = 0x0190_1234_5678;
    const ids = Array.from({ length: 1000 }, (_, i) => uuidv7(now + i));
    for (const [i, id] of ids.entries()) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(id.replaceAll('-', '').slice(0, 12)).toBe((now + i).toString(16).padStart(12, '0'));
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it('draws fresh random bits for every id, across refills of its pool of random bytes', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id.slice(-12))).size).toBe(ids.length);
  });

  it('sorts ids minted in the same millisecond in the order they were made, across a counter that runs out', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7(0x0190_0000_0000));
    expect([...ids].sort()).toEqual(ids);
    // 4,096 counts at most per millisecond: 10,000 ids moved on by a few milliseconds, no further.
    const last = parseInt(ids.at(-1)!.replaceAll('-', '').slice(0, 12), 16);
    expect(last - 0x0190_0000_0000).toBeGreaterThan(0);
    expect(last - 0x0190_0000_0000).toBeLessThan(6);
  });

  it('a clock stepped back a little counts on; one corrected by more than a second starts afresh at its own time', () => {
    const t = 0x0190_0000_1000;
    const a = uuidv7(t);
    const b = uuidv7(t - 500);
    expect(b > a).toBe(true);
    const c = uuidv7(t - 5000);
    expect(c.replaceAll('-', '').slice(0, 12)).toBe((t - 5000).toString(16).padStart(12, '0'));
  });
});
