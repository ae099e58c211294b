import { describe, expect, it } from 'vitest';
import { countryCodes } from '../../../shared/model/countries';
import { displayName } from '../../../shared/model/expert';
import { personName } from './names';
import { Rng } from './prng';
import { asciiWord, lowerFirst, slug, stripDiacritics } from './text';

describe('text helpers', () => {
  it('strip diacritics, including the Vietnamese đ that Unicode does not decompose', () => {
    expect(stripDiacritics('Nguyễn Đức Thắng')).toBe('Nguyen Duc Thang');
    expect(stripDiacritics('João Gusmão de Araújo')).toBe('Joao Gusmao de Araujo');
    expect(stripDiacritics('plain')).toBe('plain');
  });

  it('make ASCII words and slugs', () => {
    expect(asciiWord("Đặng Thị O'Neil")).toBe('dangthioneil');
    expect(slug("A practitioner's guide to ethics — ASEAN")).toBe('a-practitioner-s-guide-to-ethics-asean');
    expect(slug('x'.repeat(80), 10)).toBe('x'.repeat(10));
  });

  it('lower the first letter of a label but keep acronyms', () => {
    expect(lowerFirst('Human resource management')).toBe('human resource management');
    expect(lowerFirst('ASEAN peer review')).toBe('ASEAN peer review');
  });
});

describe('personName', () => {
  it('gives every country names with a non-empty given name and an ASCII e-mail local part', () => {
    const rng = new Rng(4);
    for (const country of countryCodes) {
      for (let i = 0; i < 300; i++) {
        const n = personName(rng, country, i % 2 ? 'female' : 'male');
        expect(n.givenName.trim()).toBe(n.givenName);
        expect(n.givenName.length).toBeGreaterThan(0);
        expect(n.familyName.trim()).toBe(n.familyName);
        expect(n.emailLocal).toMatch(/^[a-z0-9]+([._][a-z0-9]+)*$/);
        if (n.nameOrder === 'given-only') expect(n.familyName).toBe('');
        else expect(n.familyName.length).toBeGreaterThan(0);
        for (const other of n.otherNames) expect(other).not.toBe(displayName(n));
      }
    }
  });

  it('Vietnamese women may carry Thị, men Văn, never the other way round', () => {
    const rng = new Rng(8);
    for (let i = 0; i < 500; i++) {
      expect(personName(rng, 'VN', 'male').givenName.split(' ')).not.toContain('Thị');
      expect(personName(rng, 'VN', 'female').givenName.split(' ')).not.toContain('Văn');
    }
  });

  it('Vietnamese e-mail follows the call name + initials habit (Nguyễn Văn Hùng → hungnv)', () => {
    const rng = new Rng(2);
    for (let i = 0; i < 200; i++) {
      const n = personName(rng, 'VN', 'male');
      const words = stripDiacritics(`${n.familyName} ${n.givenName}`).toLowerCase().split(' ');
      const expected = (words[words.length - 1] as string) + words.slice(0, -1).map((w) => w[0]).join('');
      expect(n.emailLocal).toBe(expected);
    }
  });

  it('Malay names link person and father with bin or binti by gender', () => {
    const rng = new Rng(5);
    let malay = 0;
    for (let i = 0; i < 400; i++) {
      const m = personName(rng, 'MY', 'male');
      const f = personName(rng, 'MY', 'female');
      expect(m.givenName).not.toMatch(/ binti | a\/p /);
      expect(f.givenName).not.toMatch(/ bin | a\/l /);
      if (m.community === 'malay') {
        malay++;
        expect(m.givenName).toMatch(/ bin /);
      }
    }
    expect(malay).toBeGreaterThan(150);
  });

  it('Thai names are RTGS, with the popular spelling as the other name when it differs', () => {
    const rng = new Rng(6);
    const others = new Set<string>();
    for (let i = 0; i < 400; i++) for (const o of personName(rng, 'TH', 'female').otherNames) others.add(o.split(' ')[0] as string);
    expect(others).toContain('Siriporn');
  });
});
