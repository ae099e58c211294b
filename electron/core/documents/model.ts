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

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: Inline }
  | { kind: 'paragraph'; text: Inline; align?: 'left' | 'right' | 'center' | 'justify'; spaceAfter?: number }
  | { kind: 'table'; columns: number[]; header?: Inline[]; rows: Inline[][] }
  | { kind: 'image'; data: Uint8Array; width: number; caption?: Inline }
  | { kind: 'spacer'; height: number }
  | { kind: 'pageBreak' };

export interface DocumentModel {
  /** The document's title: shown first, large, and written into the file's properties. */
  title: string;
  /** Lines of letterhead or cover text above the title, on the first page only. */
  letterhead?: Inline[];
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
