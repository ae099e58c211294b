import { describe, expect, it } from 'vitest';
import { dateText, listText } from './words';

/** 10:00 in Jakarta on that day. */
const day = (iso: string) => Date.parse(`${iso}T03:00:00Z`);

describe('dateText', () => {
  it('writes dates in the document’s language, on Jakarta’s clock', () => {
    expect(dateText(day('2026-03-05'), 'en')).toBe('5 March 2026');
    expect(dateText(day('2026-03-05'), 'id')).toBe('5 Maret 2026');
    // 20:00 UTC on 31 August is 1 September in Jakarta.
    expect(dateText(Date.parse('2026-08-31T20:00:00Z'), 'id')).toBe('1 September 2026');
  });
});

describe('listText', () => {
  it('joins items as a sentence does, in the document’s language', () => {
    expect(listText([], 'and')).toBe('');
    expect(listText(['a'], 'and')).toBe('a');
    expect(listText(['a', 'b'], 'dan')).toBe('a dan b');
    expect(listText(['a', 'b', 'c'], 'and')).toBe('a, b and c');
  });
});
