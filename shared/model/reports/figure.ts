import { z } from 'zod';
import { countryCodes } from '../countries';
import { idSchema } from '../expert';
import { taxonomyTermSchema } from '../taxonomy';
import { isLanguageCode } from '../../languages';
import { hasHiddenCharacters, hiddenCharactersMessage } from '../../text/hygiene';

/**
 * A figure in a case study or story: a snapshot of the directory *with its source* — what it
 * counts (the metric), the filters, when it was taken, and the counts then. A document shows
 * the numbers as they were when taken, never silently newer ones; refreshing computes it again
 * (figures.compute) and writes it back with a new takenAt. Pure TypeScript: the core, the
 * renderer and the document builders share it.
 */

export const figureMetrics = ['experts_by_country', 'experts_by_expertise', 'experts_by_language'] as const;
export type FigureMetric = (typeof figureMetrics)[number];

/** The directory facet each metric groups by (electron/core/services/experts/tags.ts TagFacet). */
export const metricFacet = { experts_by_country: 'country', experts_by_expertise: 'expertise', experts_by_language: 'language' } as const satisfies Record<FigureMetric, string>;

/** What a metric counts, in words, for the source note and the dialog. */
const metricNames: Record<FigureMetric, { en: string; id: string }> = {
  experts_by_country: { en: 'experts by country', id: 'pakar menurut negara' },
  experts_by_expertise: { en: 'experts by expertise area', id: 'pakar menurut bidang keahlian' },
  experts_by_language: { en: 'experts by language', id: 'pakar menurut bahasa' },
};

const figureCharts = ['bar', 'table'] as const;
export type FigureChartKind = (typeof figureCharts)[number];

/** At most this many rows are kept by name; the rest are summed into one "other" row. */
export const MAX_FIGURE_ROWS = 40;
/** The key of the "other" row: no country code, term id or language code can be it. */
export const OTHER_ROW_KEY = '~other';
export const MAX_FIGURE_TITLE = 200;

const unique = <T>(list: T[]) => new Set(list).size === list.length;

const termIdSchema = taxonomyTermSchema.shape.id;
const figureLanguageSchema = z.string().refine(isLanguageCode, { message: 'This is not a known language code.' });

/**
 * The directory's filters as a figure keeps them: the same ones the directory's search uses
 * (countries, expertise areas, languages), plus whether archived experts count (by default
 * they do not: a figure describes the pool as it is). Term ids are checked here for their form
 * and by figures.compute against the taxonomy (UNKNOWN_TERM): a figure taken under a term the
 * taxonomy later drops still reads.
 */
export const figureFiltersSchema = z.object({
  countries: z.array(z.enum(countryCodes)).max(countryCodes.length).refine(unique, { message: 'A country is listed twice.' }).optional(),
  expertise: z.array(termIdSchema).max(30).refine(unique, { message: 'An expertise area is listed twice.' }).optional(),
  languages: z.array(figureLanguageSchema).max(20).refine(unique, { message: 'A language is listed twice.' }).optional(),
  includeArchived: z.boolean().optional(),
});
export type FigureFilters = z.infer<typeof figureFiltersSchema>;

const plain = (field: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `The ${field} has at most ${max} characters.` })
    .refine((v) => !hasHiddenCharacters(v), { message: hiddenCharactersMessage(field) });

const figureRowSchema = z.object({
  key: z.string().min(1).max(60),
  label: plain('label', 200),
  count: z.number().int().min(0),
});
export type FigureRow = z.infer<typeof figureRowSchema>;

export const figureSchema = z.object({
  id: idSchema,
  metric: z.enum(figureMetrics),
  filters: figureFiltersSchema,
  title: plain('title', MAX_FIGURE_TITLE),
  chart: z.enum(figureCharts),
  /** When the counts were taken (ms since the epoch, UTC). */
  takenAt: z.number().int().min(0),
  /** Experts the filters select (one expert may count in several rows of a multi-valued metric). */
  total: z.number().int().min(0),
  rows: z
    .array(figureRowSchema)
    .max(MAX_FIGURE_ROWS + 1)
    .refine((rows) => rows.filter((r) => r.key !== OTHER_ROW_KEY).length <= MAX_FIGURE_ROWS, { message: `A figure has at most ${MAX_FIGURE_ROWS} rows and one "other" row.` })
    .refine((rows) => rows.every((r, i) => r.key !== OTHER_ROW_KEY || i === rows.length - 1), { message: 'The "other" row comes last.' })
    .refine((rows) => unique(rows.map((r) => r.key)), { message: 'A row is listed twice.' }),
  /** The section field the figure follows in the document (e.g. 's_results'). */
  section: z.string().regex(/^s_[A-Za-z]{1,40}$/, { message: 'This is not a section of a report.' }),
});
export type Figure = z.infer<typeof figureSchema>;

