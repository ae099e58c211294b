import { describe, expect, it } from 'vitest';
import type { PersonForMatching } from './person';
import { matchProfile } from './profile';
import type { MatchReason } from './reasons';
import { LIKELY_DUPLICATE, matchPeople, POSSIBLE_DUPLICATE } from './score';

const person = (p: Partial<PersonForMatching>): PersonForMatching => ({
  givenName: 'Budi',
  familyName: 'Santoso',
  nameOrder: 'given-family',
  otherNames: [],
  email: '',
  phone: '',
  country: 'ID',
  agency: '',
  ...p,
});
const match = (a: Partial<PersonForMatching>, b: Partial<PersonForMatching>) => matchPeople(matchProfile(person(a)), matchProfile(person(b)));
const codes = (reasons: MatchReason[]) => reasons.map((r) => r.code);

describe('matchPeople: each reason', () => {
  it('same e-mail, whatever its case: near proof even when the names differ', () => {
    const m = match({ givenName: 'B.', familyName: 'S.', email: 'Budi.Santoso@BKN.go.id' }, { email: 'budi.santoso@bkn.go.id' });
    expect(m.reasons).toContainEqual({ code: 'email_same', email: 'budi.santoso@bkn.go.id' });
    expect(m.score).toBeGreaterThanOrEqual(0.9);
  });

  it('same mobile number in another format: near proof, as a mobile is one person’s', () => {
    const m = match({ givenName: 'B.', familyName: 'Santoso', phone: '0812-3456-7890' }, { givenName: 'Bambang', phone: '+62 812 3456 7890' });
    expect(m.reasons).toContainEqual({ code: 'phone_same', phone: '+6281234567890' });
    expect(m.score).toBeGreaterThanOrEqual(0.9);
  });

  it('same fixed line: likely with the same name, not with another name (offices share lines)', () => {
    const same = match({ phone: '(021) 1234-5678' }, { phone: '+62 21 1234 5678' });
    expect(same.reasons).toContainEqual({ code: 'phone_same', phone: '+622112345678' });
    expect(same.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    const colleague = match({ givenName: 'Rina', familyName: 'Maharani', phone: '021 1234 5678' }, { phone: '+62 21 1234 5678' });
    expect(colleague.reasons).toContainEqual({ code: 'phone_same', phone: '+622112345678' });
    expect(colleague.score).toBeLessThan(LIKELY_DUPLICATE);
  });

  it('the same name', () => {
    const m = match({}, {});
    expect(codes(m.reasons)).toContain('name_same');
    expect(m.nameScore).toBe(1);
  });

  it('a name across order: given and family swapped', () => {
    const m = match({ givenName: 'Văn Hùng', familyName: 'Nguyễn', nameOrder: 'family-given', country: 'VN' }, { givenName: 'Nguyễn', familyName: 'Văn Hùng', country: 'VN' });
    expect(codes(m.reasons)).toContain('name_order_swapped');
    expect(m.nameScore).toBe(1);
  });

  it('missing diacritics', () => {
    const m = match({ givenName: 'Thị Thu Hà', familyName: 'Nguyễn', country: 'VN' }, { givenName: 'Thi Thu Ha', familyName: 'Nguyen', country: 'VN' });
    expect(m.reasons).toContainEqual({ code: 'name_diacritics', typed: 'nguyễn', known: 'nguyen' });
    expect(m.nameScore).toBe(1);
  });

  it('a typo, one edit or two letters swapped', () => {
    const m = match({ givenName: 'Kittiphong', familyName: 'Sisuk', country: 'TH' }, { givenName: 'Kittipohng', familyName: 'Sisuk', country: 'TH' });
    expect(m.reasons).toContainEqual({ code: 'name_typo', typed: 'kittiphong', known: 'kittipohng', distance: 1 });
    expect(m.nameScore).toBeGreaterThan(0.9);
  });

  it('no typo between distinct short names: Nguyen Van Hung is not Nguyen Van Hai', () => {
    const m = match({ givenName: 'Van Hung', familyName: 'Nguyen', country: 'VN' }, { givenName: 'Van Hai', familyName: 'Nguyen', country: 'VN' });
    expect(m.score).toBeLessThan(POSSIBLE_DUPLICATE);
  });

  it('other spellings of one name: Mohd / Muhammad, old Indonesian spelling, Thai romanisations', () => {
    const malay = match({ givenName: 'Mohd Faizal', familyName: '', country: 'MY' }, { givenName: 'Muhammad Faizal', familyName: '', country: 'MY' });
    expect(malay.reasons).toContainEqual({ code: 'name_spelling', typed: 'mohd', known: 'muhammad' });
    const old = match({ givenName: 'Djoko', familyName: 'Soesilo' }, { givenName: 'Joko', familyName: 'Susilo' });
    expect(codes(old.reasons).filter((c) => c === 'name_spelling')).toHaveLength(2);
    expect(old.nameScore).toBe(1);
    const thai = match({ givenName: 'Siriporn', familyName: 'Jaidee', country: 'TH', agency: 'OCSC' }, { givenName: 'Siriphon', familyName: 'Chaidi', country: 'TH', agency: 'OCSC' });
    expect(thai.reasons).toContainEqual({ code: 'name_spelling', typed: 'jaidee', known: 'chaidi' });
    expect(thai.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
  });

  it('an initial for a word', () => {
    const m = match({ givenName: 'Maria C.', familyName: 'Santos', country: 'PH' }, { givenName: 'Maria Cristina', familyName: 'Santos', country: 'PH' });
    expect(m.reasons).toContainEqual({ code: 'name_initial', typed: 'c', known: 'cristina' });
  });

  it('a name written with and without a space', () => {
    const m = match({ givenName: 'Siti Nurhaliza', familyName: '', country: 'MY' }, { givenName: 'Siti Nur Haliza', familyName: '', country: 'MY' });
    expect(codes(m.reasons)).toContain('name_joined');
  });

  it('a word missing on one side: shown, but only as possible on the name alone', () => {
    const m = match({ givenName: 'Ahmad Faizal Abdullah', familyName: '', country: 'MY' }, { givenName: 'Ahmad Abdullah', familyName: '', country: 'MY' });
    expect(m.reasons).toContainEqual({ code: 'name_partial', missing: 1 });
    expect(m.score).toBeGreaterThanOrEqual(POSSIBLE_DUPLICATE);
    expect(m.score).toBeLessThan(LIKELY_DUPLICATE);
  });

  it('titles, honorifics and bin/binti left out', () => {
    const m = match({ givenName: "Dato' Dr. Haji Ahmad Faizal bin Abdullah", familyName: '', country: 'MY' }, { givenName: 'Ahmad Faizal Abdullah', familyName: '', country: 'MY' });
    expect(m.reasons).toContainEqual({ code: 'name_titles_ignored', words: ['dato', 'dr', 'haji', 'bin'] });
    expect(m.nameScore).toBe(1);
    // "Sri" and "Tan" are names too: only a title before another word goes.
    expect(match({ givenName: 'Sri', familyName: 'Mulyani' }, { givenName: 'Mulyani', familyName: '' }).nameScore).toBeLessThan(1);
  });

  it('a match through an other name; through a short form many share, only a possible one', () => {
    const full = match({ givenName: 'Michelle Ng Hui Choo', familyName: '', country: 'SG' }, { givenName: 'Hui Choo', familyName: 'Ng', otherNames: ['Michelle Ng Hui Choo', 'Michelle Ng'], country: 'SG' });
    expect(full.reasons).toContainEqual({ code: 'name_other_name', name: 'Michelle Ng Hui Choo' });
    expect(full.nameScore).toBe(1);
    const short = match({ givenName: 'Michelle', familyName: 'Ng', country: 'SG' }, { givenName: 'Hui Choo', familyName: 'Ng', otherNames: ['Michelle Ng'], country: 'SG' });
    expect(short.reasons).toContainEqual({ code: 'name_other_name', name: 'Michelle Ng' });
    expect(short.score).toBeGreaterThanOrEqual(POSSIBLE_DUPLICATE);
    expect(short.score).toBeLessThan(LIKELY_DUPLICATE);
  });

  it('a name in Thai, Lao, Khmer or Myanmar script against its Latin spelling', () => {
    const thai = match({ givenName: 'สมชาย', familyName: 'ใจดี', country: 'TH', agency: 'OCSC' }, { givenName: 'Somchai', familyName: 'Jaidee', country: 'TH', agency: 'OCSC' });
    expect(thai.reasons).toContainEqual({ code: 'name_native_script', native: 'สมชาย ใจดี', romanised: 'somchai chaidi' });
    expect(thai.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    const lao = match({ givenName: 'Xaysomphone', familyName: 'Keovanh', country: 'LA' }, { givenName: 'Xaysomphone', familyName: 'Keovanh', otherNames: ['ໄຊສົມພອນ ແກ້ວວັນ'], country: 'LA' });
    expect(lao.nameScore).toBe(1);
    const myanmar = match({ givenName: 'စန္ဒာထွေးမိုး', familyName: '', nameOrder: 'given-only', country: 'MM' }, { givenName: 'Sandar Htwe Moe', familyName: '', country: 'MM' });
    expect(codes(myanmar.reasons)).toEqual(expect.arrayContaining(['name_native_script', 'name_joined']));
    const khmer = match({ givenName: 'សុខ', familyName: 'សុផល', country: 'KH' }, { givenName: 'Sok', familyName: 'Sophal', country: 'KH' });
    expect(codes(khmer.reasons)).toContain('name_native_script');
    expect(khmer.nameScore).toBeGreaterThan(0.9);
  });

  it('country and agency corroborate a name, and only a name', () => {
    const m = match({ agency: 'Badan Kepegawaian Negara' }, { agency: 'BADAN KEPEGAWAIAN  NEGARA' });
    expect(m.reasons).toEqual(expect.arrayContaining([{ code: 'country_same', country: 'ID' }, { code: 'agency_same', agency: 'BADAN KEPEGAWAIAN  NEGARA' }]));
    const strangers = match({ givenName: 'Rina', familyName: 'Maharani', agency: 'BKN' }, { agency: 'BKN' });
    expect(strangers.score).toBe(0);
    expect(strangers.reasons).toEqual([]);
  });

  it('a name shared with another candidate needs more than the name', () => {
    const a = matchProfile(person({ agency: 'BKN' }));
    expect(matchPeople(a, a, { distinctName: true }).score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(matchPeople(a, a, { distinctName: false }).score).toBeLessThan(LIKELY_DUPLICATE);
    const withPhone = matchProfile(person({ agency: 'BKN', phone: '+62 21 1234 5678' }));
    expect(matchPeople(withPhone, withPhone, { distinctName: false }).score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
  });

  it('a namesake the agency singles out counts as a distinct name, with the reason; only with the same agency and country', () => {
    const applicant = matchProfile(person({ agency: 'Ombudsman' }));
    const there = matchProfile(person({ agency: 'Ombudsman' }));
    const singled = matchPeople(applicant, there, { distinctName: false, singledOutByAgency: 3 });
    expect(singled.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(singled.reasons).toContainEqual({ code: 'agency_only_namesake', agency: 'Ombudsman', namesakes: 3 });
    expect(codes(singled.reasons)).not.toContain('agency_same');
    // The context cannot stand in for evidence the pair lacks.
    const elsewhere = matchPeople(applicant, matchProfile(person({ agency: 'BKN' })), { distinctName: false, singledOutByAgency: 3 });
    expect(elsewhere.score).toBeLessThan(LIKELY_DUPLICATE);
    expect(codes(elsewhere.reasons)).not.toContain('agency_only_namesake');
    const abroad = matchPeople(applicant, matchProfile(person({ agency: 'Ombudsman', country: 'MY' })), { distinctName: false, singledOutByAgency: 3 });
    expect(abroad.score).toBeLessThan(LIKELY_DUPLICATE);
  });

  it('a degree from the same institution in the same year: likely with a distinct name, or when it singles a namesake out; another year or institution is no degree', () => {
    const ugm2004 = [{ qualification: 'Sarjana Ekonomi', institution: 'Universitas Gadjah Mada', year: 2004 }];
    const a = matchProfile(person({ education: [{ institution: 'UNIVERSITAS  GADJAH MADA ', year: 2004 }] }));
    const known = matchProfile(person({ agency: 'BKN', education: ugm2004 }));
    const distinct = matchPeople(a, known, { distinctName: true });
    expect(distinct.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(distinct.reasons).toContainEqual({ code: 'degree_same', institution: 'Universitas Gadjah Mada', year: 2004 });
    // Without the degree, the same distinct name elsewhere in the country is only possible.
    expect(matchPeople(matchProfile(person({})), known, { distinctName: true }).score).toBeLessThan(LIKELY_DUPLICATE);
    const singled = matchPeople(a, known, { distinctName: false, singledOutByDegree: 4 });
    expect(singled.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(singled.reasons).toContainEqual({ code: 'degree_only_namesake', institution: 'Universitas Gadjah Mada', year: 2004, namesakes: 4 });
    expect(codes(singled.reasons)).not.toContain('degree_same');
    // Namesakes who hold the degree too: the degree corroborates, but does not make it likely.
    const among = matchPeople(a, known, { distinctName: false });
    expect(among.score).toBeGreaterThanOrEqual(POSSIBLE_DUPLICATE);
    expect(among.score).toBeLessThan(LIKELY_DUPLICATE);
    for (const education of [[{ ...ugm2004[0]!, year: 2005 }], [{ ...ugm2004[0]!, institution: 'Universitas Indonesia' }], [{ ...ugm2004[0]!, year: null }], []]) {
      const other = matchPeople(a, matchProfile(person({ education })), { distinctName: false, singledOutByDegree: 4 });
      expect(other.score).toBeLessThan(LIKELY_DUPLICATE);
      expect(codes(other.reasons).filter((c) => c.startsWith('degree'))).toEqual([]);
    }
    // A degree is no evidence without a name alike, nor across countries.
    const classmate = matchPeople(a, matchProfile(person({ givenName: 'Rina', familyName: 'Maharani', education: ugm2004 })));
    expect(classmate.score).toBe(0);
    expect(classmate.reasons).toEqual([]);
    expect(codes(matchPeople(a, matchProfile(person({ country: 'MY', education: ugm2004 })), { distinctName: false, singledOutByDegree: 4 }).reasons)).not.toContain('degree_same');
  });

  it('recorded genders that differ keep a name below likely, with the reason; a blank gender or a shared e-mail is not held against it', () => {
    const her = person({ agency: 'BKN', gender: 'female', email: 'budi@example.org' });
    const him = person({ agency: 'BKN', gender: 'male' });
    const differ = matchPeople(matchProfile({ ...her, email: '' }), matchProfile(him));
    expect(differ.score).toBeGreaterThanOrEqual(POSSIBLE_DUPLICATE);
    expect(differ.score).toBeLessThan(LIKELY_DUPLICATE);
    expect(differ.reasons).toContainEqual({ code: 'gender_differs', typed: 'female', known: 'male' });
    const blank = matchPeople(matchProfile({ ...her, email: '' }), matchProfile({ ...him, gender: null }));
    expect(blank.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(codes(blank.reasons)).not.toContain('gender_differs');
    const mailbox = matchPeople(matchProfile(her), matchProfile({ ...him, email: 'BUDI@example.org' }));
    expect(mailbox.score).toBeGreaterThanOrEqual(0.9);
  });
});
