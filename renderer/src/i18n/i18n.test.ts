import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expertFieldsSchema } from '../../../shared/model/expert';
import { parseIn } from '../lib/issues';
import { errorCodes } from '../../../shared/contract';
import { countryCodes } from '../../../shared/model/countries';
import { en } from './en';
import { id } from './id';
import { errorMessage, issueMessage } from './errors';
import { countryName, dictionaries, plural, translate, type Locale } from './translate';

describe('dictionaries', () => {
  it('have the same keys in English and Bahasa Indonesia', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty strings and the same placeholders in both languages', () => {
    for (const [key, english] of Object.entries(en)) {
      const indonesian = id[key as keyof typeof en];
      expect(english.trim(), key).not.toBe('');
      expect(indonesian.trim(), key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(indonesian), key).toEqual(names(english));
    }
  });

  it('translate every error code', () => {
    for (const code of errorCodes) {
      expect(en).toHaveProperty(`errors.${code}`);
      expect(id).toHaveProperty(`errors.${code}`);
    }
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(translate('en', 'form.created', { name: 'Siti' })).toBe('Siti created');
    expect(translate('id', 'form.created', { name: 'Siti' })).toBe('Siti telah dibuat');
    expect(translate('en', 'form.created')).toBe('{name} created');
  });

  it('chooses singular and plural and formats the count per locale', () => {
    const t = (locale: Locale) => (key: keyof typeof en, vars?: Record<string, string | number>) => translate(locale, key, vars);
    expect(plural(t('en'), 'en', 'directory.total', 1)).toBe('1 expert');
    expect(plural(t('en'), 'en', 'directory.total', 100000)).toBe('100,000 experts');
    expect(plural(t('id'), 'id', 'directory.total', 100000)).toBe('100.000 pakar');
  });

  it('names all 11 countries in both languages', () => {
    for (const code of countryCodes) {
      expect(countryName('en', code)).not.toBe(code);
      expect(countryName('id', code)).not.toBe(code);
    }
    expect(countryName('id', 'PH')).toBe('Filipina');
  });
});

describe('errorMessage', () => {
  const tFor = (locale: Locale) => (key: keyof typeof en, vars?: Record<string, string | number>) => translate(locale, key, vars);

  it("shows the core's English message in English and the code's translation in Indonesian", () => {
    const error = { code: 'NOT_EMPTY' as const, message: 'The database already holds 3 experts.' };
    expect(errorMessage(error, 'en', tFor('en'))).toBe('The database already holds 3 experts.');
    expect(errorMessage(error, 'id', tFor('id'))).toBe(dictionaries.id['errors.NOT_EMPTY']);
  });

  it('tells an unreachable core apart from an internal failure', () => {
    const error = { code: 'INTERNAL' as const, message: "The app's core cannot be reached. Check…" };
    expect(errorMessage(error, 'id', tFor('id'))).toBe(dictionaries.id['errors.unreachable']);
  });

  it('names the rule that refused a vetting step in Indonesian, and the generic refusal for a step it does not know', () => {
    const error = { code: 'STEP_REFUSED' as const, message: 'Give the reason for the decision.', details: { step: 'NO_REASON' } };
    expect(errorMessage(error, 'en', tFor('en'))).toBe('Give the reason for the decision.');
    expect(errorMessage(error, 'id', tFor('id'))).toBe(dictionaries.id['vetting.refusal.NO_REASON']);
    expect(errorMessage({ ...error, details: { step: 'FUTURE_STEP' } }, 'id', tFor('id'))).toBe(dictionaries.id['errors.STEP_REFUSED']);
  });

  it('falls back to the English message for a code it has no translation for', () => {
    const error = { code: 'FUTURE_CODE' as never, message: 'Something new happened.' };
    expect(errorMessage(error, 'id', tFor('id'))).toBe('Something new happened.');
  });
});

describe('issueMessage', () => {
  it("translates the schemas' own sentences by key and passes any other message through", () => {
    expect(issueMessage({ message: 'Enter an email address such as name@agency.gov.' }, tFor('id'))).toBe(id['validation.email']);
    expect(issueMessage({ message: 'Use at most 100 characters.' }, tFor('id'))).toBe('Gunakan paling banyak 100 karakter.');
    expect(issueMessage({ message: 'A message nobody planned for.' }, tFor('id'))).toBe('A message nobody planned for.');
  });

  it('translates the input-hygiene messages that name their field', () => {
    expect(issueMessage({ message: 'The agency contains a control character or a hidden text-direction mark. Retype it without them.' }, tFor('id'))).toBe(id['validation.hiddenCharacters']);
    expect(issueMessage({ message: 'The given name must contain a letter.' }, tFor('id'))).toBe(id['validation.needsLetter']);
    expect(issueMessage({ message: 'This is not a known ISO 639 language code. Choose the language from the list.' }, tFor('id'))).toBe(id['validation.languageUnknown']);
  });

  it("gives zod's generic messages in zod's own Indonesian locale, and the schemas' sentences translated", () => {
    const year = z.object({ year: z.number().int().min(1940), email: expertFieldsSchema.shape.email });
    const value = { year: 1900, email: 'nope' };
    const inId = parseIn(year, value, 'id', tFor('id'));
    expect(inId.ok).toBe(false);
    expect(inId.errors.year).toMatch(/^Terlalu kecil/);
    expect(inId.errors.email).toBe(id['validation.email']);
    expect(parseIn(year, value, 'en', tFor('en')).errors.year).toMatch(/^Too small/);
    // Per parse, not global: a parse without the locale (as the core does) stays in English.
    expect(year.safeParse(value).error?.issues[0]?.message).toMatch(/^Too small/);
  });
  function tFor(locale: Locale) {
    return (key: keyof typeof en, vars?: Record<string, string | number>) => translate(locale, key, vars);
  }
});
