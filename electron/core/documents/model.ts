/**
 * The document model both renderers draw (pdf/, docx/): small on purpose, so a DOCX and a PDF
 * of the same document are laid out alike. Text is data: a run's text is written as text in
 * both formats, never read as markup, so whatever an applicant typed shows as typed.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Marks a footnote reference after this run: the note's text, numbered in order of appearance. */
  footnote?: string;
}

/** A paragraph's text: one plain string, or runs with their own emphasis. */
export type Inline = string | Run[];

/** One bar of a bar chart: a label (real text in both formats) and a value ≥ 0. */
export interface BarRow {
  label: string;
  value: number;
}

export type Block =
  /** `newPage`: the heading starts a new page (a document of a compilation). */
  | { kind: 'heading'; level: 1 | 2 | 3; text: Inline; newPage?: boolean }
  | { kind: 'paragraph'; text: Inline; align?: 'left' | 'right' | 'center' | 'justify'; spaceAfter?: number }
  /** `size`: the text's size in points when not the tables' usual (a wide table of short values). */
  | { kind: 'table'; columns: number[]; header?: Inline[]; rows: Inline[][]; size?: number }
  /** A photo or picture; the credit (who took it) goes under the caption, smaller; `alt` describes it (DOCX). */
  | { kind: 'image'; data: Uint8Array; width: number; caption?: Inline; credit?: Inline; alt?: string }
  /**
   * A horizontal bar chart drawn as a grid, label | bar | value, alike in both formats: the PDF
   * draws the bars as vector rectangles, the DOCX as pictures in a table. The caption is its
   * title, above it; the footnote (the figure's source) is referenced from the caption.
   */
  | { kind: 'barChart'; rows: BarRow[]; caption: Inline; footnote?: string }
  /**
   * A table of contents: the headings after it, of level ≤ depth (default 2), with the page each
   * starts on. The title ("Contents") is not itself an entry.
   */
  | { kind: 'toc'; title: string; depth?: 1 | 2 }
  | { kind: 'spacer'; height: number }
  | { kind: 'pageBreak' };

/**
 * A title page: the document's title large, lines above it (the organisation), below it (a
 * subtitle) and at its foot (date, edition). It has no header or footer; the body starts on the
 * next page and does not repeat the title. It counts as page 1.
 */
export interface Cover {
  above?: Inline[];
  subtitle?: Inline[];
  below?: Inline[];
}

export interface DocumentModel {
  /** The document's title: shown first, large, and written into the file's properties. */
  title: string;
  /** Lines of letterhead or cover text above the title, on the first page only. */
  letterhead?: Inline[];
  /** A title page before everything else (letterhead and title are then not drawn on the body's first page). */
  cover?: Cover;
  /** Text at the top of every page (left), e.g. the document's short title. */
  header?: string;
  /** Text at the foot of every page (left); the page number ("Page 2 of 3") is at the right. */
  footer?: string;
  /** How "Page {n} of {total}" reads in the document's language: the words around the numbers. */
  pageLabel?: { page: string; of: string };
  blocks: Block[];
  /** For the file's properties. */
  author?: string;
  language?: 'en' | 'id';
}

/** The runs of an inline value (a plain string is one run). */
export const runsOf = (text: Inline): Run[] => (typeof text === 'string' ? [{ text }] : text);

/** The plain text of an inline value, e.g. for a file property or a test. */
export const plainText = (text: Inline): string => runsOf(text).map((r) => r.text).join('');

/** A table of contents' entry: the heading block it lists (its index in `blocks`), its level and text. */
export interface TocEntry {
  block: number;
  level: 1 | 2 | 3;
  text: string;
}

/**
 * The entries of the document's table of contents (its first toc block): the headings after it,
 * of level ≤ its depth. Both renderers list these, so the PDF's page numbers can be written into
 * the DOCX.
 */
export function tocEntries(model: DocumentModel): TocEntry[] {
  const at = model.blocks.findIndex((b) => b.kind === 'toc');
  if (at < 0) return [];
  const toc = model.blocks[at] as Extract<Block, { kind: 'toc' }>;
  const depth = toc.depth ?? 2;
  const out: TocEntry[] = [];
  model.blocks.forEach((b, i) => {
    if (i > at && b.kind === 'heading' && b.level <= depth) out.push({ block: i, level: b.level, text: plainText(b.text) });
  });
  return out;
}

/** A bar's value as both renderers write it, grouped in the document's language ("1,234" / "1.234"). */
const numberFormats = { en: new Intl.NumberFormat('en-GB'), id: new Intl.NumberFormat('id-ID') };
export const barValue = (value: number, language: 'en' | 'id' = 'en'): string => numberFormats[language].format(value);
