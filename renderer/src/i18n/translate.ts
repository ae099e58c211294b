import { countryNames, type CountryCode } from '../../../shared/model/countries';
import { en, type Dictionary, type MessageKey } from './en';
import { id } from './id';

export type Locale = 'en' | 'id';
export const locales: readonly Locale[] = ['en', 'id'];
export const dictionaries: Record<Locale, Dictionary> = { en, id };
/** Each language is named in itself, so a reader finds their own whatever is selected. */
export const localeNames: Record<Locale, string> = { en: 'English', id: 'Bahasa Indonesia' };
/** BCP 47 tags for Intl: day-first dates for English, as ASEAN readers expect. */
export const intlLocale: Record<Locale, string> = { en: 'en-GB', id: 'id-ID' };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[locale][key] ?? en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type PluralBase = 'directory.total' | 'expert.years' | 'sync.status.waiting' | 'sync.status.problems' | 'sync.signOut.waiting' | 'reports.total' | 'reports.words' | 'reports.comments.count';

/** Picks the `.one` or `.other` form of a counted message and fills in the formatted count. */
export function plural(t: Translate, locale: Locale, base: PluralBase, count: number): string {
  const form = new Intl.PluralRules(intlLocale[locale]).select(count) === 'one' ? 'one' : 'other';
  return t(`${base}.${form}`, { count: new Intl.NumberFormat(intlLocale[locale]).format(count) });
}

export function countryName(locale: Locale, code: string): string {
  return countryNames[code as CountryCode]?.[locale] ?? code;
}

const languageNameCache = new Map<Locale, Intl.DisplayNames | null>();
/** "vi" → "Vietnamese" / "Vietnam"; falls back to the code when the runtime does not know it. */
export function languageName(locale: Locale, code: string): string {
  if (!languageNameCache.has(locale)) {
    try {
      languageNameCache.set(locale, new Intl.DisplayNames([intlLocale[locale]], { type: 'language' }));
    } catch {
      languageNameCache.set(locale, null);
    }
  }
  try {
    const name = languageNameCache.get(locale)?.of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

export function formatDateTime(locale: Locale, epochMs: number): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}
