import PDFDocument from 'pdfkit';
import { fontBytes } from '../fonts';
import { imageInfo } from '../image';
import { contentWidth, page, sizes, spacing } from '../layout';
import { runsOf, type Block, type DocumentModel, type Inline } from '../model';
import { keepParsed, reuseParsed, widths } from './font-cache';
import { layoutLines, piecesOf, type Line, type Measure } from './inline';

/**
 * Renders a document model to PDF with pdfkit: A4, the layout of ../layout.ts, the Noto fonts
 * embedded as subsets (pdfkit shapes with fontkit, so Thai marks, Khmer subscripts and Myanmar
 * reordering come out right). Footnotes go to the foot of the page their reference is on;
 * header, footer and "Page n of N" are drawn once every page exists.
 */

export const colors = { text: '#111111', heading: '#1F3A5F', muted: '#555555', rule: '#8A8A8A', shade: '#EEEEEE' };

type Align = 'left' | 'right' | 'center' | 'justify';

export function renderPdf(model: DocumentModel): Promise<Buffer> {
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
  new PdfWriter(doc, model).write();
  doc.end();
  return done;
}

class PdfWriter {
  private readonly registered = new Set<string>();
  private y = page.margin;
  /**
   * The space left after the block above. A heading's space before is not added to it: the larger
   * of the two separates them, as LibreOffice lays out the DOCX.
   */
  private lastAfter = 0;
  private readonly notes: string[] = [];
  private pageNotes: Line[][] = [];
  private readonly x = page.margin;
  readonly measure: Measure;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly model: DocumentModel,
  ) {
    this.measure = {
      width: (text, face, size, features) => {
        // Shaped widths scale with the size: kept per 1 pt, across documents (letters repeat their words).
        const key = `${face}|${features ? 'f' : ''}|${text}`;
        let unit = widths.get(key);
        if (unit === undefined) {
          unit = this.use(face, 1).widthOfString(text, features ? { features: features as PDFKit.Mixins.OpenTypeFeatures[] } : {});
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
    if (!this.registered.has(face)) {
      if (!reuseParsed(this.doc, face)) this.doc.registerFont(face, fontBytes(face));
      this.registered.add(face);
    }
    this.doc.font(face).fontSize(size);
    keepParsed(this.doc, face);
    return this.doc;
  }

  write(): void {
    const m = this.model;
    if (m.letterhead?.length) {
      for (const line of m.letterhead) this.paragraph(line, sizes.letterhead, colors.muted, 'left', 0);
      this.y += 4;
      this.doc.save().moveTo(this.x, this.y).lineTo(this.x + contentWidth, this.y).lineWidth(0.75).strokeColor(colors.rule).stroke().restore();
      this.y += spacing.letterheadAfter;
    }
    this.paragraph([{ text: m.title, bold: true }], sizes.title, colors.heading, 'left', spacing.titleAfter);
    for (const block of m.blocks) this.block(block);
    this.drawNotes();
    this.decoratePages();
  }

  private lines(text: Inline, size: number, width: number): Line[] {
    const items = piecesOf(runsOf(text), size, this.measure, (note) => this.notes.push(note));
    return layoutLines(items, width, size, this.measure);
  }

  private bottom(): number {
    const notes = this.pageNotes.flat();
    return page.height - page.margin - (notes.length ? spacing.footnotesGap + notes.reduce((h, l) => h + l.height, 0) : 0);
  }

  private newPage(): void {
    this.drawNotes();
    this.doc.addPage();
    this.y = page.margin;
    this.lastAfter = 0;
    this.pageNotes = [];
  }

  /** Places lines from the cursor down, moving to a new page where one does not fit with its footnotes. */
  private placeLines(lines: Line[], x: number, width: number, align: Align, color: string): void {
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

  private drawLine(line: Line, x: number, top: number, width: number, align: Align, color: string): void {
    const spaces = line.pieces.filter((p) => p.space).length;
    const free = width - line.width;
    let cx = x + (align === 'center' ? free / 2 : align === 'right' ? free : 0);
    const stretch = align === 'justify' && spaces ? free / spaces : 0;
    for (const p of line.pieces) {
      if (!p.space) {
        this.use(p.face, p.size).fillColor(color).text(p.text, cx, top + line.baseline - p.rise, { lineBreak: false, baseline: 'alphabetic', ...(p.features ? { features: p.features as PDFKit.Mixins.OpenTypeFeatures[] } : {}) });
      }
      cx += p.width + (p.space ? stretch : 0);
    }
  }

  private paragraph(text: Inline, size: number, color: string, align: Align, after: number): void {
    this.placeLines(this.lines(text, size, contentWidth), this.x, contentWidth, align, color);
    this.y += after;
    this.lastAfter = after;
  }

  private block(b: Block): void {
    switch (b.kind) {
      case 'heading': {
        const size = sizes.heading[b.level];
        const lines = this.lines(runsOf(b.text).map((r) => ({ ...r, bold: true })), size, contentWidth);
        const height = lines.reduce((h, l) => h + l.height, 0);
        // Keep a heading with the first lines of what follows it.
        const before = Math.max(0, spacing.headingBefore - this.lastAfter);
        if (this.y > page.margin && this.y + before + height + 3 * sizes.body * 1.4 > this.bottom()) this.newPage();
        if (this.y > page.margin) this.y += before;
        this.placeLines(lines, this.x, contentWidth, 'left', colors.heading);
        this.y += spacing.headingAfter;
        this.lastAfter = spacing.headingAfter;
        return;
      }
      case 'paragraph':
        return this.paragraph(b.text, sizes.body, colors.text, b.align ?? 'left', b.spaceAfter ?? spacing.after);
      case 'table':
        return this.table(b);
      case 'image':
        return this.image(b);
      case 'spacer':
        this.y += b.height;
        this.lastAfter = 0;
        return;
      case 'pageBreak':
        return this.newPage();
    }
  }

  private table(b: Extract<Block, { kind: 'table' }>): void {
    const total = b.columns.reduce((a, c) => a + c, 0);
    const widths = b.columns.map((c) => (c / total) * contentWidth);
    const pad = spacing.cellPadding;
    const row = (cells: Inline[], header: boolean) => {
      const laid = widths.map((w, i) => this.lines(runsOf(cells[i] ?? '').map((r) => (header ? { ...r, bold: true } : r)), sizes.table, w - 2 * pad));
      const height = Math.max(...laid.map((ls) => ls.reduce((h, l) => h + l.height, 0))) + 2 * pad;
      return { laid, height, header };
    };
    const draw = (r: ReturnType<typeof row>) => {
      let cx = this.x;
      r.laid.forEach((lines, i) => {
        const w = widths[i]!;
        if (r.header) this.doc.save().rect(cx, this.y, w, r.height).fill(colors.shade).restore();
        this.doc.save().rect(cx, this.y, w, r.height).lineWidth(0.5).strokeColor(colors.rule).stroke().restore();
        let ly = this.y + pad;
        for (const line of lines) {
          this.drawLine(line, cx + pad, ly, w - 2 * pad, 'left', colors.text);
          ly += line.height;
        }
        cx += w;
      });
      this.y += r.height;
    };
    const head = b.header ? row(b.header, true) : null;
    if (head) {
      if (this.y + head.height * 2 > this.bottom() && this.y > page.margin) this.newPage();
      draw(head);
    }
    for (const cells of b.rows) {
      const r = row(cells, false);
      if (this.y + r.height > this.bottom() && this.y > page.margin) {
        this.newPage();
        if (head) draw(head); // the header row repeats on every page, as in the DOCX
      }
      draw(r);
    }
    this.y += spacing.after;
    this.lastAfter = spacing.after;
  }

  private image(b: Extract<Block, { kind: 'image' }>): void {
    const info = imageInfo(b.data);
    const width = Math.min(b.width, contentWidth);
    const height = (width * info.height) / info.width;
    if (this.y + height > this.bottom() && this.y > page.margin) this.newPage();
    this.doc.image(Buffer.from(b.data), this.x + (contentWidth - width) / 2, this.y, { width, height });
    this.y += height + 4;
    if (b.caption) this.paragraph(runsOf(b.caption).map((r) => ({ ...r, italic: true })), sizes.caption, colors.muted, 'center', 0);
    this.y += spacing.after;
    this.lastAfter = spacing.after;
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
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      if (headerLine) this.drawLine(headerLine, this.x, page.headerFromEdge, contentWidth, 'left', colors.muted);
      if (footer) this.drawLine(footer, this.x, footTop, contentWidth, 'left', colors.muted);
      const number = line(`${label.page} ${i - start + 1} ${label.of} ${count}`);
      if (number) this.drawLine(number, this.x, footTop, contentWidth, 'right', colors.muted);
    }
  }
}
