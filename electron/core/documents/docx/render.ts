import { Document, Footer, Header, LineRuleType, Packer, PageNumber, Paragraph, Tab, TabStopType, TextRun, type ISectionOptions, type Table, type TableOfContents } from 'docx';
import { families } from '../fonts';
import { contentWidth, halfPoints, LINE, page, sizes, spacing, twips } from '../layout';
import { tocEntries, type DocumentModel } from '../model';
import { barPictures } from './bars';
import { blockToDocx } from './blocks';
import { coverToDocx } from './cover';
import { colors, DocxText } from './text';
import { tocStyles, tocToDocx } from './toc';

/**
 * Renders a document model to DOCX with the `docx` package, laid out as pdf/render.ts lays out
 * the PDF: A4, the same margins, sizes and spacing (../layout.ts), the Noto fonts named per run
 * (text.ts) and embedded unless `embedFonts` is false. A cover is a section of its own, without
 * header or footer; page numbers run on from it, as in the PDF.
 */

export interface DocxOptions {
  /** Embed the faces the document uses (default true): it then shows alike on a machine without Noto. */
  embedFonts?: boolean;
  /**
   * The page of each table-of-contents entry (model.ts tocEntries), from the PDF's layout
   * (pdf/render.ts layoutPdf). renderDocument finds them when the model has a toc block.
   */
  tocPages?: number[];
}

const LATIN = families.latin.name;

export async function renderDocx(model: DocumentModel, options: DocxOptions = {}): Promise<Buffer> {
  const text = new DocxText();
  const bars = await barPictures(model);
  const language = model.language ?? 'en';
  const entries = tocEntries(model);

  const body: (Paragraph | Table | TableOfContents)[] = [];
  if (!model.cover) {
    model.letterhead?.forEach((line, i) => {
      const last = i === model.letterhead!.length - 1;
      body.push(text.para(line, { size: sizes.letterhead, color: colors.muted }, last ? { rule: { color: colors.rule, width: 0.75, space: 4 }, after: spacing.letterheadAfter } : {}));
    });
    body.push(text.para(model.title, { size: sizes.title, color: colors.heading, bold: true }, { after: spacing.titleAfter }));
  }
  for (const block of model.blocks) {
    if (block.kind === 'toc') body.push(...tocToDocx(block, entries, options.tocPages, text, body.length === 0));
    else body.push(...blockToDocx(block, { text, bars, language }));
  }

  const header = model.header ? [text.para(model.header, { size: sizes.header, color: colors.muted })] : [];
  const label = model.pageLabel ?? { page: 'Page', of: 'of' };
  const footStyle = { size: sizes.header, color: colors.muted };
  const footer = new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: twips(contentWidth) }],
    spacing: { after: 0, line: twips(sizes.header * LINE), lineRule: LineRuleType.AT_LEAST },
    children: [
      ...(model.footer ? text.runs(model.footer, footStyle) : []),
      new TextRun({ children: [new Tab(), `${label.page} `, PageNumber.CURRENT, ` ${label.of} `, PageNumber.TOTAL_PAGES], font: LATIN, size: halfPoints(sizes.header), color: colors.muted }),
    ],
  });
  const properties = {
    page: {
      size: { width: twips(page.width), height: twips(page.height) },
      margin: { top: twips(page.margin), bottom: twips(page.margin), left: twips(page.margin), right: twips(page.margin), header: twips(page.headerFromEdge), footer: twips(page.headerFromEdge) },
    },
  };
  const sections: ISectionOptions[] = [
    ...(model.cover ? [{ properties, children: coverToDocx(model.title, model.cover, text) }] : []),
    { properties, headers: { default: new Header({ children: header }) }, footers: { default: new Footer({ children: [footer] }) }, children: body },
  ];

  const doc = new Document({
    title: model.title,
    creator: model.author ?? 'A-EXPECS Curator',
    styles: {
      default: {
        document: { run: { font: LATIN, size: halfPoints(sizes.body), color: colors.text, language: { value: language === 'id' ? 'id-ID' : 'en-GB' } } },
        // Headings keep Word's outline levels (navigation, the table of contents) but look as the PDF's.
        heading1: { run: { font: LATIN, size: halfPoints(sizes.heading[1]), bold: true, color: colors.heading } },
        heading2: { run: { font: LATIN, size: halfPoints(sizes.heading[2]), bold: true, color: colors.heading } },
        heading3: { run: { font: LATIN, size: halfPoints(sizes.heading[3]), bold: true, color: colors.heading } },
      },
      paragraphStyles: tocStyles,
    },
    ...(options.embedFonts === false ? {} : { fonts: text.embedded() }),
    footnotes: text.notes,
    sections,
  });
  return Packer.toBuffer(doc);
}
