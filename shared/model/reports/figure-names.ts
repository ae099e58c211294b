import { languageName } from '../../languages';
import { countryName } from '../countries';
import type { FigureLang, FigureNames } from './figure';

interface TermLabel {
  id: string;
  label: { en: string; id: string };
}

/**
 * The names a figure's filters and rows are written with, in one language: countries from
 * shared/model/countries, expertise areas from the taxonomy's terms (taxonomy.list, or the
 * core's TaxonomyIndex.terms), languages from the platform's language names (shared/languages):
 * the names the app's screens use. Anything it does not know is shown by its code rather than
 * dropped, so a note never hides a filter.
 */
export function figureNames(lang: FigureLang, terms: readonly TermLabel[]): FigureNames {
  const labels = new Map(terms.map((t) => [t.id, t.label[lang]]));
  return {
    country: (code) => countryName(lang, code),
    term: (id) => labels.get(id) ?? id,
    language: (code) => languageName(lang, code),
  };
}
