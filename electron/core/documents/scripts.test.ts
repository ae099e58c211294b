import { describe, expect, it } from 'vitest';
import { myanmarVisualOrder } from './pdf/myanmar';
import { scriptOf, splitScripts } from './scripts';

describe('splitScripts', () => {
  it('keeps Vietnamese in one Latin run, combining marks included', () => {
    expect(splitScripts('Nguyễn Thị Hương')).toEqual([{ script: 'latin', text: 'Nguyễn Thị Hương' }]);
    // Decomposed: e + circumflex + tilde as combining marks stay with their letter.
    expect(splitScripts('Nguye\u0302\u0303n')).toEqual([{ script: 'latin', text: 'Nguye\u0302\u0303n' }]);
  });

  it('splits a sentence into the runs of each script; spaces stay inside the run they sit in', () => {
    expect(splitScripts('Dear สมชาย ใจดี, welcome')).toEqual([
      { script: 'latin', text: 'Dear ' },
      { script: 'thai', text: 'สมชาย ใจดี' },
      { script: 'latin', text: ', welcome' },
    ]);
  });

  it('tells Thai, Lao, Khmer and Myanmar apart', () => {
    expect(splitScripts('ສົມພອນ សុខ အောင် ไทย').map((r) => r.script)).toEqual(['lao', 'khmer', 'myanmar', 'thai']);
  });

  it('gives back the text when the runs are joined, and neutral-only text is Latin', () => {
    const text = '  \u200b สมชาย  Nguyễn\u00a0ក្រសួង 12 ';
    expect(splitScripts(text).map((r) => r.text).join('')).toBe(text);
    expect(splitScripts(text)[0]).toEqual({ script: 'thai', text: '  \u200b สมชาย  ' });
    expect(splitScripts('   ')).toEqual([{ script: 'latin', text: '   ' }]);
    expect(splitScripts('')).toEqual([]);
  });

  it('classifies single characters', () => {
    expect(scriptOf('a')).toBe('latin');
    expect(scriptOf('7')).toBe('latin');
    expect(scriptOf(' ')).toBeNull();
    expect(scriptOf('\u0301')).toBeNull();
    expect(scriptOf('\u0e48')).toBe('thai'); // a Thai tone mark is Thai, not neutral
    expect(scriptOf('\u17d2')).toBe('khmer');
  });
});

describe('myanmarVisualOrder', () => {
  it('draws the vowel sign E and the medial Ra before their consonant', () => {
    // ကြည် (ka, medial ra, nya, asat): the medial ra goes first.
    expect(myanmarVisualOrder('\u1000\u103c\u100a\u103a')).toBe('\u103c\u1000\u100a\u103a');
    // အော (a, e, aa): the e goes first.
    expect(myanmarVisualOrder('\u1021\u1031\u102c')).toBe('\u1031\u1021\u102c');
    // ကြော: e before medial ra before the base.
    expect(myanmarVisualOrder('\u1000\u103c\u1031\u102c')).toBe('\u1031\u103c\u1000\u102c');
  });

  it('moves a kinzi after the consonant it sits on', () => {
    // သင်္ချိုင်း: the kinzi (nga, asat, virama) belongs to ခ.
    expect(myanmarVisualOrder('သင်္ချိုင်း')).toBe('သခင်္ျိုင်း');
  });

  it('leaves text without Myanmar syllables alone', () => {
    expect(myanmarVisualOrder('abc ၁၂')).toBe('abc ၁၂');
  });
});
