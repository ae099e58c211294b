import { describe, expect, it } from 'vitest';
import type { MatchReason } from '../../../../shared/model/dedupe';
import type { en } from '../../i18n/en';
import { id } from '../../i18n/id';
import { translate, type Locale } from '../../i18n/translate';
import { daysIn, daysText, matchReasonText, seenText, verdictText } from './texts';

const tFor = (locale: Locale) => (key: keyof typeof en, vars?: Record<string, string | number>) => translate(locale, key, vars);

describe('Applications texts', () => {
  const reasons: MatchReason[] = [
    { code: 'email_same', email: 'a@b.go.id' },
    { code: 'phone_same', phone: '+62 21 555' },
    { code: 'name_same' },
    { code: 'name_order_swapped' },
    { code: 'name_diacritics', typed: 'Nguyen', known: 'Nguyễn' },
    { code: 'name_typo', typed: 'Nugyen', known: 'Nguyen', distance: 1 },
    { code: 'name_spelling', typed: 'Mohamad', known: 'Muhammad' },
    { code: 'name_initial', typed: 'S.', known: 'Siti' },
    { code: 'name_joined', typed: 'Nurhaliza', known: 'Nur Haliza' },
    { code: 'name_partial', missing: 1 },
    { code: 'name_titles_ignored', words: ['Dr', 'Haji'] },
    { code: 'name_other_name', name: 'Ali' },
    { code: 'name_native_script', native: 'สมชาย', romanised: 'Somchai' },
    { code: 'country_same', country: 'VN' },
    { code: 'agency_same', agency: 'BKN' },
    { code: 'agency_only_namesake', agency: 'BKN', namesakes: 3 },
    { code: 'degree_same', institution: 'Universitas Gadjah Mada', year: 2004 },
    { code: 'degree_only_namesake', institution: 'Universitas Gadjah Mada', year: 2004, namesakes: 4 },
    { code: 'gender_differs', typed: 'female', known: 'male' },
  ];

  it('say why a duplicate matches, for every reason, in both languages, with its details filled in', () => {
    for (const locale of ['en', 'id'] as const) {
      for (const r of reasons) {
        const text = matchReasonText(tFor(locale), locale, r);
        expect(text, `${locale} ${r.code}`).not.toMatch(/apps\.|\{/);
      }
    }
    expect(matchReasonText(tFor('en'), 'en', reasons[5]!)).toBe('Name within 1 typo(s): Nugyen / Nguyen');
    expect(matchReasonText(tFor('id'), 'id', { code: 'country_same', country: 'VN' })).toBe('Negara sama (Vietnam)');
    expect(matchReasonText(tFor('en'), 'en', { code: 'agency_only_namesake', agency: 'BKN', namesakes: 3 })).toBe('Same agency (BKN): the only one there of 3 people with this name');
    expect(matchReasonText(tFor('en'), 'en', { code: 'degree_same', institution: 'Universitas Gadjah Mada', year: 2004 })).toBe('Same degree: Universitas Gadjah Mada, 2004');
    expect(matchReasonText(tFor('id'), 'id', { code: 'gender_differs', typed: 'female', known: 'male' })).toBe('Jenis kelamin tercatat berbeda (Perempuan / Laki-laki): kemungkinan dua orang');
  });

  it('count whole days in a stage', () => {
    const day = 24 * 60 * 60 * 1000;
    expect(daysIn(null, 5 * day)).toBeNull();
    expect(daysIn(0, day - 1)).toBe(0);
    expect(daysIn(0, 3 * day + 5)).toBe(3);
    expect(daysText(tFor('en'), 3)).toBe('3 days in this stage');
    expect(daysText(tFor('id'), 1)).toBe(id['apps.days.one']);
  });

  it('name what a pre-check saw and what a conflict side decided', () => {
    expect(seenText(tFor('en'), 'years', 15)).toBe('years: 15');
    expect(seenText(tFor('en'), 'letter', false)).toBe('letter attached: No');
    expect(seenText(tFor('en'), 'body', 'government')).toBe('body: Government body');
    expect(seenText(tFor('en'), 'body', null)).toBe('body: Not given');
    expect(seenText(tFor('en'), 'somethingNew', 2)).toBe('somethingNew: 2');
    expect(verdictText(tFor('en'), 'decided:accept')).toBe('Accepted');
    expect(verdictText(tFor('id'), 'screened:not_eligible')).toBe('Tidak layak');
  });
});
