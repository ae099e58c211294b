import { imageInfo } from '../image';
import { barLength, chart, columnWidths, contentWidth, sizes, spacing } from '../layout';
import { barValue, runsOf, type Block, type Inline } from '../model';
import { colors, type PdfWriter } from './render';

/**
 * The PDF's tables, images and bar charts, drawn at the writer's cursor; each moves to a new
 * page where it does not fit, as LibreOffice moves the DOCX's (rows do not split).
 */

type Table = Extract<Block, { kind: 'table' }>;
type Image = Extract<Block, { kind: 'image' }>;
type BarChart = Extract<Block, { kind: 'barChart' }>;

/**
 * The space after a table, picture or chart. The DOCX writes it as an empty paragraph of its
 * own (docx/text.ts gap), so a heading's space before adds to it rather than overlapping it.
 */
const finish = (w: PdfWriter) => {
  w.y += spacing.after;
  w.lastAfter = 0;
};

export function drawTable(w: PdfWriter, b: Table): void {
  const widths = columnWidths(b.columns);
  const pad = spacing.cellPadding;
  const row = (cells: Inline[], header: boolean) => {
    const laid = widths.map((cw, i) => w.lines(runsOf(cells[i] ?? '').map((r) => (header ? { ...r, bold: true } : r)), b.size ?? sizes.table, cw - 2 * pad));
    const height = Math.max(...laid.map((ls) => ls.reduce((h, l) => h + l.height, 0))) + 2 * pad;
    return { laid, height, header };
  };
  const draw = (r: ReturnType<typeof row>) => {
    let cx = w.x;
    r.laid.forEach((lines, i) => {
      const cw = widths[i]!;
      if (r.header) w.doc.save().rect(cx, w.y, cw, r.height).fill(colors.shade).restore();
      w.doc.save().rect(cx, w.y, cw, r.height).lineWidth(0.5).strokeColor(colors.rule).stroke().restore();
      let ly = w.y + pad;
      for (const line of lines) {
        w.drawLine(line, cx + pad, ly, cw - 2 * pad, 'left', colors.text);
        ly += line.height;
      }
      cx += cw;
    });
    w.y += r.height;
  };
  const head = b.header ? row(b.header, true) : null;
  if (head) {
    if (w.y + head.height * 2 > w.bottom() && !w.atTop()) w.newPage();
    draw(head);
  }
  for (const cells of b.rows) {
    const r = row(cells, false);
    if (w.y + r.height > w.bottom() && !w.atTop()) {
      w.newPage();
      if (head) draw(head); // the header row repeats on every page, as in the DOCX
    }
    draw(r);
  }
  finish(w);
}

export function drawImage(w: PdfWriter, b: Image): void {
  const info = imageInfo(b.data);
  const width = Math.min(b.width, contentWidth);
  const height = (width * info.height) / info.width;
  if (w.y + height > w.bottom() && !w.atTop()) w.newPage();
  w.doc.image(Buffer.from(b.data), w.x + (contentWidth - width) / 2, w.y, { width, height });
  w.y += height + 4;
  if (b.caption) w.paragraph(runsOf(b.caption).map((r) => ({ ...r, italic: true })), sizes.caption, colors.muted, 'center', 0);
  if (b.credit) w.paragraph(b.credit, sizes.credit, colors.muted, 'center', 0);
  finish(w);
}

/**
 * The caption (bold, with the source's footnote), then a row per bar: the label wrapped in its
 * column, the bar from the left of its column, as long as its share of the largest value, its
 * bottom on the baseline of a line of digits (where the DOCX's inline picture sits), the value right.
 */
export function drawBarChart(w: PdfWriter, b: BarChart): void {
  const [labelW, barW, valueW] = columnWidths(chart.columns) as [number, number, number];
  const pad = spacing.cellPadding;
  const max = Math.max(0, ...b.rows.map((r) => r.value));
  const caption = [...runsOf(b.caption).map((r) => ({ ...r, bold: true })), ...(b.footnote ? [{ text: '', footnote: b.footnote }] : [])];
  const rows = b.rows.map((r) => {
    const label = w.lines(r.label, sizes.table, labelW - 2 * pad);
    const value = w.lines(barValue(r.value, w.language), sizes.table, valueW - 2 * pad);
    const height = Math.max(...[label, value].map((ls) => ls.reduce((h, l) => h + l.height, 0))) + 2 * pad;
    return { row: r, label, value, height };
  });
  // Keep the caption with the first two bars.
  const captionHeight = w.lines(b.caption, sizes.body, contentWidth).reduce((h, l) => h + l.height, 0);
  const firstRows = rows.slice(0, 2).reduce((h, r) => h + r.height, 0);
  if (!w.atTop() && w.y + captionHeight + chart.captionAfter + firstRows > w.bottom()) w.newPage();
  w.paragraph(caption, sizes.body, colors.text, 'left', chart.captionAfter);
  for (const r of rows) {
    if (w.y + r.height > w.bottom() && !w.atTop()) w.newPage();
    let ly = w.y + pad;
    for (const line of r.label) {
      w.drawLine(line, w.x + pad, ly, labelW - 2 * pad, 'left', colors.text);
      ly += line.height;
    }
    // The value is digits (Latin): its line's baseline is the one the DOCX's bar cell has.
    const base = r.value[0]!.baseline;
    const length = barLength(r.row.value, max, barW - 2 * pad);
    if (length > 0) w.doc.save().rect(w.x + labelW + pad, w.y + pad + base - chart.barHeight, length, chart.barHeight).fill(chart.color).restore();
    w.drawLine(r.value[0]!, w.x + labelW + barW + pad, w.y + pad, valueW - 2 * pad, 'right', colors.text);
    w.y += r.height;
    w.doc.save().moveTo(w.x, w.y).lineTo(w.x + contentWidth, w.y).lineWidth(0.5).strokeColor(chart.rule).stroke().restore();
  }
  finish(w);
}
