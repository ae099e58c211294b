import { countryNames, type CountryCode } from '../../../../../shared/model/countries';
import type { FigureNames } from '../../../../../shared/model/reports/figure';
import type { Quote, ReportPhoto } from '../../../../../shared/model/reports/parts';
import type { Block, Inline, Run } from '../../../documents/model';
import { dateText, locale } from '../../../documents/words';
import { reportTexts, type ReportLang, type ReportTexts } from './texts';

/**
 * What the case-study, story and compilation builders share: the sources they read names and
 * pictures from, and the small pieces every document is made of (paragraphs of a section,
 * quotes with their interview's footnote, photos with caption and credit, dates). Pure.
 */

/** An interview as a quote's footnote cites it (shared/model/reports/interview.ts). */
export interface InterviewSource {
  id: string;
  name: string;
  role: string;
  organisation: string;
  heldAt: number | null;
  consentToQuote: boolean;
  deletedAt: number | null;
}

/** Where a builder finds what a record only names: interviews, photo bytes, experts, terms. */
export interface BuildSources {
  interviews: ReadonlyMap<string, InterviewSource>;
  /** The stored photos' bytes (PNG or JPEG) by hash; a photo missing here is left out. */
  photos: ReadonlyMap<string, Uint8Array>;
  /** The expert's name as the directory shows it, or null when the expert is gone. */
  expertName(id: string): string | null;
  /** An expertise term's label in the language (the id itself when the taxonomy lost it). */
  termLabel(id: string, lang: ReportLang): string;
}

export interface BuildContext {
  lang: ReportLang;
  t: ReportTexts;
  src: BuildSources;
  /** The heading level of the document's own parts: 1 in a document of its own, 2 in a compilation. */
  level: 1 | 2;
  /** Figures are numbered through the whole file. */
  figures: { n: number };
}

export const context = (lang: ReportLang, src: BuildSources, level: 1 | 2 = 1, figures = { n: 0 }): BuildContext => ({ lang, t: reportTexts[lang], src, level, figures });

/** The template with each `{key}` replaced by its value; a value is never read as a template. */
export function fill(template: string, values: Record<string, string>): string {
  return template.split(/\{(\w+)\}/u).map((part, i) => (i % 2 === 0 ? part : (values[part] ?? `{${part}}`))).join('');
}

/** A 'YYYY-MM' month as "March 2024" / "Maret 2024". */
export const monthText = (month: string, lang: ReportLang) => {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, 1));
};

export function periodText(start: string | null, end: string | null, c: BuildContext): string {
  if (!start && !end) return c.t.none;
  return `${start ? monthText(start, c.lang) : '…'} – ${end ? monthText(end, c.lang) : c.t.openPeriod}`;
}

export const countriesText = (codes: readonly CountryCode[], c: BuildContext) => (codes.length ? codes.map((code) => countryNames[code][c.lang]).join(', ') : c.t.none);

export function expertsText(ids: readonly string[], c: BuildContext): string {
  if (!ids.length) return c.t.none;
  const names = ids.map((id) => c.src.expertName(id));
  const known = names.filter((n): n is string => !!n);
  const gone = names.length - known.length;
  return [...known, ...(gone ? [gone === 1 ? c.t.unknownExpert : `${gone} × ${c.t.unknownExpert}`] : [])].join('; ');
}

export const expertiseText = (ids: readonly string[], c: BuildContext) => (ids.length ? ids.map((id) => c.src.termLabel(id, c.lang)).join('; ') : c.t.none);

/** A two-column table of labels and values (the record's particulars). */
export const metaTable = (rows: [string, Inline][]): Block => ({ kind: 'table', columns: [3, 7], rows: rows.map(([label, value]) => [[{ text: label, bold: true }], value]) });

/**
 * A section's text as paragraphs: split on blank lines (a single line break stays one), never
 * read as markup. `scrub` replaces text that may not be shown (an anonymised beneficiary's name).
 */
export function paragraphs(text: string, scrub: (s: string) => string = (s) => s): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/u)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph', text: scrub(p) }));
}

export const heading = (c: BuildContext, text: string, deeper = 0): Block => ({ kind: 'heading', level: Math.min(3, c.level + deeper) as 1 | 2 | 3, text });

/** The footnote citing a quote's interview: who, role, organisation, when. */
export function interviewNote(i: InterviewSource, c: BuildContext): string {
  const values = { name: i.name, role: i.role || c.t.none, organisation: i.organisation || c.t.none, date: i.heldAt ? dateText(i.heldAt, c.lang) : '' };
  return fill(i.heldAt ? c.t.interviewNote : c.t.interviewNoteNoDate, values);
}

/**
 * A quote as its own paragraph: the words in quotation marks, then the speaker; a quote from an
 * interview carries the interview as a footnote. The export has checked consent already.
 */
export function quoteBlock(q: Quote, c: BuildContext, scrub: (s: string) => string = (s) => s): Block {
  const interview = q.interviewId ? c.src.interviews.get(q.interviewId) : undefined;
  const speaker: Run = { text: ` — ${scrub(q.speaker) || c.t.none}`, ...(interview ? { footnote: interviewNote(interview, c) } : {}) };
  return { kind: 'paragraph', text: [{ text: `“${scrub(q.text.trim())}”`, italic: true }, speaker] };
}

/** The record's photos that have stored bytes, each with its caption and credit. */
export function photoBlocks(photos: readonly ReportPhoto[], c: BuildContext): Block[] {
  const blocks: Block[] = [];
  for (const p of photos) {
    const data = c.src.photos.get(p.hash);
    if (!data) continue;
    blocks.push({ kind: 'image', data, width: 300, ...(p.caption ? { caption: p.caption } : {}), ...(p.credit ? { credit: fill(c.t.photoCredit, { credit: p.credit }) } : {}), ...(p.alt ? { alt: p.alt } : {}) });
  }
  return blocks.length ? [heading(c, c.t.photos), ...blocks] : [];
}

/**
 * Replaces every occurrence of a name (case-insensitive, as a whole word; inside a run of Thai,
 * Lao, Khmer or Myanmar, which has no spaces, wherever it occurs) with a stand-in, capitalised at
 * the start of a sentence: an anonymised story's beneficiary is never named in the document,
 * even where a curator wrote the name in a section.
 */
export function scrubber(name: string, standIn: string): (s: string) => string {
  const n = name.trim().normalize('NFC');
  if (n.length < 2) return (s) => s;
  const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const unspaced = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]/u.test(n);
  const pattern = new RegExp(unspaced ? escaped : `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
  const capital = standIn.charAt(0).toUpperCase() + standIn.slice(1);
  return (text) => {
    const s = text.normalize('NFC');
    return s.replace(pattern, (_m, offset: number) => (offset === 0 || /[.!?]\s+$|\n\s*$/u.test(s.slice(0, offset)) ? capital : standIn));
  };
}

/** How a figure's rows and filters are named in the document's language. */
export function figureNames(c: BuildContext): FigureNames {
  const languages = new Intl.DisplayNames([locale(c.lang)], { type: 'language', fallback: 'code' });
  return {
    country: (code) => countryNames[code as CountryCode]?.[c.lang] ?? code,
    term: (id) => c.src.termLabel(id, c.lang),
    language: (code) => languages.of(code) ?? code,
  };
}
