/**
 * One page layout for both formats, in points (1/72 inch): the PDF draws with these numbers,
 * the DOCX states them in its own units (twentieths of a point, half-points), so the two come
 * out alike: A4, 25 mm margins, Noto Sans 11 pt, the same spacing around every block.
 */

export const MM = 72 / 25.4;

export const page = {
  width: 595.28,
  height: 841.89,
  margin: 25 * MM,
  /** From the page's top edge to the header's text, and from the bottom edge to the footer's. */
  headerFromEdge: 12 * MM,
} as const;

export const contentWidth = page.width - 2 * page.margin;

export const sizes = {
  body: 11,
  title: 18,
  heading: { 1: 15, 2: 13, 3: 11.5 } as Record<1 | 2 | 3, number>,
  letterhead: 10,
  header: 8.5,
  footnote: 8.5,
  table: 10,
  caption: 9,
  credit: 8,
  cover: { title: 26, subtitle: 14, lines: 11 },
  tocTitle: 15,
  toc: 11,
} as const;

/** Line height as a multiple of the font size ("at least": taller scripts get taller lines). */
export const LINE = 1.35;

export const spacing = {
  /** After a paragraph, a table or an image. */
  after: 7,
  /** Before and after a heading. */
  headingBefore: 12,
  headingAfter: 5,
  titleAfter: 12,
  letterheadAfter: 14,
  /** Inside a table cell, on every side. */
  cellPadding: 4,
  /** Between the text and the footnotes at the foot of a page. */
  footnotesGap: 8,
} as const;

/** Points to the DOCX's twentieths of a point (twips). */
export const twips = (pt: number) => Math.round(pt * 20);
/** Points to the DOCX's half-points (font sizes). */
export const halfPoints = (pt: number) => Math.round(pt * 2);

/** The title page (model.ts Cover): a flow of blocks, so both formats place it alike. */
export const cover = {
  /** Between the lines above the title and the title. */
  gapAbove: 190,
  /** Between the subtitle and the lines at the foot. */
  gapBelow: 300,
  /** Under the title's rule. */
  titleAfter: 14,
} as const;

/** Tables of contents: a level-2 entry is indented; the page number has a column of its own. */
export const toc = {
  indent: 14,
  numberWidth: 30,
  entryAfter: 3,
} as const;

/** Bar charts (the barChart block): columns label | bar | value as parts of the width. */
export const chart = {
  columns: [36, 49, 15] as const,
  barHeight: 8,
  color: '#4A78A8',
  rule: '#D5D5D5',
  captionAfter: 4,
} as const;

/** The widths in points of columns given as parts (a table's or a chart's). */
export const columnWidths = (parts: readonly number[]): number[] => {
  const total = parts.reduce((a, c) => a + c, 0);
  return parts.map((c) => (c / total) * contentWidth);
};

/** A bar's length in points: its share of the largest value, of the room the bar column gives. */
export const barLength = (value: number, max: number, room: number): number => (max > 0 && value > 0 ? (value / max) * room : 0);
