import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { after, aheadMs, compareStamps, formatHlc, MAX_DRIFT_MS, parseHlc, receive, tick } from './hlc';

describe('hybrid logical clock', () => {
  it('formats stamps that sort as strings in time order', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 45), fc.nat(0xffffff), fc.nat(2 ** 45), fc.nat(0xffffff), (w1, c1, w2, c2) => {
        const a = formatHlc({ wall: w1, counter: c1 });
        const b = formatHlc({ wall: w2, counter: c2 });
        const byValue = w1 !== w2 ? Math.sign(w1 - w2) : Math.sign(c1 - c2);
        expect(Math.sign(a.localeCompare(b, 'en'))).toBe(byValue);
        expect(a < b ? -1 : a > b ? 1 : 0).toBe(byValue);
        expect(parseHlc(a)).toEqual({ wall: w1, counter: c1 });
      }),
    );
  });

  it('never goes backwards, even when the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 1, maxLength: 50 }), (nows) => {
        let s = { wall: 0, counter: 0 };
        for (const now of nows) {
          const next = tick(s, now);
          expect(formatHlc(next) > formatHlc(s)).toBe(true);
          s = next;
        }
      }),
    );
  });

  it('orders after a received stamp', () => {
    const local = { wall: 1000, counter: 3 };
    const remote = { wall: 5000, counter: 7 };
    const merged = receive(local, remote, 2000);
    expect(formatHlc(merged) > formatHlc(remote)).toBe(true);
    expect(formatHlc(tick(merged, 2000)) > formatHlc(remote)).toBe(true);
  });

  it('takes a stamp more than a day ahead without throwing, moving the clock no further than a day ahead', () => {
    const far = { wall: 10 * MAX_DRIFT_MS, counter: 5 };
    const merged = receive({ wall: 0, counter: 0 }, far, 0);
    expect(merged).toEqual({ wall: MAX_DRIFT_MS, counter: 1 });
    expect(aheadMs(far, 0)).toBe(10 * MAX_DRIFT_MS);
    expect(aheadMs({ wall: MAX_DRIFT_MS, counter: 0 }, 0)).toBe(0);
    // A stamp within the day moves the clock to it, as before.
    expect(receive({ wall: 0, counter: 0 }, { wall: 5_000, counter: 2 }, 1_000)).toEqual({ wall: 5_000, counter: 3 });
  });

  it('gives the next stamp after any stamp, carrying the counter into the wall', () => {
    expect(after({ wall: 7, counter: 1 })).toEqual({ wall: 7, counter: 2 });
    expect(after({ wall: 7, counter: 0xffffff })).toEqual({ wall: 8, counter: 0 });
    const last = { wall: 999_999_999_999_999, counter: 0xffffff };
    expect(formatHlc(after(last))).toBe(formatHlc(last));
  });

  it('breaks ties by origin', () => {
    expect(compareStamps({ hlc: 'a', origin: 'n1' }, { hlc: 'a', origin: 'n2' })).toBeLessThan(0);
    expect(compareStamps({ hlc: 'b', origin: 'n1' }, { hlc: 'a', origin: 'n2' })).toBeGreaterThan(0);
  });
});
