import { contentWidth, sizes, spacing, toc } from '../layout';
import type { Block, TocEntry } from '../model';
import type { Line } from './inline';
import { colors, type PdfWriter } from './render';

/**
 * The PDF's table of contents, in one pass: the entries are drawn where the toc block stands
 * (their text is known; they take the same room whatever the numbers), each entry's last line is
 * remembered, and once every heading is placed its page number and a dotted leader are drawn on
 * that line (`fillToc`).
 */

export interface TocSlot {
  pageIndex: number;
  level: number;
  /** The top of the entry's last line, and where its text starts. */
  top: number;
  x: number;
  line: Line;
}

export function drawToc(w: PdfWriter, b: Extract<Block, { kind: 'toc' }>, entries: TocEntry[]): TocSlot[] {
  if (!w.atTop()) w.y += Math.max(0, spacing.headingBefore - w.lastAfter);
  w.paragraph([{ text: b.title, bold: true }], sizes.tocTitle, colors.heading, 'left', spacing.headingAfter);
  return entries.map((e) => {
    const indent = e.level === 1 ? 0 : toc.indent;
    const lines = w.lines([{ text: e.text, bold: e.level === 1 }], sizes.toc, contentWidth - indent - toc.numberWidth);
    w.placeLines(lines, w.x + indent, contentWidth - indent - toc.numberWidth, 'left', colors.text);
    const line = lines[lines.length - 1]!;
    const slot = { pageIndex: w.pageIndex, level: e.level, top: w.y - line.height, x: w.x + indent, line };
    w.y += toc.entryAfter;
    w.lastAfter = toc.entryAfter;
    return slot;
  });
}

/** Draws each entry's page number at the right, with dots leading to it. */
export function fillToc(w: PdfWriter, slots: TocSlot[], pages: number[]): void {
  const { start } = w.doc.bufferedPageRange();
  slots.forEach((slot, i) => {
    w.doc.switchToPage(start + slot.pageIndex);
    const number = w.lines([{ text: String(pages[i]), bold: slot.level === 1 }], sizes.toc, toc.numberWidth)[0]!;
    const right = w.x + contentWidth;
    w.drawLine(number, right - toc.numberWidth, slot.top, toc.numberWidth, 'right', colors.text);
    const from = slot.x + slot.line.width + 4;
    const to = right - number.width - 4;
    if (to - from < 6) return;
    const y = slot.top + slot.line.baseline - 1;
    w.doc.save().moveTo(from, y).lineTo(to, y).lineWidth(0.9).lineCap('round').dash(0.01, { space: 3 }).strokeColor(colors.muted).stroke().undash().restore();
  });
}
