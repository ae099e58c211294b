import { describe, expect, it } from 'vitest';
import taxonomyJson from '../../../resources/taxonomy.json' with { type: 'json' };
import { countryCodes, type CountryCode } from '../../../shared/model/countries';
import { displayName, expertCreateSchema, portfolioFieldsSchema, type ExpertFields } from '../../../shared/model/expert';
import { generateExperts, type DemoExpert } from './generate';
import { stripDiacritics } from './text';

const take = (count: number, seed: number): DemoExpert[] => [...generateExperts(count, seed)];
// The generator fills every field; the schema type only promises givenName and country.
const full = (d: DemoExpert) => d.expert as ExpertFields;
const sample = take(3000, 2026);
const byCountry = (c: CountryCode) => sample.map(full).filter((e) => e.country === c);
const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

describe('generateExperts is deterministic', () => {
  it('gives the same records for the same seed', () => {
    expect(take(300, 11)).toEqual(take(300, 11));
  });

  it('gives other records for another seed', () => {
    const a = take(50, 11).map((d) => displayName(full(d)));
    const b = take(50, 12).map((d) => displayName(full(d)));
    expect(a).not.toEqual(b);
    expect(a.filter((name, i) => name === b[i]).length).toBeLessThan(5);
  });

  it('starts a longer run with the records of a shorter one', () => {
    expect(take(500, 5).slice(0, 120)).toEqual(take(120, 5));
  });

  it('yields exactly count records, lazily', () => {
    expect(take(0, 1)).toEqual([]);
    expect(take(7, 1)).toHaveLength(7);
    const it = generateExperts(Number.MAX_SAFE_INTEGER, 1);
    expect(it.next().done).toBe(false);
  });
});

describe('every record is valid', () => {
  it('passes expertCreateSchema unchanged, and each portfolio item passes portfolioFieldsSchema', () => {
    for (const { expert, portfolio } of sample) {
      // toEqual after parse also proves no value relies on trimming or defaults.
      expect(expertCreateSchema.parse(expert)).toEqual(expert);
      for (const item of portfolio) expect(portfolioFieldsSchema.parse(item)).toEqual(item);
    }
  });

  it('uses only expertise ids of the shipped taxonomy, 1 to 4, without a term beside its own ancestor', () => {
    const ids = new Set(taxonomyJson.terms.map((t) => t.id));
    const used = new Set<string>();
    for (const e of sample.map(full)) {
      expect(e.expertise.length).toBeGreaterThanOrEqual(1);
      expect(e.expertise.length).toBeLessThanOrEqual(4);
      for (const id of e.expertise) {
        expect(ids.has(id), id).toBe(true);
        used.add(id);
        for (const other of e.expertise) if (other !== id) expect(other.startsWith(`${id}.`)).toBe(false);
      }
    }
    expect(used.size).toBeGreaterThan(ids.size * 0.9); // the whole taxonomy is exercised
  });

  it('gives each expert a unique ASCII e-mail address on a reserved .example domain', () => {
    const emails = sample.map((d) => full(d).email).filter(Boolean);
    expect(emails.length).toBeGreaterThan(sample.length * 0.9);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) {
      expect(isAscii(email)).toBe(true);
      expect(email).toMatch(/^[a-z0-9._]+@[a-z0-9-]+\.(gov|edu)\.example$/);
    }
  });

  it('gives phones with the country calling code', () => {
    const codes: Record<CountryCode, string> = { BN: '+673', KH: '+855', ID: '+62', LA: '+856', MY: '+60', MM: '+95', PH: '+63', SG: '+65', TH: '+66', VN: '+84', TL: '+670' };
    for (const e of sample.map(full)) if (e.phone) expect(e.phone.startsWith(`${codes[e.country]} `), e.phone).toBe(true);
  });

  it('gives 0 to 5 portfolio items from 1995 to 2026, linking nowhere or to example.org', () => {
    const kinds = new Set<string>();
    for (const { portfolio } of sample) {
      expect(portfolio.length).toBeLessThanOrEqual(5);
      for (const p of portfolio) {
        kinds.add(p.kind);
        expect(p.year).toBeGreaterThanOrEqual(1995);
        expect(p.year).toBeLessThanOrEqual(2026);
        expect(p.link === '' || p.link.startsWith('https://example.org/')).toBe(true);
      }
    }
    expect([...kinds].sort()).toEqual(['award', 'certificate', 'project', 'publication', 'speaking', 'training']);
    expect(sample.some((d) => d.portfolio.length === 0)).toBe(true);
  });

  it('lists the mother tongue as native and every language once', () => {
    const native: Partial<Record<CountryCode, string[]>> = { VN: ['vi'], TH: ['th'], KH: ['km'], LA: ['lo'], MM: ['my'], TL: ['tet'] };
    for (const e of sample.map(full)) {
      expect(new Set(e.languages.map((l) => l.code)).size).toBe(e.languages.length);
      expect(e.languages[0]?.proficiency).toBe('native');
      const expected = native[e.country];
      if (expected) expect(expected).toContain(e.languages[0]?.code);
    }
  });
});

