import type { Paragraph } from 'docx';
import { cover, sizes } from '../layout';
import type { Cover } from '../model';
import { colors, type DocxText } from './text';

/** The title page as pdf/cover.ts draws it: the same flow, sizes and gaps, in a section of its own. */
export function coverToDocx(title: string, c: Cover, text: DocxText): Paragraph[] {
  const lines = { size: sizes.cover.lines, color: colors.muted };
  const below = c.below ?? [];
  return [
    ...(c.above ?? []).map((line) => text.para(line, lines)),
    text.para([{ text: title, bold: true }], { size: sizes.cover.title, color: colors.heading }, { before: cover.gapAbove, after: cover.titleAfter, rule: { color: colors.heading, width: 1, space: 6 } }),
    ...(c.subtitle ?? []).map((line) => text.para(line, { size: sizes.cover.subtitle, color: colors.text }, { after: 2 })),
    ...below.map((line, i) => text.para(line, lines, i === 0 ? { before: cover.gapBelow } : {})),
  ];
}
