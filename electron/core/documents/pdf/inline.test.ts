import { describe, expect, it } from 'vitest';
import { layoutLines, piecesOf, type Measure } from './inline';

// Every character is half the font size wide; ascent 1, descent 0.3 of the size.
const m: Measure = {
  width: (text, _face, size) => [...text].length * size * 0.5,
  metrics: (_face, size) => ({ ascent: size, descent: size * 0.3 }),
};
const lines = (text: string, max: number, notes: string[] = []) =>
  layoutLines(piecesOf([{ text }], 10, m, (n) => notes.push(n)), max, 10, m).map((l) => l.pieces.map((p) => p.text).join(''));

describe('layoutLines', () => {
  it('breaks Latin text at spaces and drops the spaces at the break', () => {
    expect(lines('one two three four', 45)).toEqual(['one two', 'three', 'four']);
    expect(lines('one two three four', 50)).toEqual(['one two', 'three four']);
  });

  it('breaks Thai between words (no spaces), never inside one', () => {
    const out = lines('ผู้เชี่ยวชาญด้านการบริหารราชการ', 60);
    expect(out.length).toBeGreaterThan(1);
    expect(out.join('')).toBe('ผู้เชี่ยวชาญด้านการบริหารราชการ');
    // ICU finds these words; each line starts at one of them.
    for (const line of out) expect(['ผู้เชี่ยวชาญ', 'ด้าน', 'การ', 'บริหาร', 'ราชการ'].some((w) => line.startsWith(w))).toBe(true);
  });

  it('cuts a word longer than the line between whole characters', () => {
    const out = lines('Nguyễn' + 'x'.repeat(20), 40);
    expect(out.every((l) => [...l].length <= 8)).toBe(true);
    expect(out.join('')).toBe('Nguyễn' + 'x'.repeat(20));
  });

  it('keeps hard line breaks, and an empty paragraph still has one line', () => {
    expect(lines('a\nb', 100)).toEqual(['a', 'b']);
    expect(lines('', 100)).toEqual(['']);
  });

  it('numbers footnote references in order and keeps them on their word’s line', () => {
    const notes: string[] = [];
    const laid = layoutLines(piecesOf([{ text: 'first', footnote: 'A' }, { text: ' then second', footnote: 'B' }], 10, m, (n) => notes.push(n)), 1000, 10, m);
    expect(notes).toEqual(['A', 'B']);
    expect(laid[0]!.notes).toEqual([1, 2]);
    expect(laid[0]!.pieces.map((p) => p.text).join('')).toBe('first1 then second2');
  });

  it('makes a line at least 1.35 times the size, taller when a script needs it', () => {
    const [line] = layoutLines(piecesOf([{ text: 'abc' }], 10, m, () => 0), 100, 10, m);
    expect(line!.height).toBeCloseTo(13.5);
    const tall: Measure = { ...m, metrics: (_f, size) => ({ ascent: size * 1.2, descent: size * 0.6 }) };
    const [myanmar] = layoutLines(piecesOf([{ text: 'အောင်' }], 10, tall, () => 0), 100, 10, tall);
    expect(myanmar!.height).toBeCloseTo(18);
  });
});
