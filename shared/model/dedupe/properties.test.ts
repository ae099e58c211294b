import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryCodes } from '../countries';
import { blockingKeys, isContactKey } from './keys';
import type { PersonForMatching } from './person';
import { matchProfile } from './profile';
import { LIKELY_DUPLICATE, matchPeople, POSSIBLE_DUPLICATE } from './score';
import { stripTitles } from './titles';

/**
 * Words of generated names: Latin letters with Vietnamese and Malay-Indonesian diacritics.
 * Titles and particles are left out: they count by position on purpose ("Tan Sri" before a
 * name is a title, "Tan" after one a family name), so moving them is not a change of order.
 */
const letters = [...'abcdeghiklmnoprstuvy', ...'àáảãạăắằâấầđèéêếềìíòóôốồơớờùúưứừýỳ'];
const notName = new Set(['tan', 'puan', 'toh', 'dato', 'datuk', 'sri', 'seri', 'h', 'e']);
const word = fc
  .array(fc.constantFrom(...letters), { minLength: 2, maxLength: 9 })
  .map((cs) => cs.join(''))
  .map((w) => w[0]!.toUpperCase() + w.slice(1))
  .filter((w) => {
    const f = w.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
    return !notName.has(f) && stripTitles([f, 'zz']).ignored.length === 0 && stripTitles(['zz', f]).ignored.length === 0;
  });
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));

const personArb: fc.Arbitrary<PersonForMatching> = fc.record({
  givenName: words(1, 3),
  familyName: fc.oneof(fc.constant(''), words(1, 2)),
  nameOrder: fc.constantFrom('given-family' as const, 'family-given' as const, 'given-only' as const),
  otherNames: fc.array(words(1, 3), { maxLength: 2 }),
  email: fc.constantFrom('', 'ana@bkn.go.id', 'Ana.B@gmail.com'),
  phone: fc.constantFrom('', '0812 3456 7890', '+84 24 3825 1234'),
  country: fc.constantFrom(...countryCodes),
  agency: fc.constantFrom('', 'Ministry of Home Affairs'),
});

/** Independent of the matcher's folding: what a keyboard without diacritics produces. */
const stripDiacritics = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const swapOrder = (p: PersonForMatching): PersonForMatching => {
  if (p.familyName) return { ...p, givenName: p.familyName, familyName: p.givenName };
  const [first, ...rest] = p.givenName.split(' ');
  return rest.length ? { ...p, givenName: rest.join(' '), familyName: first! } : p;
};
const nameScore = (a: PersonForMatching, b: PersonForMatching) => matchPeople(matchProfile(a), matchProfile(b)).nameScore;
const nameKeys = (p: PersonForMatching) => new Set(blockingKeys(matchProfile(p)).filter((k) => !isContactKey(k)));

describe('duplicate matching, properties', () => {
  // A name and a country alone are only a possible duplicate, even one's own (score.ts says why).
  it('a person always matches themselves: shown, and likely once an e-mail or agency is there', () => {
    fc.assert(
      fc.property(personArb, (p) => {
        const m = matchPeople(matchProfile(p), matchProfile(p));
        expect(m.nameScore).toBe(1);
        expect(m.score).toBeGreaterThanOrEqual(POSSIBLE_DUPLICATE);
        if (p.email || p.agency) expect(m.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
      }),
      { numRuns: 200 },
    );
  });

  it('swapping given and family name changes no comparison and keeps the blocking keys that find it', () => {
    fc.assert(
      fc.property(personArb, personArb, (a, b) => {
        const swapped = swapOrder(a);
        expect(nameScore(swapped, b)).toBe(nameScore(a, b));
        expect(nameScore(swapped, a)).toBe(1);
        const keys = nameKeys(a);
        expect([...nameKeys(swapped)].some((k) => keys.has(k))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  // Never lower: marks that differ on both sides (Hùng / Hưng) count against a match, marks missing on one side do not.
  it('stripping diacritics never lowers a comparison and changes no blocking key', () => {
    fc.assert(
      fc.property(personArb, personArb, (a, b) => {
        const plain = { ...a, givenName: stripDiacritics(a.givenName), familyName: stripDiacritics(a.familyName), otherNames: a.otherNames.map(stripDiacritics) };
        expect(nameScore(plain, b)).toBeGreaterThanOrEqual(nameScore(a, b));
        expect(nameScore(plain, a)).toBe(1);
        expect(nameKeys(plain)).toEqual(nameKeys(a));
      }),
      { numRuns: 200 },
    );
  });

  // Keys hold the other words' initials (keys.ts): a typo in a first letter is found only through contacts.
  it('a typo past the first letter of a word keeps a blocking key, so the check still compares the two', () => {
    fc.assert(
      fc.property(personArb, fc.nat(), fc.nat(), fc.constantFrom('x', 'q', 'z'), (p, w, at, letter) => {
        const given = p.givenName.split(' ');
        if (given.length + (p.familyName ? 1 : 0) < 2) return;
        const k = w % given.length;
        const target = given[k]!;
        const keys = nameKeys({ ...p, otherNames: [] });
        // A word the matcher drops as a title ("Hr", "Dr") carries no key; a typo makes it a new word, outside this property.
        const withoutWord = nameKeys({ ...p, givenName: given.filter((_, i) => i !== k).join(' '), otherNames: [] });
        if (given.length > 1 && [...keys].every((key) => withoutWord.has(key)) && keys.size === withoutWord.size) return;
        const pos = 1 + (at % (target.length - 1));
        given[k] = target.slice(0, pos) + letter + target.slice(pos + 1);
        const typed = { ...p, givenName: given.join(' '), otherNames: [] };
        expect([...nameKeys(typed)].some((key) => keys.has(key))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  // The agency singles out a namesake (find.ts decides when); the context never makes a pair likely that does not share agency and country.
  it('singling out by agency raises only pairs of one agency and one country', () => {
    fc.assert(
      fc.property(personArb, personArb, fc.integer({ min: 2, max: 9 }), (a, b, namesakes) => {
        const pa = matchProfile(a);
        const pb = matchProfile(b);
        const plain = matchPeople(pa, pb, { distinctName: false });
        const singled = matchPeople(pa, pb, { distinctName: false, singledOutByAgency: namesakes });
        if (pa.agency === '' || pa.agency !== pb.agency || pa.country !== pb.country) expect(singled).toEqual(plain);
        else expect(singled.score).toBeGreaterThanOrEqual(plain.score);
        expect(singled.score).toBeLessThanOrEqual(matchPeople(pa, pb, { distinctName: true }).score);
      }),
      { numRuns: 200 },
    );
  });
});
