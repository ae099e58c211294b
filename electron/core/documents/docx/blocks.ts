import { AlignmentType, BorderStyle, HeadingLevel, ImageRun, LineRuleType, PageBreak, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { imageInfo } from '../image';
import { barLength, chart, columnWidths, contentWidth, LINE, sizes, spacing, twips } from '../layout';
import { barValue, runsOf, type Block, type Inline } from '../model';
import { pictureOf, type BarPictures } from './bars';
import { colors, gap, hex, markOf, type DocxText } from './text';

/**
 * The DOCX's blocks, laid out as pdf/blocks.ts draws them: the same sizes and spacing, tables
 * with fixed columns whose rows do not split, bar charts as tables of pictures.
 */

const px = (pt: number) => Math.round((pt * 96) / 72);

export interface BlockContext {
  text: DocxText;
  bars: BarPictures;
  language: 'en' | 'id';
}

export function blockToDocx(b: Exclude<Block, { kind: 'toc' }>, c: BlockContext): (Paragraph | Table)[] {
  const body = { size: sizes.body, color: colors.text };
  switch (b.kind) {
    case 'heading': {
      const size = sizes.heading[b.level];
      return [
        new Paragraph({
          heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][b.level - 1],
          children: c.text.runs(b.text, { size, color: colors.heading, bold: true }),
          keepNext: true,
          pageBreakBefore: !!b.newPage,
          spacing: { before: twips(spacing.headingBefore), after: twips(spacing.headingAfter), line: twips(size * LINE), lineRule: LineRuleType.AT_LEAST },
        }),
      ];
    }
    case 'paragraph':
      return [c.text.para(b.text, body, { after: b.spaceAfter ?? spacing.after, align: b.align ?? 'left' })];
    case 'spacer':
      return [gap(b.height)];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'image':
      return image(b, c);
    case 'table':
      return [table(b, c), gap(spacing.after)];
    case 'barChart':
      return barChart(b, c);
  }
}

function image(b: Extract<Block, { kind: 'image' }>, c: BlockContext): Paragraph[] {
  const info = imageInfo(b.data);
  const width = Math.min(b.width, contentWidth);
  const height = (width * info.height) / info.width;
  const out: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: !!(b.caption || b.credit),
      spacing: { after: twips(4) },
      children: [new ImageRun({ type: info.type, data: Buffer.from(b.data), transformation: { width: px(width), height: px(height) }, ...(b.alt ? { altText: { name: 'Photo', description: b.alt, title: b.alt } } : {}) })],
    }),
  ];
  if (b.caption) out.push(c.text.para(b.caption, { size: sizes.caption, color: colors.muted, italic: true }, { align: 'center', keepNext: !!b.credit }));
  if (b.credit) out.push(c.text.para(b.credit, { size: sizes.credit, color: colors.muted }, { align: 'center' }));
  out.push(gap(spacing.after));
  return out;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: colors.rule };
const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };

function cell(width: number, children: Paragraph[], o: { header?: boolean; chart?: boolean } = {}): TableCell {
  const pad = twips(spacing.cellPadding);
  const chartBorders = { top: none, left: none, right: none, bottom: { style: BorderStyle.SINGLE, size: 4, color: hex(chart.rule) } };
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: pad, bottom: pad, left: pad, right: pad },
    borders: o.chart ? chartBorders : { top: border, bottom: border, left: border, right: border },
    ...(o.header ? { shading: { fill: colors.shade, type: ShadingType.CLEAR, color: 'auto' } } : {}),
    children,
  });
}

const cellSpacing = { before: 0, after: 0, line: twips(sizes.table * LINE), lineRule: LineRuleType.AT_LEAST };

function fixedTable(widths: number[], rows: TableRow[]): Table {
  return new Table({ width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows });
}

function table(b: Extract<Block, { kind: 'table' }>, c: BlockContext): Table {
  const widths = columnWidths(b.columns).map(twips);
  const size = b.size ?? sizes.table;
  const spacing = { ...cellSpacing, line: twips(size * LINE) };
  const row = (cells: Inline[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: widths.map((w, i) => cell(w, [new Paragraph({ children: c.text.runs(cells[i] ?? '', { size, color: colors.text, ...(header ? { bold: true } : {}) }), run: markOf(size), spacing })], { header })),
    });
  return fixedTable(widths, [...(b.header ? [row(b.header, true)] : []), ...b.rows.map((r) => row(r, false))]);
}

/** The caption with the source's footnote, then a table: label | the bar as a picture | value. */
function barChart(b: Extract<Block, { kind: 'barChart' }>, c: BlockContext): (Paragraph | Table)[] {
  const pts = columnWidths(chart.columns);
  const widths = pts.map(twips);
  const max = Math.max(0, ...b.rows.map((r) => r.value));
  const caption = [...runsOf(b.caption).map((r) => ({ ...r, bold: true })), ...(b.footnote ? [{ text: '', footnote: b.footnote }] : [])];
  const style = { size: sizes.table, color: colors.text };
  const mark = markOf(sizes.table);
  const rows = b.rows.map((r) => {
    const length = barLength(r.value, max, pts[1]! - 2 * spacing.cellPadding);
    const picture = length > 0 ? [new ImageRun({ type: 'png', data: pictureOf(c.bars, length), transformation: { width: px(length), height: px(chart.barHeight) } })] : [];
    return new TableRow({
      cantSplit: true,
      children: [
        cell(widths[0]!, [new Paragraph({ children: c.text.runs(r.label, style), run: mark, spacing: cellSpacing })], { chart: true }),
        cell(widths[1]!, [new Paragraph({ children: picture, run: mark, spacing: cellSpacing })], { chart: true }),
        cell(widths[2]!, [new Paragraph({ children: c.text.runs(barValue(r.value, c.language), style), run: mark, alignment: AlignmentType.RIGHT, spacing: cellSpacing })], { chart: true }),
      ],
    });
  });
  return [c.text.para(caption, { size: sizes.body, color: colors.text }, { after: chart.captionAfter, keepNext: true }), fixedTable(widths, rows), gap(spacing.after)];
}
