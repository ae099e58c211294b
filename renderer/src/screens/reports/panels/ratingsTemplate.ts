import Papa from 'papaparse';
import { characteristics, criterionNames, dimensions, ratingNames, ratings, sectionsOf, type Criterion } from '../../../../../shared/model/reports';
import type { Locale } from '../../../i18n';
import type { FileOut } from '../../../lib/saveFile';
import { ratingOf, type ReportRecord } from './model';

/**
 * The evaluation sheet a curator fills in and imports (reports.importRatings): a header and one
 * row per criterion of the record's type, holding the ratings as they are now. Pre-filled, not
 * blank, because the import writes every row it reads: a blank row would clear a rating already
 * given. Words are the ones the importer reads (shared/model/reports/ratings-import.ts): the
 * names in the curator's language, and the sections by their short names.
 */

const headers: Record<Locale, string[]> = {
  en: ['criterion', 'rating', 'evidence', 'sections'],
  id: ['kriteria', 'penilaian', 'bukti', 'bagian'],
};

/** The criteria a record of this type is rated on, in the order the screens show them. */
export const criteriaOf = (type: ReportRecord['type']): readonly Criterion[] => (type === 'case_study' ? [...characteristics, ...dimensions] : characteristics);

/** A section's name in a sheet: the field without its prefix ("results" for s_results). */
export const sectionShortName = (section: string) => section.slice(2);

export const sectionShortNames = (type: ReportRecord['type']) => sectionsOf[type].map(sectionShortName);

export function ratingsTemplateCsv(report: ReportRecord, locale: Locale): string {
  const rows = criteriaOf(report.type).map((c) => {
    const value = ratingOf(report, `r_${c}`);
    return [criterionNames[c][locale], value.rating ? ratingNames[value.rating][locale] : '', value.evidence, value.sections.map(sectionShortName).join(', ')];
  });
  // CRLF and a byte order mark: Excel on Windows then opens the UTF-8 text with its accents intact.
  return `\uFEFF${Papa.unparse({ fields: headers[locale], data: rows }, { newline: '\r\n' })}\r\n`;
}

/** The template as a file to save (lib/saveFile), named after the record. */
export function ratingsTemplateFile(report: ReportRecord, locale: Locale): FileOut {
  const bytes = new TextEncoder().encode(ratingsTemplateCsv(report, locale));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const stem = (report.fields.title || 'report')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return { fileName: `${stem || 'report'}-${locale === 'id' ? 'penilaian' : 'ratings'}.csv`, mime: 'text/csv', dataBase64: btoa(binary) };
}

/** Every name the importer accepts for a criterion or rating, in the curator's language, with the short name. */
export const acceptedCriteria = (type: ReportRecord['type'], locale: Locale) => criteriaOf(type).map((c) => ({ key: c, name: criterionNames[c][locale] }));
export const acceptedRatings = (locale: Locale) => ratings.map((r) => ({ key: r, name: ratingNames[r][locale] }));
