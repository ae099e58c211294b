import { languageCodes } from '../languages';
import { memoByString } from '../memo';
import { countryCodes, countryNames, type CountryCode } from '../model/countries';

/**
 * How a cell's text becomes a field's value. Words are compared folded (foldHeader: lower case,
 * accents and punctuation ignored), so "Laki-laki", "laki laki" and "LAKI-LAKI" are one word.
 * A value the app does not recognise is a problem of that row, never a guess.
 */

export type ValueKind = 'COUNTRY' | 'GENDER' | 'NAME_ORDER' | 'LANGUAGE' | 'PROFICIENCY' | 'APPLICANT_TYPE' | 'RECOMMENDER_BODY';

export type CellParse = { value: unknown } | { problem: 'UNKNOWN_VALUE'; kind: ValueKind; value: string } | { problem: 'NOT_A_NUMBER'; value: string };

/**
 * Lower case, without accents, punctuation as single spaces: "E-mail (wajib)*" → "e mail wajib".
 * Remembered: a sheet repeats a handful of words in its coded columns (country, gender, name
 * order, applicant type, languages) on every row.
 */
export const foldHeader = memoByString(
  (text: string): string =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  5000,
);

/** A parser for one of a few words, each with its spellings (folded once, here). */
export function wordParser<T extends string>(kind: ValueKind, words: Record<T, string[]>): (text: string) => CellParse {
  const lookup = new Map<string, T>();
  for (const [value, spellings] of Object.entries(words) as [T, string[]][]) for (const w of spellings) lookup.set(foldHeader(w), value);
  return (text) => {
    const value = lookup.get(foldHeader(text));
    return value ? { value } : { problem: 'UNKNOWN_VALUE', kind, value: text.trim() };
  };
}

/** Items separated by semicolons or line breaks (commas stay: "Planning, monitoring and evaluation" is one area). */
export const parseList = (text: string): string[] =>
  text
    .split(/[;\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const countryWords = new Map<string, CountryCode>();
const addCountry = (word: string, code: CountryCode) => countryWords.set(foldHeader(word), code);
for (const code of countryCodes) {
  addCountry(code, code);
  addCountry(countryNames[code].en, code);
  addCountry(countryNames[code].id, code);
}
for (const [word, code] of [
  ['Brunei', 'BN'],
  ['Vietnam', 'VN'],
  ['Laos', 'LA'],
  ['Lao', 'LA'],
  ["Lao People's Democratic Republic", 'LA'],
  ['Burma', 'MM'],
  ['East Timor', 'TL'],
  ['Timor Leste', 'TL'],
  ['Timor Timur', 'TL'],
  ['Republic of Indonesia', 'ID'],
  ['Republik Indonesia', 'ID'],
  ['Philippines (the)', 'PH'],
  ['Thai', 'TH'],
  ['KHM', 'KH'],
  ['IDN', 'ID'],
  ['LAO', 'LA'],
  ['MYS', 'MY'],
  ['MMR', 'MM'],
  ['PHL', 'PH'],
  ['SGP', 'SG'],
  ['THA', 'TH'],
  ['VNM', 'VN'],
  ['TLS', 'TL'],
  ['BRN', 'BN'],
] as const) {
  addCountry(word, code);
}

export function parseCountry(text: string): CellParse {
  const code = countryWords.get(foldHeader(text));
  return code ? { value: code } : { problem: 'UNKNOWN_VALUE', kind: 'COUNTRY', value: text.trim() };
}

/** A whole number of years: "15", "15 years", "15 tahun", "15.0"; not "about ten" nor "10-15". */
export function parseWholeNumber(text: string): CellParse {
  const match = /^\s*(\d{1,3})(?:[.,]0+)?\s*(?:\+|years?|yrs?|tahun|thn)?\s*$/i.exec(text);
  return match ? { value: Number(match[1]) } : { problem: 'NOT_A_NUMBER', value: text.trim() };
}

let languageWords: Map<string, string> | null = null;
/** Language names in English and Bahasa Indonesia (Intl.DisplayNames), plus the names people write in forms. */
function languageIndex(): Map<string, string> {
  if (languageWords) return languageWords;
  const index = new Map<string, string>();
  const names = ['en', 'id'].map((locale) => new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }));
  for (const code of languageCodes) {
    index.set(code, code);
    for (const n of names) {
      const name = n.of(code);
      if (name && !index.has(foldHeader(name))) index.set(foldHeader(name), code);
    }
  }
  for (const [word, code] of [
    ['bahasa indonesia', 'id'],
    ['bahasa', 'id'],
    ['bahasa melayu', 'ms'],
    ['bahasa malaysia', 'ms'],
    ['melayu', 'ms'],
    ['tagalog', 'fil'],
    ['filipino', 'fil'],
    ['burmese', 'my'],
    ['myanmar', 'my'],
    ['mandarin', 'zh'],
    ['chinese', 'zh'],
    ['tetun', 'tet'],
    ['inggris', 'en'],
  ]) {
    index.set(foldHeader(word!), code!);
  }
  languageWords = index;
  return index;
}

const proficiencyWords: Record<string, 'basic' | 'working' | 'fluent' | 'native'> = {
  basic: 'basic',
  dasar: 'basic',
  working: 'working',
  intermediate: 'working',
  menengah: 'working',
  fluent: 'fluent',
  advanced: 'fluent',
  fasih: 'fluent',
  lancar: 'fluent',
  native: 'native',
  'mother tongue': 'native',
  'bahasa ibu': 'native',
  asli: 'native',
};

/**
 * "English (fluent); Bahasa Indonesia (native), Thai" → languages with proficiencies. Items are
 * separated by ";", "," or line breaks; a proficiency in brackets or after ":" or "-"; without
 * one, "working" is assumed (the curator sees it in the profile and can change it).
 */
export function parseLanguages(text: string): CellParse {
  const out: { code: string; proficiency: string }[] = [];
  for (const item of text.split(/[;,\n\r]+/).map((s) => s.trim()).filter(Boolean)) {
    const match = /^(.*?)\s*(?:\(([^)]*)\)|[:\u2013-]\s*([^:\u2013-]+))?$/.exec(item)!;
    const code = languageIndex().get(foldHeader(match[1] ?? ''));
    if (!code) return { problem: 'UNKNOWN_VALUE', kind: 'LANGUAGE', value: item };
    const level = match[2] ?? match[3];
    const proficiency = level === undefined ? 'working' : proficiencyWords[foldHeader(level)];
    if (!proficiency) return { problem: 'UNKNOWN_VALUE', kind: 'PROFICIENCY', value: level!.trim() };
    out.push({ code, proficiency });
  }
  return { value: out };
}
