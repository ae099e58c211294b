/**
 * Thai SARA AM (U+0E33) in the PDF. Noto Sans Thai's shaping draws it as NIKHAHIT + SARA AA,
 * and a PDF maps each glyph to one text for copying and search: the SARA AA glyph is also the
 * letter SARA AA, so a reader copying "สำนักงาน" (pdftotext too) would get "สำานักงาน". Where no
 * mark sits above the letter before it, the font's own SARA AM glyph looks the same: the sign is
 * then drawn on its own, unshaped (`saraAmFeatures`), and reads back as written. After a tone
 * mark or an upper vowel (น้ำ) the shaping is kept, for the marks to stack right.
 */

export const SARA_AM = '\u0e33';

/** Turns off the decomposition (ccmp) when the sign is drawn on its own. */
export const saraAmFeatures: Record<string, boolean> = { ccmp: false };

/** Marks drawn above a consonant: MAI HAN-AKAT, the upper vowels, MAITAIKHU, the tone marks and the rest up to YAMAKKAN. */
const above = /[\u0e31\u0e34-\u0e37\u0e47-\u0e4e]/u;

/** A Thai word cut around each SARA AM that can be drawn on its own; joined, the parts give back the word. */
export function splitSaraAm(word: string): string[] {
  if (!word.includes(SARA_AM)) return [word];
  const parts: string[] = [];
  let current = '';
  const chars = [...word];
  chars.forEach((ch, i) => {
    if (ch === SARA_AM && i > 0 && !above.test(chars[i - 1]!)) {
      if (current) parts.push(current);
      parts.push(ch);
      current = '';
    } else current += ch;
  });
  if (current) parts.push(current);
  return parts;
}

/**
 * pdfkit gives a glyph the text of its first use. Drawn first inside a shaped SARA AM, the SARA
 * AA glyph would get no text, and every SARA AA after it would vanish from the copied text: a
 * Thai face's SARA AA is used once, as itself, before anything is drawn. (pdfkit internals, as
 * font-cache.ts; without them the document is drawn the same, only copied text may lack it.)
 */
export function seedThai(doc: PDFKit.PDFDocument, face: string): void {
  if (!face.startsWith('NotoSansThai')) return;
  const font = (doc as unknown as { _font?: { encode?: (text: string) => unknown } })._font;
  font?.encode?.('\u0e32');
}
