import { LeaderType, LineRuleType, TableOfContents, type Paragraph } from 'docx';
import { families } from '../fonts';
import { halfPoints, LINE, sizes, spacing, toc, twips } from '../layout';
import type { Block, TocEntry } from '../model';
import { colors, type DocxText } from './text';

/**
 * The DOCX's table of contents: a TOC field (Word's own, so "Update table" works) written with
 * its entries and page numbers already in it. LibreOffice does not compute a TOC field's page
 * numbers when it converts a DOCX (tried: the entries stay without numbers), so the numbers are
 * the PDF's (pdf/toc.ts), which lays the pages out alike.
 */

export function tocToDocx(b: Extract<Block, { kind: 'toc' }>, entries: TocEntry[], pages: number[] | undefined, text: DocxText, atTop: boolean): (Paragraph | TableOfContents)[] {
  const title = text.para([{ text: b.title, bold: true }], { size: sizes.tocTitle, color: colors.heading }, { before: atTop ? 0 : spacing.headingBefore, after: spacing.headingAfter, keepNext: true });
  if (!entries.length) return [title];
  const depth = b.depth ?? 2;
  return [
    title,
    new TableOfContents(b.title, {
      headingStyleRange: `1-${depth}`,
      cachedEntries: entries.map((e, i) => ({ title: e.text, level: e.level, ...(pages?.[i] ? { page: pages[i] } : {}) })),
      // Clean when the numbers are known: Word shows them as written and does not ask to update.
      beginDirty: !pages,
      tabLeader: LeaderType.DOT,
    }),
  ];
}

/**
 * The entries' paragraph styles (Word's "toc 1", "toc 2"), as the PDF draws them: level 1 bold,
 * level 2 indented; the Noto fonts for Latin and, as complex script, Thai.
 */
export const tocStyles = [1, 2].map((level) => ({
  id: `TOC${level}`,
  name: `toc ${level}`,
  basedOn: 'Normal',
  next: 'Normal',
  run: { font: { ascii: families.latin.name, hAnsi: families.latin.name, cs: families.thai.name, eastAsia: families.latin.name }, size: halfPoints(sizes.toc), sizeComplexScript: halfPoints(sizes.toc), bold: level === 1, color: colors.text },
  paragraph: { indent: { left: level === 1 ? 0 : twips(toc.indent) }, spacing: { before: 0, after: twips(toc.entryAfter), line: twips(sizes.toc * LINE), lineRule: LineRuleType.AT_LEAST } },
}));
