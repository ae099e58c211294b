import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { matchProfile, type PersonForMatching } from '../../../../shared/model/dedupe';
import { expertDefaults, type ExpertCreate } from '../../../../shared/model/expert';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase, type Db } from '../../db/open';
import { findDuplicates } from './find';
import { readWithLexicon, selfPerson } from './lexicon';
import { drainDedupe } from './pending';
import { dedupeProjection } from './projection';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function directory(records: { entity: 'expert' | 'application'; fields: ExpertCreate }[]) {
  const dir = mkdtempSync(join(tmpdir(), 'curator-dedupe-lex-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'curator.db'));
  dbs.push(db);
  // An application's record holds the proposed profile's fields under the expert's names.
  const fields = (r: (typeof records)[number]) => (r.entity === 'expert' ? { ...expertDefaults, ...r.fields, status: 'active', statusReason: '' } : { ...r.fields });
  new ChangeFunnel(db, [dedupeProjection(db)]).write('ana', records.map((r, i) => ({ entity: r.entity, id: id(i + 1), fields: fields(r) })));
  drainDedupe(db);
  return db;
}

const applicant = (p: Partial<PersonForMatching>): PersonForMatching => ({
  givenName: '', familyName: '', nameOrder: 'given-family', otherNames: [], email: '', phone: '', country: 'SG', agency: 'Public Service Division', ...p,
});
const expert = (fields: ExpertCreate) => ({ entity: 'expert' as const, fields });

const EXPERTS = [
  expert({ givenName: 'Kim Bee', familyName: 'Tan', nameOrder: 'family-given', country: 'SG', agency: 'Public Service Division' }),
  expert({ givenName: 'Công Thịnh', familyName: 'Võ', nameOrder: 'family-given', country: 'VN', agency: 'Ministry of Home Affairs' }),
  expert({ givenName: 'Văn Quân', familyName: 'Pham', nameOrder: 'family-given', country: 'VN', agency: 'Ministry of Home Affairs' }),
  expert({ givenName: 'Thị Lan', familyName: 'Phan', nameOrder: 'family-given', country: 'VN', agency: 'Government Inspectorate' }),
  expert({ givenName: 'Nurul Atikah binti Zaki', familyName: '', nameOrder: 'given-only', country: 'MY', agency: 'JPA' }),
];

describe('the directory as a dictionary of names', () => {
  it('marks the words nobody else bears, and only those', () => {
    const db = directory(EXPERTS);
    const { probe } = readWithLexicon(db, matchProfile(applicant({ givenName: 'Kim Bee', familyName: 'aTn' })), -1);
    expect(probe.forms[0]!.unknown).toEqual([2]);
    expect(readWithLexicon(db, matchProfile(applicant({ givenName: 'Kim Bee', familyName: 'Tan' })), -1).probe.forms[0]!.unknown).toBeUndefined();
  });

  it('finds a name whose first letter slipped, which shares no blocking key with it, and says it is a typo', () => {
    const db = directory(EXPERTS);
    const [tan] = findDuplicates(db, applicant({ givenName: 'Kim Bee', familyName: 'aTn' }));
    expect(tan).toMatchObject({ id: id(1), likely: true });
    expect(tan!.reasons).toContainEqual({ code: 'name_typo', typed: 'atn', known: 'tan', distance: 1 });
    const [vo] = findDuplicates(db, applicant({ givenName: 'Công Thịnh', familyName: 'Vq', country: 'VN', agency: 'Ministry of Home Affairs' }));
    expect(vo).toMatchObject({ id: id(2), likely: true });
  });

  it('leaves out a particle typed with a slip, as it would have been without it', () => {
    const db = directory(EXPERTS);
    const [nurul] = findDuplicates(db, applicant({ givenName: 'Nurul Atikah binnti Zaki', country: 'MY', agency: 'JPA' }));
    expect(nurul).toMatchObject({ id: id(5), likely: true });
    expect(nurul!.reasons).toContainEqual({ code: 'name_titles_ignored', words: ['binnti', 'binti'] });
  });

  it('reads a word somebody bears as a name: Phan is not a slip of Pham', () => {
    const db = directory(EXPERTS);
    const phan = findDuplicates(db, applicant({ givenName: 'Văn Quân', familyName: 'Phan', country: 'VN', agency: 'Ministry of Home Affairs' }));
    expect(phan.filter((c) => c.likely)).toEqual([]);
  });

  it('does not count the checked record’s own words as a name somebody bears', () => {
    const db = directory([...EXPERTS, { entity: 'application', fields: { givenName: 'Kim Bee', familyName: 'aTn', nameOrder: 'family-given', country: 'SG', agency: 'Public Service Division' } }]);
    const self = { entity: 'application' as const, id: id(EXPERTS.length + 1) };
    expect(selfPerson(db, self)).toBeGreaterThan(0);
    const found = findDuplicates(db, applicant({ givenName: 'Kim Bee', familyName: 'aTn' }), { self });
    expect(found[0]).toMatchObject({ id: id(1), likely: true });
    // Without saying which record is checked, its own word is somebody's.
    expect(findDuplicates(db, applicant({ givenName: 'Kim Bee', familyName: 'aTn' })).find((c) => c.id === id(1))?.likely ?? false).toBe(false);
  });
});
