import { describe, expect, it } from 'vitest';
import { compareNames } from './compare-names';
import type { PersonForMatching } from './person';
import { matchProfile } from './profile';
import type { MatchReason } from './reasons';
import { LIKELY_DUPLICATE, matchPeople, POSSIBLE_DUPLICATE } from './score';

/** Rules that keep namesakes apart: each pair here is two people whose names are close, seen in the bench's look-alikes. */
const person = (p: Partial<PersonForMatching>): PersonForMatching => ({
  givenName: '', familyName: '', nameOrder: 'given-family', otherNames: [], email: '', phone: '', country: 'ID', agency: 'Ministry of Home Affairs', ...p,
});
const match = (a: Partial<PersonForMatching>, b: Partial<PersonForMatching>) => matchPeople(matchProfile(person(a)), matchProfile(person(b)));
const codes = (reasons: MatchReason[]) => reasons.map((r) => r.code);

describe('namesakes kept apart', () => {
  it('words exchanged across the name, not rotated, are another person: father and child, or two family names', () => {
    const malay = match({ givenName: 'Mohamad Iskandar bin Ahmad Redzuan', country: 'MY' }, { givenName: 'Mohd Redzuan bin Ahmad Iskandar', country: 'MY' });
    expect(malay.score).toBeLessThan(LIKELY_DUPLICATE);
    expect(malay.score).toBeGreaterThanOrEqual(POSSIBLE_DUPLICATE);
    const filipino = match({ givenName: 'Charmaine O.', familyName: 'Ramos', country: 'PH' }, { givenName: 'Charmaine R.', familyName: 'Ocampo', otherNames: ['Charmaine Ramos Ocampo'], country: 'PH' });
    expect(filipino.score).toBeLessThan(LIKELY_DUPLICATE);
  });

  it('a rotation of the words is the same name in the other convention, however many words', () => {
    const rotated = match({ givenName: 'Faizal bin Abdullah', familyName: 'Ahmad', nameOrder: 'family-given', country: 'MY' }, { givenName: 'Ahmad Faizal bin Abdullah', country: 'MY' });
    expect(rotated.nameScore).toBe(1);
    expect(codes(rotated.reasons)).toContain('name_order_swapped');
    const vietnamese = match({ givenName: 'Văn Hùng Nguyễn', country: 'VN' }, { givenName: 'Văn Hùng', familyName: 'Nguyễn', nameOrder: 'family-given', country: 'VN' });
    expect(vietnamese.nameScore).toBe(1);
  });

  it('one sound off in a short word is another name, not another spelling (Quang / Quân, Phong / Phương, Maria / Mário)', () => {
    for (const [a, b] of [['Đức Quang', 'Đức Quân'], ['Phong Mai', 'Phương Mai']]) {
      const m = match({ givenName: a, familyName: 'Phạm', country: 'VN' }, { givenName: b, familyName: 'Phạm', country: 'VN' });
      expect(codes(m.reasons)).not.toContain('name_spelling');
      expect(m.score).toBeLessThan(LIKELY_DUPLICATE);
    }
    expect(match({ givenName: 'Maria', familyName: 'Gomes', country: 'TL' }, { givenName: 'Mário', familyName: 'Gomes', country: 'TL' }).score).toBeLessThan(LIKELY_DUPLICATE);
  });

  it('Thai and Lao compounds that share their first part are different names', () => {
    for (const [a, b] of [['Charoensak', 'Charoenkham'], ['Sutthiphon', 'Sutthithong'], ['Suwannakun', 'Suwannaphon']]) {
      const m = match({ givenName: 'Wilai', familyName: a, country: 'TH' }, { givenName: 'Wilai', familyName: b, country: 'TH' });
      expect(codes(m.reasons)).not.toContain('name_spelling');
      expect(m.score).toBeLessThan(LIKELY_DUPLICATE);
    }
  });

  it('two letters off in a long word: shown as possible, never likely on the name alone', () => {
    const m = match({ givenName: 'Phonesavanh', familyName: 'Xayrath', country: 'LA' }, { givenName: 'Phonesavanh', familyName: 'Xayvanh', country: 'LA' });
    expect(m.reasons).toContainEqual({ code: 'name_typo', typed: 'xayrath', known: 'xayvanh', distance: 2 });
    expect(m.score).toBeGreaterThanOrEqual(POSSIBLE_DUPLICATE);
    expect(m.score).toBeLessThan(LIKELY_DUPLICATE);
  });

  it('one romanisation habit against another still meets in a long word (Phatthanawat / Phattanawat)', () => {
    const m = match({ givenName: 'Somchai', familyName: 'Phatthanawat', country: 'TH' }, { givenName: 'Somchai', familyName: 'Phattanawat', country: 'TH' });
    expect(m.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
  });
});

describe('a word nobody in the directory bears', () => {
  const compare = (typed: Partial<PersonForMatching>, known: Partial<PersonForMatching>, unknown: number[]) => {
    const a = matchProfile(person(typed));
    const b = matchProfile(person(known));
    const plain = compareNames(a.forms, b.forms);
    const marked = compareNames(a.forms.map((f, k) => (k === 0 ? { ...f, unknown } : f)), b.forms);
    return { plain, marked };
  };

  it('is a slip one letter off, however short (Vq / Võ, Chn / Chan)', () => {
    const vo = compare({ givenName: 'Công Thịnh', familyName: 'Vq', country: 'VN' }, { givenName: 'Công Thịnh', familyName: 'Võ', country: 'VN' }, [2]);
    expect(vo.plain.score).toBeLessThan(0.8);
    expect(vo.marked.score).toBeGreaterThanOrEqual(0.95);
    expect(vo.marked.reasons).toContainEqual({ code: 'name_typo', typed: 'vq', known: 'võ', distance: 1 });
    const chan = compare({ givenName: 'Pheakdey', familyName: 'Chn', country: 'KH' }, { givenName: 'Pheakdey', familyName: 'Chan', country: 'KH' }, [1]);
    expect(chan.marked.score).toBeGreaterThan(chan.plain.score);
    expect(chan.marked.score).toBeGreaterThanOrEqual(0.95);
  });

  it('changes nothing for a word somebody bears, nor for a word two letters off', () => {
    const phan = compare({ givenName: 'Văn Quân', familyName: 'Phan', country: 'VN' }, { givenName: 'Văn Quân', familyName: 'Pham', country: 'VN' }, []);
    expect(phan.marked.score).toBe(phan.plain.score);
    const far = compare({ givenName: 'Công Thịnh', familyName: 'Xq', country: 'VN' }, { givenName: 'Công Thịnh', familyName: 'Võ', country: 'VN' }, [2]);
    expect(far.marked.score).toBe(far.plain.score);
  });
});

describe('a field holding only a title', () => {
  it('is left out beside the name, and matched as typed when it is all there is', () => {
    const m = match({ givenName: 'Abdul Halim bin Haji Muhammad Aiman', familyName: 'Haji', country: 'BN' }, { givenName: 'Haji Abdul Halim bin Haji Muhammad Aiman', country: 'BN' });
    expect(m.nameScore).toBe(1);
    expect(codes(m.reasons)).toContain('name_titles_ignored');
    expect(matchProfile(person({ givenName: 'Haji', familyName: 'Hajah' })).forms[0]!.tokens).toEqual(['haji', 'hajah']);
  });
});
