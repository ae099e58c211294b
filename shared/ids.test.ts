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
});
