import PDFDocument from 'pdfkit';
import { fontBytes } from '../fonts';
import { imageInfo } from '../image';
import { contentWidth, page, sizes, spacing } from '../layout';
import { runsOf, tocEntries, type Block, type DocumentModel, type Inline } from '../model';
import { drawBarChart, drawImage, drawTable } from './blocks';
import { drawCover } from './cover';
import { keepParsed, reuseParsed, widths } from './font-cache';
import { layoutLines, piecesOf, type Features, type Line, type Measure } from './inline';
import { seedThai } from './thai';
import { drawToc, fillToc, type TocSlot } from './toc';

/**
 * Renders a document model to PDF with pdfkit: A4, the layout of ../layout.ts, the Noto fonts
 * embedded as subsets (pdfkit shapes with fontkit, so Thai marks, Khmer subscripts and Myanmar
 * reordering come out right). Footnotes go to the foot of the page their reference is on;
 * header, footer and "Page n of N" are drawn once every page exists.
 */

export const colors = { text: '#111111', heading: '#1F3A5F', muted: '#555555', rule: '#8A8A8A', shade: '#EEEEEE' };

export type Align = 'left' | 'right' | 'center' | 'justify';

/** pdfkit passes features to fontkit, which takes a list or on/off by name; pdfkit's types know only the list. */
const openType = (f: Features) => f as PDFKit.Mixins.OpenTypeFeatures[];

/** The PDF, its number of pages, and the page (from 1, the cover counted) each table-of-contents entry starts on (model.ts tocEntries). */
export interface LaidOutPdf {
  bytes: Buffer;
  pages: number;
  tocPages: number[];
}

export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  return (await layoutPdf(model)).bytes;
}

export function layoutPdf(model: DocumentModel): Promise<LaidOutPdf> {
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margins: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin },
    bufferPages: true,
    // No default font: pdfkit would parse one (Helvetica's metrics) that no text uses.
    font: null as unknown as string,
    lang: model.language ?? 'en',
    displayTitle: true,
    info: { Title: model.title, Author: model.author ?? '', Creator: 'A-EXPECS Curator' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const writer = new PdfWriter(doc, model);
  const tocPages = writer.write();
  const pages = doc.bufferedPageRange().count;
  doc.end();
  return done.then((bytes) => ({ bytes, pages, tocPages }));
}

