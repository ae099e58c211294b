/**
 * fontkit (pdfkit's shaper) has no Myanmar shaper: it draws Myanmar in the order it is stored,
 * so the vowel sign E (U+1031) and the medial Ra (U+103C) would come after their consonant
 * instead of before it, and a kinzi would sit on the wrong letter. This puts each syllable in
 * the order HarfBuzz's Myanmar shaper draws it; the font's Myanmar features (`myanmarFeatures`)
 * then form the glyphs. Only the PDF needs it: Word and LibreOffice shape Myanmar themselves.
 */

export const myanmarFeatures = ['rphf', 'pref', 'blwf', 'pstf', 'pres', 'abvs', 'blws', 'psts'];

const consonant = /[\u1000-\u102a\u103f\u104e\u1050-\u1055\u105a-\u105d\u1061\u1065\u1066\u106e-\u1070\u1075-\u1081\u108e]/u;
const VIRAMA = '\u1039';
const ASAT = '\u103a';
const kinziLetter = /[\u1004\u101b\u105a]/u;

/** The text with each syllable in drawing order. */
export function myanmarVisualOrder(text: string): string {
  const chars = [...text];
  const out: string[] = [];
  const startsSyllable = (i: number) => consonant.test(chars[i]!) && chars[i - 1] !== VIRAMA;
  let i = 0;
  while (i < chars.length) {
    if (!startsSyllable(i)) {
      out.push(chars[i++]!);
      continue;
    }
    let end = i + 1;
    while (end < chars.length && !startsSyllable(end)) end++;
    let syllable = chars.slice(i, end);
    // A kinzi (Nga/Ra + asat + virama) before the base is drawn above it: move it after the base.
    if (syllable.length > 3 && kinziLetter.test(syllable[0]!) && syllable[1] === ASAT && syllable[2] === VIRAMA && consonant.test(syllable[3]!)) {
      syllable = [syllable[3]!, ...syllable.slice(0, 3), ...syllable.slice(4)];
    }
    const pre = [...syllable.filter((c) => c === '\u1031'), ...syllable.filter((c) => c === '\u103c')];
    out.push(...pre, ...syllable.filter((c) => c !== '\u1031' && c !== '\u103c'));
    i = end;
  }
  return out.join('');
}
