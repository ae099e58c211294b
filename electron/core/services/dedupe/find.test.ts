import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersonForMatching } from '../../../../shared/model/dedupe';
import { expertDefaults, type ExpertCreate } from '../../../../shared/model/expert';
import { openCore, type Core } from '../../app';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase, type Db } from '../../db/open';
import { findDuplicates } from './find';
import { dedupeProjection } from './projection';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

let n = 0;
const newId = () => `01900000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

function directory(experts: ExpertCreate[]) {
  const dir = mkdtempSync(join(tmpdir(), 'curator-dedupe-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'curator.db'));
  dbs.push(db);
  const funnel = new ChangeFunnel(db, [dedupeProjection(db)]);
  const ids = experts.map(() => newId());
  funnel.write('ana', experts.map((e, i) => ({ entity: 'expert', id: ids[i]!, fields: { ...expertDefaults, ...e, status: 'active', statusReason: '' } })));
  return { db, funnel, ids };
}

const applicant = (p: Partial<PersonForMatching>): PersonForMatching => ({
  givenName: '', familyName: '', nameOrder: 'given-family', otherNames: [], email: '', phone: '', country: 'VN', agency: '', ...p,
});

const EXPERTS: ExpertCreate[] = [
  { givenName: 'Văn Hùng', familyName: 'Nguyễn', nameOrder: 'family-given', country: 'VN', agency: 'Ministry of Home Affairs', email: 'hungnv@moha.gov.vn', phone: '+84 24 3825 1234' },
  { givenName: 'Văn Hải', familyName: 'Nguyễn', nameOrder: 'family-given', country: 'VN', agency: 'Ministry of Home Affairs', email: 'hainv@moha.gov.vn' },
  { givenName: 'Somchai', familyName: 'Jaidee', country: 'TH', agency: 'Office of the Civil Service Commission', email: 'somchai.j@ocsc.go.th' },
  { givenName: 'Ahmad Faizal bin Abdullah', familyName: '', nameOrder: 'given-only', country: 'MY', agency: 'JPA' },
];

describe('findDuplicates', () => {
  it('finds the expert by e-mail in another case, phone in another format, and name across order without diacritics', () => {
    const { db, ids } = directory(EXPERTS);
    const byEmail = findDuplicates(db, applicant({ givenName: 'H.', familyName: 'Nguyen', email: 'HungNV@MOHA.gov.vn' }));
    expect(byEmail[0]).toMatchObject({ id: ids[0], likely: true });
    expect(byEmail[0]!.reasons).toContainEqual({ code: 'email_same', email: 'hungnv@moha.gov.vn' });

    const byPhone = findDuplicates(db, applicant({ givenName: 'Nguyen Van Hung', phone: '024 3825 1234' }));
    expect(byPhone[0]).toMatchObject({ id: ids[0], likely: true });
    expect(byPhone[0]!.reasons.map((r) => r.code)).toContain('phone_same');

    const byName = findDuplicates(db, applicant({ givenName: 'Nguyen', familyName: 'Van Hung', agency: 'Ministry of Home Affairs' }));
    expect(byName.map((c) => c.id)).toEqual([ids[0]]);
    expect(byName[0]!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['name_order_swapped', 'name_diacritics', 'agency_same']));
  });

  it('finds a native-script applicant by the Latin name and a Malay name without bin', () => {
    const { db, ids } = directory(EXPERTS);
    const thai = findDuplicates(db, applicant({ givenName: 'สมชาย', familyName: 'ใจดี', country: 'TH', agency: 'Office of the Civil Service Commission' }));
    expect(thai[0]).toMatchObject({ id: ids[2], likely: true });
    const malay = findDuplicates(db, applicant({ givenName: "Dato' Ahmad Faizal Abdullah", country: 'MY', agency: 'JPA' }));
    expect(malay[0]).toMatchObject({ id: ids[3], likely: true });
  });

  it('shows a near namesake at most as possible, and nobody for a stranger', () => {
    const { db, ids } = directory(EXPERTS);
    const lookAlike = findDuplicates(db, applicant({ givenName: 'Văn Hưng', familyName: 'Nguyễn', agency: 'Ministry of Home Affairs', email: 'hung.nguyen@gmail.com' }));
    // Hưng and Hùng fold one letter apart: same name or typo? Neither expert is claimed as likely.
    expect(lookAlike.filter((c) => c.likely)).toEqual([]);
    expect(lookAlike.map((c) => c.id)).toContain(ids[0]);
    expect(findDuplicates(db, applicant({ givenName: 'Budi', familyName: 'Santoso', country: 'ID' }))).toEqual([]);
  });

  it('a name alone is likely only when no namesake shares it and the agency agrees', () => {
    const { db, ids } = directory([
      { givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'BKN' },
      { givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'LAN' },
      { givenName: 'Dwi', familyName: 'Handayani', country: 'ID', agency: 'BKN' },
    ]);
    const namesakes = findDuplicates(db, applicant({ givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'BKN' }));
    expect(namesakes.map((c) => [c.id, c.likely])).toEqual([[ids[0], false], [ids[1], false]]);
    expect(findDuplicates(db, applicant({ givenName: 'Dwi', familyName: 'Handayani', country: 'ID', agency: 'BKN' }))[0]).toMatchObject({ id: ids[2], likely: true });
    expect(findDuplicates(db, applicant({ givenName: 'Dwi', familyName: 'Handayani', country: 'ID', agency: 'KPK' }))[0]).toMatchObject({ id: ids[2], likely: false });
  });

  it('a namesake alone at a small agency is likely, with the reason; not when a namesake works there too, nor at a large agency', () => {
    const filler = (given: string, agency: string): ExpertCreate => ({ givenName: given, familyName: 'Wibowo', country: 'ID', agency });
    const people: ExpertCreate[] = [
      { givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'Ombudsman' },
      { givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'BKN' },
      { givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'LAN' },
      ...['Agus', 'Budi', 'Eko', 'Joko', 'Rudi', 'Arif', 'Bayu', 'Dian', 'Fajar'].map((g) => filler(g, 'BKN')),
      ...['Hendra', 'Dedi', 'Irfan'].map((g) => filler(g, 'LAN')),
    ];
    const { db, ids, funnel } = directory(people);
    // Three Tri Permatasari; Ombudsman holds 1 of the 15 people of ID: 3 × 1/15 namesakes there by chance.
    const small = findDuplicates(db, applicant({ givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'Ombudsman' }));
    expect(small.filter((c) => c.likely).map((c) => c.id)).toEqual([ids[0]]);
    expect(small[0]!.reasons).toContainEqual({ code: 'agency_only_namesake', agency: 'Ombudsman', namesakes: 3 });
    // BKN holds 10 of 15: three namesakes would put two there by chance.
    const large = findDuplicates(db, applicant({ givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'BKN' }));
    expect(large.filter((c) => c.likely)).toEqual([]);
    expect(large.map((c) => c.id)).toContain(ids[1]);
    // A second namesake at the Ombudsman: the agency no longer tells them apart.
    funnel.write('ana', [{ entity: 'expert', id: newId(), fields: { ...expertDefaults, givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'Ombudsman', status: 'active', statusReason: '' } }]);
    const two = findDuplicates(db, applicant({ givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'Ombudsman' }));
    expect(two.filter((c) => c.likely)).toEqual([]);
    expect(two.flatMap((c) => c.reasons.map((r) => r.code))).not.toContain('agency_only_namesake');
  });

  it('a namesake alone holding the applicant’s degree is likely, with the reason; not when a namesake holds it too, nor when the degree is common', () => {
    const degree = (institution: string, year: number) => [{ qualification: 'Sarjana', institution, year }];
    const filler = (given: string, education: ReturnType<typeof degree>): ExpertCreate => ({ givenName: given, familyName: 'Wibowo', country: 'ID', agency: 'BKN', education });
    const people: ExpertCreate[] = [
      { givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'BKN', education: degree('Universitas Andalas', 2001) },
      { givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'BKN', education: degree('Universitas Indonesia', 2010) },
      { givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'LAN', education: degree('Universitas Indonesia', 1999) },
      ...['Agus', 'Budi', 'Eko', 'Joko', 'Rudi', 'Arif'].map((g) => filler(g, degree('Universitas Indonesia', 2010))),
      ...['Hendra', 'Dedi', 'Irfan', 'Bayu', 'Dian', 'Fajar'].map((g) => filler(g, degree('Universitas Airlangga', 2003))),
    ];
    const { db, ids, funnel } = directory(people);
    // Three Tri Permatasari; 1 of the 15 people of ID holds Andalas 2001: 3 × 1/15 namesakes would by chance.
    const rare = findDuplicates(db, applicant({ givenName: 'Tri', familyName: 'Permatasari', country: 'ID', education: [{ institution: 'universitas andalas', year: 2001 }] }));
    expect(rare.filter((c) => c.likely).map((c) => c.id)).toEqual([ids[0]]);
    expect(rare[0]!.reasons).toContainEqual({ code: 'degree_only_namesake', institution: 'Universitas Andalas', year: 2001, namesakes: 3 });
    // Universitas Indonesia 2010 is held by 7 of 15: it singles nobody out, and only corroborates.
    const common = findDuplicates(db, applicant({ givenName: 'Tri', familyName: 'Permatasari', country: 'ID', education: [{ institution: 'Universitas Indonesia', year: 2010 }] }));
    expect(common.filter((c) => c.likely)).toEqual([]);
    expect(common.find((c) => c.id === ids[1])!.reasons).toContainEqual({ code: 'degree_same', institution: 'Universitas Indonesia', year: 2010 });
    // Another year at the same university is another degree.
    expect(findDuplicates(db, applicant({ givenName: 'Tri', familyName: 'Permatasari', country: 'ID', education: [{ institution: 'Universitas Andalas', year: 2002 }] })).filter((c) => c.likely)).toEqual([]);
    // A second namesake with Andalas 2001: the degree no longer tells them apart.
    funnel.write('ana', [{ entity: 'expert', id: newId(), fields: { ...expertDefaults, givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'KPK', education: degree('Universitas Andalas', 2001), status: 'active', statusReason: '' } }]);
    const two = findDuplicates(db, applicant({ givenName: 'Tri', familyName: 'Permatasari', country: 'ID', education: [{ institution: 'Universitas Andalas', year: 2001 }] }));
    expect(two.filter((c) => c.likely)).toEqual([]);
    expect(two.flatMap((c) => c.reasons.map((r) => r.code))).not.toContain('degree_only_namesake');
  });

  it('weighs an indexed record checked against the others without counting itself (an application is indexed too)', () => {
    const people: ExpertCreate[] = [
      { givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'Ombudsman' },
      { givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'BKN' },
      { givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'LAN' },
      ...['Agus', 'Budi', 'Eko', 'Joko', 'Rudi', 'Arif', 'Bayu', 'Dian', 'Fajar', 'Hendra', 'Dedi', 'Irfan'].map((g): ExpertCreate => ({ givenName: g, familyName: 'Wibowo', country: 'ID', agency: 'BKN' })),
      // The record being checked, stored already: the Tri Permatasari who applied from the Ombudsman.
      { givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'Ombudsman', email: 'tri.p@mail.example' },
    ];
    const { db, ids } = directory(people);
    const self = { entity: 'expert' as const, id: ids[ids.length - 1]! };
    // 3 namesakes × 1 of the 15 others at the Ombudsman: singled out. Counting itself, it would be 2 of 16.
    const found = findDuplicates(db, applicant({ givenName: 'Tri', familyName: 'Permatasari', country: 'ID', agency: 'Ombudsman', email: 'tri.p@mail.example' }), { self });
    expect(found.filter((c) => c.likely).map((c) => c.id)).toEqual([ids[0]]);
    expect(found[0]!.reasons).toContainEqual({ code: 'agency_only_namesake', agency: 'Ombudsman', namesakes: 3 });
  });

  it('a namesake of the other recorded gender is shown as possible, never likely, with the reason', () => {
    const { db, ids } = directory([{ givenName: 'Kim Anh', familyName: 'Trần', nameOrder: 'family-given', country: 'VN', agency: 'Ministry of Home Affairs', gender: 'female' }]);
    const him = findDuplicates(db, applicant({ givenName: 'Kim Anh', familyName: 'Tran', agency: 'Ministry of Home Affairs', gender: 'male' }));
    expect(him.map((c) => [c.id, c.likely])).toEqual([[ids[0], false]]);
    expect(him[0]!.reasons).toContainEqual({ code: 'gender_differs', typed: 'male', known: 'female' });
    expect(findDuplicates(db, applicant({ givenName: 'Kim Anh', familyName: 'Tran', agency: 'Ministry of Home Affairs', gender: null }))[0]).toMatchObject({ id: ids[0], likely: true });
  });

  it('never offers the record itself, and forgets what was deleted or changed', () => {
    const { db, funnel, ids } = directory(EXPERTS);
    const self = applicant({ givenName: 'Văn Hùng', familyName: 'Nguyễn', email: 'hungnv@moha.gov.vn' });
    expect(findDuplicates(db, self, { self: { entity: 'expert', id: ids[0]! } }).map((c) => c.id)).not.toContain(ids[0]);
    funnel.write('ana', [{ entity: 'expert', id: ids[0]!, fields: { email: 'hung.nguyen@moha.gov.vn' } }]);
    expect(findDuplicates(db, applicant({ givenName: 'X', email: 'hungnv@moha.gov.vn' }))).toEqual([]);
    funnel.write('ana', [{ entity: 'expert', id: ids[0]!, fields: { deletedAt: 1 } }]);
    expect(findDuplicates(db, self).map((c) => c.id)).not.toContain(ids[0]);
  });
});

describe('dedupe projection in the app', () => {
  let core: Core | null = null;
  afterEach(() => core?.close());

  it('is kept by the core’s funnel: an expert created through the app is found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'curator-dedupe-app-'));
    dirs.push(dir);
    core = openCore({ dataDir: dir, mode: 'test', actor: 'ana' });
    const r = await core.dispatch('experts.create', { expert: { givenName: 'Siti', familyName: 'Rahmah', country: 'ID', email: 'siti@bkn.go.id' } });
    if (!r.ok) throw new Error(r.error.message);
    core.close();
    core = null;
    const db = openDatabase(join(dir, 'curator.db'));
    dbs.push(db);
    expect(findDuplicates(db, applicant({ givenName: 'Siti', country: 'ID', email: 'SITI@bkn.go.id' })).map((c) => c.id)).toEqual([(r.value as { id: string }).id]);
  });
});