/** Draws the model page by page; the block drawers (blocks.ts, toc.ts, cover.ts) use its cursor and line tools. */
export class PdfWriter {
  private readonly registered = new Set<string>();
  y = page.margin;
  /** The page being drawn, from 0. */
  pageIndex = 0;
  /**
   * The space left after the block above. A heading's space before is not added to it: the larger
   * of the two separates them, as LibreOffice lays out the DOCX.
   */
  lastAfter = 0;
  private readonly notes: string[] = [];
  private pageNotes: Line[][] = [];
  readonly x = page.margin;
  readonly measure: Measure;
  /** The page index each heading block (by its index in model.blocks) was drawn on. */
  private readonly headingPages = new Map<number, number>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly model: DocumentModel,
  ) {
    this.measure = {
      width: (text, face, size, features) => {
        // Shaped widths scale with the size: kept per 1 pt, across documents (letters repeat their words).
        const key = `${face}|${features ? JSON.stringify(features) : ''}|${text}`;
        let unit = widths.get(key);
        if (unit === undefined) {
          unit = this.use(face, 1).widthOfString(text, features ? { features: openType(features) } : {});
          if (widths.size >= 50_000) widths.clear();
          widths.set(key, unit);
        }
        return unit * size;
      },
      metrics: (face, size) => {
        const font = (this.use(face, size) as unknown as { _font: { ascender: number; descender: number } })._font;
        return { ascent: (font.ascender / 1000) * size, descent: (-font.descender / 1000) * size };
      },
    };
  }

  private use(face: string, size: number): PDFKit.PDFDocument {
    const first = !this.registered.has(face);
    if (first) {
      if (!reuseParsed(this.doc, face)) this.doc.registerFont(face, fontBytes(face));
      this.registered.add(face);
    }
    this.doc.font(face).fontSize(size);
    keepParsed(this.doc, face);
    if (first) seedThai(this.doc, face);
    return this.doc;
  }

  /** Draws everything; returns the page (from 1) of each table-of-contents entry. */
  write(): number[] {
    const m = this.model;
    if (m.cover) {
      drawCover(this, m.title, m.cover);
      this.newPage();
    } else this.titleBlock();
    const entries = tocEntries(m);
    let slots: TocSlot[] = [];
    m.blocks.forEach((block, i) => {
      if (block.kind === 'toc') slots = drawToc(this, block, entries);
      else this.block(block, i, m.blocks[i + 1]);
    });
    this.drawNotes();
    const pages = entries.map((e) => (this.headingPages.get(e.block) ?? 0) + 1);
    fillToc(this, slots, pages);
    this.decoratePages();
    return pages;
  }

  private titleBlock(): void {
    const m = this.model;
    if (m.letterhead?.length) {
      for (const line of m.letterhead) this.paragraph(line, sizes.letterhead, colors.muted, 'left', 0);
      this.y += 4;
      this.doc.save().moveTo(this.x, this.y).lineTo(this.x + contentWidth, this.y).lineWidth(0.75).strokeColor(colors.rule).stroke().restore();
      this.y += spacing.letterheadAfter;
    }
    this.paragraph([{ text: m.title, bold: true }], sizes.title, colors.heading, 'left', spacing.titleAfter);
  }

  lines(text: Inline, size: number, width: number): Line[] {
    const items = piecesOf(runsOf(text), size, this.measure, (note) => this.notes.push(note));
    return layoutLines(items, width, size, this.measure);
  }

  bottom(): number {
    const notes = this.pageNotes.flat();
    return page.height - page.margin - (notes.length ? spacing.footnotesGap + notes.reduce((h, l) => h + l.height, 0) : 0);
  }

  newPage(): void {
    this.drawNotes();
    this.doc.addPage();
    this.pageIndex++;
    this.y = page.margin;
    this.lastAfter = 0;
    this.pageNotes = [];
  }

  /** Places lines from the cursor down, moving to a new page where one does not fit with its footnotes. */
  placeLines(lines: Line[], x: number, width: number, align: Align, color: string): void {
    const breakAt = this.widowSafeBreak(lines);
    lines.forEach((line, i) => {
      if (i === breakAt) this.newPage();
      const notes = line.notes.map((n) => this.lines([{ text: `${n}  ${this.notes[n - 1]}` }], sizes.footnote, contentWidth));
      const extra = notes.flat().reduce((h, l) => h + l.height, 0) + (notes.length && !this.pageNotes.length ? spacing.footnotesGap : 0);
      if (this.y + line.height + extra > this.bottom() && this.y > page.margin) this.newPage();
      this.drawLine(line, x, this.y, width, align === 'justify' && i === lines.length - 1 ? 'left' : align, color);
      this.y += line.height;
      this.pageNotes.push(...notes);
    });
  }

  /**
   * Where a paragraph that runs over the page should break so that neither page holds a single
   * line of it (widow and orphan control, on in Word and LibreOffice): the index of the first
   * line to put on the next page, or -1 when it fits or cannot be helped.
   */
  private widowSafeBreak(lines: Line[]): number {
    if (lines.length < 2) return -1;
    let fit = 0;
    for (let y = this.y; fit < lines.length && y + lines[fit]!.height <= this.bottom(); fit++) y += lines[fit]!.height;
    if (fit === 0 || fit === lines.length) return -1;
    if (fit === 1) return this.y > page.margin ? 0 : -1; // an orphan: the paragraph starts on the next page
    if (lines.length - fit === 1) return lines.length >= 3 ? fit - 1 : 0; // a widow: one more line goes over
    return -1;
  }

  drawLine(line: Line, x: number, top: number, width: number, align: Align, color: string): void {
    const spaces = line.pieces.filter((p) => p.space).length;
    const free = width - line.width;
    let cx = x + (align === 'center' ? free / 2 : align === 'right' ? free : 0);
    const stretch = align === 'justify' && spaces ? free / spaces : 0;
    for (const p of line.pieces) {
      if (!p.space) {
        this.use(p.face, p.size).fillColor(color).text(p.text, cx, top + line.baseline - p.rise, { lineBreak: false, baseline: 'alphabetic', ...(p.features ? { features: openType(p.features) } : {}) });
      }
      cx += p.width + (p.space ? stretch : 0);
    }
  }

  paragraph(text: Inline, size: number, color: string, align: Align, after: number): void {
    this.placeLines(this.lines(text, size, contentWidth), this.x, contentWidth, align, color);
    this.y += after;
    this.lastAfter = after;
  }

  get language(): 'en' | 'id' {
    return this.model.language ?? 'en';
  }

  /** Whether nothing is drawn on this page yet. */
  atTop(): boolean {
    return this.y <= page.margin;
  }

  /**
   * The room the start of a block needs below a heading, so the heading is not left alone at the
   * foot of a page (LibreOffice keeps a DOCX heading with its next paragraph, whole if short):
   * a picture whole, a chart's caption and two bars, a table's first rows, three lines of text.
   */
  private keepRoom(next: Block | undefined): number {
    const line = sizes.body * 1.4;
    if (next?.kind === 'image') {
      const info = imageInfo(next.data);
      const width = Math.min(next.width, contentWidth);
      return (width * info.height) / info.width + (next.caption ? line : 0);
    }
    if (next?.kind === 'barChart') return line + 2 * (sizes.table * 1.4 + 2 * spacing.cellPadding);
    if (next?.kind === 'table') return 2 * (sizes.table * 1.4 + 2 * spacing.cellPadding);
    return 3 * line;
  }

  private block(b: Exclude<Block, { kind: 'toc' }>, index: number, next?: Block): void {
    switch (b.kind) {
      case 'heading': {
        const size = sizes.heading[b.level];
        const lines = this.lines(runsOf(b.text).map((r) => ({ ...r, bold: true })), size, contentWidth);
        const height = lines.reduce((h, l) => h + l.height, 0);
        // Keep a heading with the first lines of what follows it.
        const before = Math.max(0, spacing.headingBefore - this.lastAfter);
        if (!this.atTop() && (b.newPage || this.y + before + height + this.keepRoom(next) > this.bottom())) this.newPage();
        // At the top of a page the space before is dropped, unless the page was broken on purpose
        // (LibreOffice keeps a heading's space before after a page break before it).
        if (!this.atTop() || b.newPage) this.y += b.newPage ? spacing.headingBefore : before;
        this.headingPages.set(index, this.pageIndex);
        this.placeLines(lines, this.x, contentWidth, 'left', colors.heading);
        this.y += spacing.headingAfter;
        this.lastAfter = spacing.headingAfter;
        return;
      }
      case 'paragraph':
        return this.paragraph(b.text, sizes.body, colors.text, b.align ?? 'left', b.spaceAfter ?? spacing.after);
      case 'table':
        return drawTable(this, b);
      case 'image':
        return drawImage(this, b);
      case 'barChart':
        return drawBarChart(this, b);
      case 'spacer':
        this.y += b.height;
        this.lastAfter = 0;
        return;
      case 'pageBreak':
        return this.newPage();
    }
  }

  /** The current page's footnotes at its foot, under a short rule. */
  private drawNotes(): void {
    const notes = this.pageNotes.flat();
    if (!notes.length) return;
    let y = page.height - page.margin - notes.reduce((h, l) => h + l.height, 0);
    this.doc.save().moveTo(this.x, y - spacing.footnotesGap / 2).lineTo(this.x + contentWidth / 4, y - spacing.footnotesGap / 2).lineWidth(0.5).strokeColor(colors.rule).stroke().restore();
    for (const line of notes) {
      this.drawLine(line, this.x, y, contentWidth, 'left', colors.text);
      y += line.height;
    }
  }

  /** Header, footer and page numbers, once the number of pages is known. */
  private decoratePages(): void {
    const { start, count } = this.doc.bufferedPageRange();
    const label = this.model.pageLabel ?? { page: 'Page', of: 'of' };
    const line = (text: string) => this.lines(text, sizes.header, contentWidth)[0];
    // The same on every page: laid out once.
    const headerLine = this.model.header ? line(this.model.header) : undefined;
    const footer = this.model.footer ? line(this.model.footer) : undefined;
    const footTop = page.height - page.headerFromEdge - sizes.header * 1.4;
    // A title page has no header, footer or number; it still counts as page 1.
    for (let i = start + (this.model.cover ? 1 : 0); i < start + count; i++) {
      this.doc.switchToPage(i);
      if (headerLine) this.drawLine(headerLine, this.x, page.headerFromEdge, contentWidth, 'left', colors.muted);
      if (footer) this.drawLine(footer, this.x, footTop, contentWidth, 'left', colors.muted);
      const number = line(`${label.page} ${i - start + 1} ${label.of} ${count}`);
      if (number) this.drawLine(number, this.x, footTop, contentWidth, 'right', colors.muted);
    }
  }
}
