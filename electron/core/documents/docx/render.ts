import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { families, faceFor, fontBytes, type FaceStyle } from '../fonts';
import { imageInfo } from '../image';
import { contentWidth, halfPoints, LINE, page, sizes, spacing, twips } from '../layout';
import { runsOf, type Block, type DocumentModel, type Inline } from '../model';
import { scripts, splitScripts, type Script } from '../scripts';

/**
 * Renders a document model to DOCX with the `docx` package, laid out as pdf/render.ts lays out
 * the PDF: A4, the same margins, sizes and spacing (../layout.ts). Every run names its Noto
 * font in all four slots (ascii, hAnsi, cs, eastAsia), so Word and LibreOffice pick it whatever
 * class they give the characters; the faces used are embedded unless `embedFonts` is false.
 */

export interface DocxOptions {
  /** Embed the faces the document uses (default true): it then shows alike on a machine without Noto. */
  embedFonts?: boolean;
}

const hex = (color: string) => color.replace('#', '');
const colors = { text: '111111', heading: '1F3A5F', muted: '555555', rule: '8A8A8A', shade: 'EEEEEE' };
const LATIN = families.latin.name;
const alignment = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED } as const;

interface RunStyle {
  size: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
}

export async function renderDocx(model: DocumentModel, options: DocxOptions = {}): Promise<Buffer> {
  const used = new Map<Script, Set<FaceStyle>>();
  const notes: Record<number, { children: Paragraph[] }> = {};
  let noteCount = 0;

  const runs = (text: Inline, style: RunStyle): ParagraphChild[] => {
    const out: ParagraphChild[] = [];
    for (const run of runsOf(text)) {
      const bold = style.bold ?? !!run.bold;
      const italic = style.italic ?? !!run.italic;
      run.text.split('\n').forEach((line, i) => {
        const parts = splitScripts(line);
        if (i > 0) out.push(new TextRun({ break: 1 }));
        for (const part of parts) {
          const family = families[part.script].name;
          const face = faceFor(part.script, bold, italic);
          if (!used.has(part.script)) used.set(part.script, new Set());
          used.get(part.script)!.add(face.style);
          out.push(
            new TextRun({
              text: part.text,
              font: { ascii: family, hAnsi: family, cs: family, eastAsia: family },
              size: halfPoints(style.size),
              sizeComplexScript: halfPoints(style.size),
              // A face the family lacks (Thai italic) is not asked for: the PDF draws it upright too.
              bold: face.style === 'bold' || face.style === 'boldItalic',
              boldComplexScript: face.style === 'bold' || face.style === 'boldItalic',
              italics: face.style === 'italic' || face.style === 'boldItalic',
              italicsComplexScript: face.style === 'italic' || face.style === 'boldItalic',
              color: hex(style.color),
            }),
          );
        }
      });
      if (run.footnote !== undefined) {
        const id = ++noteCount;
        notes[id] = { children: [new Paragraph({ children: runs(` ${run.footnote}`, { size: sizes.footnote, color: colors.text }), spacing: { after: 0, line: twips(sizes.footnote * LINE), lineRule: LineRuleType.AT_LEAST } })] };
        out.push(new FootnoteReferenceRun(id));
      }
    }
    return out;
  };

  const para = (text: Inline, style: RunStyle, o: ParaOptions = {}) =>
    new Paragraph({
      children: runs(text, style),
      alignment: alignment[o.align ?? 'left'],
      keepNext: o.keepNext,
      spacing: { before: twips(o.before ?? 0), after: twips(o.after ?? 0), line: twips(style.size * LINE), lineRule: LineRuleType.AT_LEAST },
      ...(o.rule ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: colors.rule, space: 4 } } } : {}),
    });

  const body: (Paragraph | Table)[] = [];
  if (model.letterhead?.length) {
    model.letterhead.forEach((line, i) => {
      const last = i === model.letterhead!.length - 1;
      body.push(para(line, { size: sizes.letterhead, color: colors.muted }, last ? { rule: true, after: spacing.letterheadAfter } : {}));
    });
  }
  body.push(para(model.title, { size: sizes.title, color: colors.heading, bold: true }, { after: spacing.titleAfter }));
  for (const block of model.blocks) body.push(...blockToDocx(block, runs, para));

  const header = model.header ? [para(model.header, { size: sizes.header, color: colors.muted })] : [];
  const label = model.pageLabel ?? { page: 'Page', of: 'of' };
  const footStyle = { size: sizes.header, color: colors.muted };
  const footer = new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: twips(contentWidth) }],
    spacing: { after: 0, line: twips(sizes.header * LINE), lineRule: LineRuleType.AT_LEAST },
    children: [
      ...(model.footer ? runs(model.footer, footStyle) : []),
      new TextRun({ children: [new Tab(), `${label.page} `, PageNumber.CURRENT, ` ${label.of} `, PageNumber.TOTAL_PAGES], font: LATIN, size: halfPoints(sizes.header), color: colors.muted }),
    ],
  });

  const doc = new Document({
    title: model.title,
    creator: model.author ?? 'A-EXPECS Curator',
    styles: {
      default: {
        document: { run: { font: LATIN, size: halfPoints(sizes.body), color: colors.text, language: { value: model.language === 'id' ? 'id-ID' : 'en-GB' } } },
        // Headings keep Word's outline levels (navigation, a table of contents) but look as the PDF's.
        heading1: { run: { font: LATIN, size: halfPoints(sizes.heading[1]), bold: true, color: colors.heading } },
        heading2: { run: { font: LATIN, size: halfPoints(sizes.heading[2]), bold: true, color: colors.heading } },
        heading3: { run: { font: LATIN, size: halfPoints(sizes.heading[3]), bold: true, color: colors.heading } },
      },
    },
    ...(options.embedFonts === false ? {} : { fonts: embedded(used) }),
    footnotes: notes,
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(page.width), height: twips(page.height) },
            margin: { top: twips(page.margin), bottom: twips(page.margin), left: twips(page.margin), right: twips(page.margin), header: twips(page.headerFromEdge), footer: twips(page.headerFromEdge) },
          },
        },
        headers: { default: new Header({ children: header }) },
        footers: { default: new Footer({ children: [footer] }) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

type Runs = (text: Inline, style: RunStyle) => ParagraphChild[];
type Para = (text: Inline, style: RunStyle, o?: ParaOptions) => Paragraph;
interface ParaOptions {
  after?: number;
  before?: number;
  align?: keyof typeof alignment;
  keepNext?: boolean;
  rule?: boolean;
}

function blockToDocx(b: Block, runs: Runs, para: Para): (Paragraph | Table)[] {
  const body = { size: sizes.body, color: colors.text };
  switch (b.kind) {
    case 'heading': {
      const size = sizes.heading[b.level];
      return [new Paragraph({ heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][b.level - 1], children: runs(b.text, { size, color: colors.heading, bold: true }), keepNext: true, spacing: { before: twips(spacing.headingBefore), after: twips(spacing.headingAfter), line: twips(size * LINE), lineRule: LineRuleType.AT_LEAST } })];
    }
    case 'paragraph':
      return [para(b.text, body, { after: b.spaceAfter ?? spacing.after, align: b.align ?? 'left' })];
    case 'spacer':
      return [new Paragraph({ children: [], spacing: { before: 0, after: 0, line: twips(b.height), lineRule: LineRuleType.EXACT } })];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'image': {
      const info = imageInfo(b.data);
      const width = Math.min(b.width, contentWidth);
      const height = (width * info.height) / info.width;
      const px = (pt: number) => Math.round((pt * 96) / 72);
      const out: Paragraph[] = [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: twips(4) },
          children: [new ImageRun({ type: info.type, data: Buffer.from(b.data), transformation: { width: px(width), height: px(height) } })],
        }),
      ];
      if (b.caption) out.push(para(b.caption, { size: sizes.caption, color: colors.muted, italic: true }, { align: 'center' }));
      out.push(new Paragraph({ children: [], spacing: { before: 0, after: 0, line: twips(spacing.after), lineRule: LineRuleType.EXACT } }));
      return out;
    }
    case 'table':
      return [table(b, runs), new Paragraph({ children: [], spacing: { before: 0, after: 0, line: twips(spacing.after), lineRule: LineRuleType.EXACT } })];
  }
}

