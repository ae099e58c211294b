import { countryNames, type CountryCode } from '../countries';
import type { FigureLang, FigureNames } from './figure';

interface TermLabel {
  id: string;
  label: { en: string; id: string };
}

const displayNames = new Map<FigureLang, Intl.DisplayNames | null>();

/** A language's name in `lang` ("vi" → "Vietnamese" / "Vietnam"), or the code when the runtime cannot name it. */
function languageName(lang: FigureLang, code: string): string {
  if (!displayNames.has(lang)) {
    try {
      displayNames.set(lang, new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }));
    } catch {
      displayNames.set(lang, null);
    }
  }
  try {
    return displayNames.get(lang)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The names a figure's filters and rows are written with, in one language: countries from
 * shared/model/countries, expertise areas from the taxonomy's terms (taxonomy.list, or the
 * core's TaxonomyIndex.terms), languages from the platform's language names. Anything it does
 * not know is shown by its code rather than dropped, so a note never hides a filter.
 */
export function figureNames(lang: FigureLang, terms: readonly TermLabel[]): FigureNames {
  const labels = new Map(terms.map((t) => [t.id, t.label[lang]]));
  return {
    country: (code) => countryNames[code as CountryCode]?.[lang] ?? code,
    term: (id) => labels.get(id) ?? id,
    language: (code) => languageName(lang, code),
  };
}
