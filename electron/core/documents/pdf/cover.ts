import { cover, contentWidth, sizes } from '../layout';
import { runsOf, type Cover } from '../model';
import { colors, type PdfWriter } from './render';

/**
 * The title page (model.ts Cover), drawn as a flow the DOCX repeats with the same spaces: the
 * lines above, a gap, the title large with a rule under it, the subtitle, a gap, the lines below.
 */
export function drawCover(w: PdfWriter, title: string, c: Cover): void {
  for (const line of c.above ?? []) w.paragraph(line, sizes.cover.lines, colors.muted, 'left', 0);
  w.y += cover.gapAbove;
  w.paragraph([{ text: title, bold: true }], sizes.cover.title, colors.heading, 'left', 0);
  w.y += 6;
  w.doc.save().moveTo(w.x, w.y).lineTo(w.x + contentWidth, w.y).lineWidth(1).strokeColor(colors.heading).stroke().restore();
  w.y += cover.titleAfter;
  for (const line of c.subtitle ?? []) w.paragraph(line, sizes.cover.subtitle, colors.text, 'left', 2);
  w.y += cover.gapBelow;
  for (const line of c.below ?? []) w.paragraph(runsOf(line), sizes.cover.lines, colors.muted, 'left', 0);
}