/**
 * The rows of a figure from every value's count: largest first (then by label), the first
 * MAX_FIGURE_ROWS by name, the rest summed into one "other" row; values counted 0 are left out.
 */
export function figureRows(counts: readonly FigureRow[], otherLabel: string, max = MAX_FIGURE_ROWS): FigureRow[] {
  const sorted = counts.filter((r) => r.count > 0).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
  if (sorted.length <= max) return sorted;
  const rest = sorted.slice(max).reduce((sum, r) => sum + r.count, 0);
  return [...sorted.slice(0, max), { key: OTHER_ROW_KEY, label: otherLabel, count: rest }];
}

export type FigureLang = 'en' | 'id';

/** How the caller names what a figure's filters and rows hold, in the note's language. */
export interface FigureNames {
  country(code: string): string;
  term(id: string): string;
  language(code: string): string;
}

const words = {
  en: {
    source: 'Source: A-EXPECS directory',
    filters: 'filters',
    country: 'country',
    expertise: 'expertise area',
    language: 'language',
    or: 'or',
    active: 'active experts only',
    archived: 'archived experts included',
    taken: 'taken',
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    timeSep: ':',
    other: 'Other',
  },
  id: {
    source: 'Sumber: direktori A-EXPECS',
    filters: 'filter',
    country: 'negara',
    expertise: 'bidang keahlian',
    language: 'bahasa',
    or: 'atau',
    active: 'hanya pakar aktif',
    archived: 'termasuk pakar yang diarsipkan',
    taken: 'diambil',
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
    timeSep: '.',
    other: 'Lainnya',
  },
} as const;

/** The label of the "other" row in a language. */
export const otherRowLabel = (lang: FigureLang): string => words[lang].other;

/** "29 Nov 2026 14:02 UTC" (EN) / "29 Nov 2026 14.02 UTC" (ID): written out, not left to the platform's locale data. */
export function figureTakenAt(takenAt: number, lang: FigureLang): string {
  const d = new Date(takenAt);
  const w = words[lang];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${w.months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}${w.timeSep}${two(d.getUTCMinutes())} UTC`;
}

/** The filters in words: "country Thailand or Viet Nam, language Thai, active experts only". */
function figureFiltersText(filters: FigureFilters, lang: FigureLang, names: FigureNames): string {
  const w = words[lang];
  const list = (values: readonly string[], name: (v: string) => string) => {
    const named = values.map(name);
    return named.length < 2 ? named.join('') : `${named.slice(0, -1).join(', ')} ${w.or} ${named[named.length - 1]}`;
  };
  const parts: string[] = [];
  if (filters.countries?.length) parts.push(`${w.country} ${list(filters.countries, (c) => names.country(c))}`);
  if (filters.expertise?.length) parts.push(`${w.expertise} ${list(filters.expertise, (t) => names.term(t))}`);
  if (filters.languages?.length) parts.push(`${w.language} ${list(filters.languages, (l) => names.language(l))}`);
  parts.push(filters.includeArchived ? w.archived : w.active);
  return parts.join(', ');
}

/**
 * The source note every shown and exported figure carries: what it counts, the filters, and
 * when it was taken, e.g. "Source: A-EXPECS directory, experts by country; filters: country
 * Thailand or Viet Nam, active experts only; taken 29 Nov 2026 14:02 UTC."
 */
export function figureSourceNote(figure: Pick<Figure, 'metric' | 'filters' | 'takenAt'>, lang: FigureLang, names: FigureNames): string {
  const w = words[lang];
  return `${w.source}, ${metricNames[figure.metric][lang]}; ${w.filters}: ${figureFiltersText(figure.filters, lang, names)}; ${w.taken} ${figureTakenAt(figure.takenAt, lang)}.`;
}

/** The figure's rows named in another language (a document exported in ID from a figure taken in EN). */
export function relabelFigureRows(figure: Pick<Figure, 'metric' | 'rows'>, lang: FigureLang, names: FigureNames): FigureRow[] {
  const name = { experts_by_country: names.country, experts_by_expertise: names.term, experts_by_language: names.language }[figure.metric];
  return figure.rows.map((r) => ({ ...r, label: r.key === OTHER_ROW_KEY ? otherRowLabel(lang) : name(r.key) }));
}
