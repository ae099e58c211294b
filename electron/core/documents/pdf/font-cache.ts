/**
 * Parsing a Noto font (fontkit reads its tables, GSUB and GPOS) is most of the cost of a short
 * PDF, and a letter export makes many: each face is parsed once per process and reused. pdfkit
 * has no API for a parsed font, so this uses two of its internals (the per-document font
 * table and the embedded-font class); were they ever missing, each document parses its own.
 */
interface PdfInternals {
  _fontFamilies?: Record<string, unknown>;
  _fontCount?: number;
  _font?: { font?: unknown; constructor: new (doc: unknown, font: unknown, id: string) => unknown };
}
/** Shaped widths per 1 pt, by face, features and text, across documents (letters repeat their words). */
export const widths = new Map<string, number>();
const parsedFonts = new Map<string, { font: unknown; Embedded: new (doc: unknown, font: unknown, id: string) => unknown }>();

export function reuseParsed(doc: PDFKit.PDFDocument, face: string): boolean {
  const parsed = parsedFonts.get(face);
  const internals = doc as unknown as PdfInternals;
  if (!parsed || !internals._fontFamilies || typeof internals._fontCount !== 'number') return false;
  internals._fontFamilies[face] = new parsed.Embedded(doc, parsed.font, `F${++internals._fontCount}`);
  return true;
}

export function keepParsed(doc: PDFKit.PDFDocument, face: string): void {
  if (parsedFonts.has(face)) return;
  const current = (doc as unknown as PdfInternals)._font;
  if (current?.font) parsedFonts.set(face, { font: current.font, Embedded: current.constructor });
}