describe('the pool looks like ASEAN', () => {
  it('has all 11 member states in 1,000 records', () => {
    const seen = new Set(take(1000, 99).map((d) => d.expert.country));
    expect([...seen].sort()).toEqual([...countryCodes].sort());
  });

  it('has more experts from large civil services than from small ones', () => {
    const count = (c: CountryCode) => byCountry(c).length;
    expect(count('ID')).toBeGreaterThan(count('SG'));
    expect(count('VN')).toBeGreaterThan(count('BN'));
    expect(count('PH')).toBeGreaterThan(count('TL'));
  });

  it('gives each country its own agencies', () => {
    const agenciesOf = (c: CountryCode) => new Set(byCountry(c).map((e) => e.agency));
    expect(agenciesOf('ID')).toContain('National Civil Service Agency (BKN)');
    expect(agenciesOf('PH')).toContain('Civil Service Commission');
    expect(agenciesOf('TH')).toContain('Office of the Civil Service Commission (OCSC)');
    expect(agenciesOf('MM')).toContain('Union Civil Service Board');
    expect(agenciesOf('TL')).toContain('Civil Service Commission (Comissão da Função Pública)');
    expect(agenciesOf('VN').has('National Civil Service Agency (BKN)')).toBe(false);
  });
});

describe('names follow each country’s conventions', () => {
  it('Viet Nam: family name first, diacritics, and the unaccented spelling as an other name', () => {
    const vn = byCountry('VN');
    expect(vn.length).toBeGreaterThan(100);
    for (const e of vn) {
      expect(e.nameOrder).toBe('family-given');
      const unaccented = stripDiacritics(displayName(e));
      expect(isAscii(unaccented)).toBe(true);
      // Names with diacritics carry the unaccented spelling first; the rare plain one ("Phan Thu Vy") needs none.
      if (unaccented !== displayName(e)) expect(e.otherNames[0]).toBe(unaccented);
      else expect(e.otherNames).not.toContain(unaccented);
      if (e.givenName.startsWith('Thị ')) expect(e.gender).not.toBe('male');
    }
    const accented = vn.filter((e) => !isAscii(displayName(e)));
    expect(accented.length / vn.length).toBeGreaterThan(0.9);
    expect(vn.some((e) => e.familyName === 'Nguyễn')).toBe(true);
    expect(vn.some((e) => /Đ/.test(displayName(e)))).toBe(true);
  });

  it('Myanmar: no family name, and U/Daw (or Ko/Ma, Dr.) as honorifics, never in the name', () => {
    const mm = byCountry('MM');
    for (const e of mm) {
      expect(e.familyName).toBe('');
      expect(e.nameOrder).toBe('given-only');
      expect(['U', 'Daw', 'Ko', 'Ma', 'Dr.']).toContain(e.honorific);
      expect(e.givenName).not.toMatch(/^(U|Daw) /);
    }
    expect(mm.some((e) => e.honorific === 'U')).toBe(true);
    expect(mm.some((e) => e.honorific === 'Daw')).toBe(true);
  });

  it('Cambodia: family name first', () => {
    for (const e of byCountry('KH')) expect(e.nameOrder).toBe('family-given');
  });

  it('Thailand and Lao PDR: given name then family name, sometimes with another romanisation', () => {
    for (const c of ['TH', 'LA'] as const) {
      const people = byCountry(c);
      for (const e of people) expect(e.nameOrder).toBe('given-family');
      expect(people.some((e) => e.otherNames.length > 0)).toBe(true);
    }
  });

  it('Malaysia: Malay names with bin/binti kept whole, and Chinese and Indian names too', () => {
    const my = byCountry('MY');
    const malay = my.filter((e) => / bin(ti)? /.test(e.givenName));
    expect(malay.length).toBeGreaterThan(my.length / 3);
    for (const e of malay) {
      expect(e.nameOrder).toBe('given-only');
      expect(e.familyName).toBe('');
      if (/ binti /.test(e.givenName)) expect(e.gender).not.toBe('male');
    }
    expect(my.some((e) => e.nameOrder === 'family-given')).toBe(true); // Chinese
    expect(my.some((e) => / a\/[lp] /.test(e.givenName))).toBe(true); // Indian
  });

  it('Indonesia: some mononyms, most with two or more names', () => {
    const id = byCountry('ID');
    const mononyms = id.filter((e) => e.nameOrder === 'given-only');
    expect(mononyms.length).toBeGreaterThan(0);
    expect(mononyms.length).toBeLessThan(id.length / 4);
    for (const e of mononyms) expect(e.givenName).not.toContain(' ');
  });

  it('Philippines: given name, middle initial, family name', () => {
    for (const e of byCountry('PH')) {
      expect(e.givenName).toMatch(/ [A-Z]\.$/);
      expect(e.nameOrder).toBe('given-family');
    }
  });

  it('Singapore: Chinese names family first, with Malay and Indian names too', () => {
    const sg = byCountry('SG');
    expect(sg.filter((e) => e.nameOrder === 'family-given').length).toBeGreaterThan(sg.length / 2);
    expect(sg.some((e) => e.nameOrder === 'given-only')).toBe(true);
  });

  it('Brunei: Awang/Dayang, Pengiran or a conferred title', () => {
    const bn = byCountry('BN').filter((e) => e.nameOrder === 'given-only');
    for (const e of bn) expect(e.honorific).toMatch(/^(Awang|Dayang|Pengiran|Dato|Datin|Dr\.)/);
    // Awang and Dayang address Malays; Chinese Bruneians (family name first) do not get them.
    for (const e of byCountry('BN').filter((x) => x.nameOrder === 'family-given')) expect(e.honorific).not.toMatch(/^(Awang|Dayang)/);
    expect(bn.some((e) => e.honorific === 'Pengiran' && e.givenName.includes(' Pengiran '))).toBe(true);
  });

  it('Timor-Leste: Portuguese names, unaccented spelling offered', () => {
    const tl = byCountry('TL');
    for (const e of tl) expect(e.nameOrder).toBe('given-family');
    expect(tl.some((e) => !isAscii(displayName(e)) && e.otherNames.some(isAscii))).toBe(true);
  });
});

describe('native-script spellings', () => {
  it('give a share of experts from Thailand, Lao PDR, Cambodia and Myanmar their name in their own script', () => {
    const script: Record<string, RegExp> = { TH: /\p{Script=Thai}/u, LA: /\p{Script=Lao}/u, KH: /\p{Script=Khmer}/u, MM: /\p{Script=Myanmar}/u };
    for (const [country, pattern] of Object.entries(script)) {
      const people = byCountry(country as CountryCode);
      const withNative = people.filter((e) => e.otherNames.some((o) => pattern.test(o)));
      const share = withNative.length / people.length;
      expect(share, country).toBeGreaterThan(0.3);
      expect(share, country).toBeLessThan(0.6);
      // The native spelling comes after the romanised other spellings, once.
      for (const e of withNative) expect(e.otherNames.filter((o) => pattern.test(o))).toEqual([e.otherNames[e.otherNames.length - 1]]);
    }
    const others = sample.map(full).filter((e) => !(e.country in script));
    for (const e of others) for (const o of e.otherNames) expect(o).not.toMatch(/[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u);
  });
});
