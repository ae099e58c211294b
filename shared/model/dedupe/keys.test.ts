import { describe, expect, it } from 'vitest';
import { agencyKey, blockingKeys, countryAgencyRange, isContactKey } from './keys';
import type { PersonForMatching } from './person';
import { matchProfile } from './profile';

const person = (p: Partial<PersonForMatching>): PersonForMatching => ({
  givenName: '', familyName: '', nameOrder: 'given-only', otherNames: [], email: '', phone: '', country: 'MM', agency: '', ...p,
});
const keysOf = (p: Partial<PersonForMatching>) => new Set(blockingKeys(matchProfile(person(p))));
const shared = (a: Set<string>, b: Set<string>) => [...a].filter((k) => b.has(k));

describe('blocking keys', () => {
  it('a name read from one unbroken run of script meets its Latin words by their run, not only by consonant skeletons', () => {
    const native = keysOf({ givenName: 'ဇေယျသန်းညီ' });
    const latin = keysOf({ givenName: 'Zeya Than Nyi' });
    // Skeleton keys (x:, y:) gather every name of the same consonants; the j: run is this name's.
    expect(shared(native, latin).filter((k) => k.startsWith('j:'))).not.toEqual([]);
  });

  it('a one-word name meets the same name written in two words, and not a different one', () => {
    expect(shared(keysOf({ givenName: 'Nurhaliza', country: 'MY' }), keysOf({ givenName: 'Nur Haliza', country: 'MY' }))).not.toEqual([]);
    expect(shared(keysOf({ givenName: 'Sutrisno', country: 'ID' }), keysOf({ givenName: 'Sudarmono', country: 'ID' }))).toEqual([]);
  });
});

describe('agency key', () => {
  it('names the country and the folded agency, is no lookup key, and falls inside its country range only', () => {
    const key = agencyKey(matchProfile(person({ country: 'ID', agency: 'Badan  Kepegawaian Negara' })))!;
    expect(key).toBe('a:ID|badan kepegawaian negara');
    expect(blockingKeys(matchProfile(person({ givenName: 'Budi', familyName: 'Santoso', country: 'ID', agency: 'BKN' })))).not.toContain('a:ID|bkn');
    expect(isContactKey(key)).toBe(false);
    const id = countryAgencyRange('ID');
    expect(key >= id.from && key < id.to).toBe(true);
    const my = countryAgencyRange('MY');
    expect(key >= my.from && key < my.to).toBe(false);
    expect(agencyKey(matchProfile(person({ agency: '  ' })))).toBeNull();
  });
});
