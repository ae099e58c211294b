import { describe, expect, it } from 'vitest';
import { completeness, countWords, isSectionComplete } from './words';

describe('countWords', () => {
  it('splits on any Unicode whitespace and ignores lone punctuation', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  The  civil\u00a0service\u3000reform — worked.\n\nWell ')).toBe(6);
    expect(countWords('Nguyễn Văn An, 2024')).toBe(4);
  });

  it('counts Thai, Lao, Khmer and Myanmar runs by their words, not as one', () => {
    expect(countWords('ภาษาไทยง่ายนิดเดียว')).toBe(5);
    expect(countWords('ພາສາລາວເປັນພາສາ')).toBeGreaterThanOrEqual(3);
    expect(countWords('ភាសាខ្មែរគឺជាភាសា')).toBeGreaterThanOrEqual(3);
    expect(countWords('မြန်မာဘာသာစကား')).toBeGreaterThanOrEqual(2);
    // Mixed with spaced text: each part counts its own way.
    expect(countWords('Training ภาษาไทยง่ายนิดเดียว in Bangkok')).toBe(8);
  });
});

describe('completeness', () => {
  it('needs 30 words in a case-study section and 20 in a story section', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(isSectionComplete('case_study', words(29))).toBe(false);
    expect(isSectionComplete('case_study', words(30))).toBe(true);
    expect(isSectionComplete('story', words(20))).toBe(true);
    const c = completeness('story', (s) => (s === 's_before' ? words(25) : s === 's_after' ? words(3) : ''));
    expect(c).toMatchObject({ complete: 1, total: 4, words: 28 });
    expect(c.perSection.find((s) => s.section === 's_after')).toEqual({ section: 's_after', words: 3, complete: false });
  });
});
