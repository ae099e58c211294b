import { en, type Dictionary, type MessageKey } from './en';
import { id } from './id';

/** Countries and languages are named as the core names them in figures and documents: one source, in shared. */
export { countryName } from '../../../shared/model/countries';
export { languageName } from '../../../shared/languages';

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

export function formatDateTime(locale: Locale, epochMs: number): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}