function table(b: Extract<Block, { kind: 'table' }>, runs: Runs): Table {
  const total = b.columns.reduce((a, c) => a + c, 0);
  const widths = b.columns.map((c) => twips((c / total) * contentWidth));
  const pad = twips(spacing.cellPadding);
  const border = { style: BorderStyle.SINGLE, size: 4, color: colors.rule };
  const row = (cells: Inline[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: widths.map(
        (w, i) =>
          new TableCell({
            width: { size: w, type: WidthType.DXA },
            margins: { top: pad, bottom: pad, left: pad, right: pad },
            borders: { top: border, bottom: border, left: border, right: border },
            ...(header ? { shading: { fill: colors.shade, type: ShadingType.CLEAR, color: 'auto' } } : {}),
            children: [
              new Paragraph({
                children: runs(cells[i] ?? '', { size: sizes.table, color: colors.text, ...(header ? { bold: true } : {}) }),
                spacing: { before: 0, after: 0, line: twips(sizes.table * LINE), lineRule: LineRuleType.AT_LEAST },
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [...(b.header ? [row(b.header, true)] : []), ...b.rows.map((r) => row(r, false))],
  });
}

/** The faces the document used, per family, for Word's font embedding (regular always: Word needs it). */
function embedded(used: Map<Script, Set<FaceStyle>>) {
  return scripts
    .filter((s) => used.has(s))
    .map((s) => {
      const styles = used.get(s)!;
      const file = (style: FaceStyle) => families[s].files[style];
      const extra = (style: FaceStyle, key: 'bold' | 'italic' | 'boldItalic') => (styles.has(style) && file(style) ? { [key]: fontBytes(file(style)!) } : {});
      return { name: families[s].name, data: fontBytes(families[s].files.regular), ...extra('bold', 'bold'), ...extra('italic', 'italic'), ...extra('boldItalic', 'boldItalic') };
    });
}
