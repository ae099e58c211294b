import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoByList } from './memo';

describe('memoByList', () => {
  it('gives what the function gives, working each recent list out once, whatever the caller does with its list after', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'ab', ''), { maxLength: 4 }), { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (lists, max) => {
        let calls = 0;
        const f = memoByList((list) => {
          calls++;
          return list.join('|') + `#${list.length}`;
        }, max);
        for (const list of lists) {
          const before = calls;
          const mine: string[] = [...list];
          expect(f(mine)).toBe(list.join('|') + `#${list.length}`);
          mine.push('changed');
          // Asked again right away, the list is held: not worked out again.
          expect(f(list)).toBe(list.join('|') + `#${list.length}`);
          expect(calls - before).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('tells lists of other items apart by each item, a null from a key (a sheet mapping with unmapped columns)', () => {
    const f = memoByList((mapping: readonly (string | null)[]) => mapping.map((m, i) => (m ? `${m}@${i}` : '')).join(','), 1);
    expect(f(['name', null, 'email'])).toBe('name@0,,email@2');
    expect(f([null, 'name', 'email'])).toBe(',name@1,email@2');
    expect(f(['name', null, 'email'])).toBe('name@0,,email@2');
  });
});
