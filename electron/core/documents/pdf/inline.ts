import { faceFor } from '../fonts';
import { LINE } from '../layout';
import type { Run } from '../model';
import { splitScripts, unspacedScripts } from '../scripts';
import { myanmarFeatures, myanmarVisualOrder } from './myanmar';
import { SARA_AM, saraAmFeatures, splitSaraAm } from './thai';

/**
 * Lays out a paragraph's runs into lines for the PDF. pdfkit wraps text of one font only, and a
 * paragraph here mixes fonts (a Thai name inside an English sentence), so the lines are made
 * here: each script run is cut into pieces that may end a line (after a space; between words
 * of Thai, Lao, Khmer and Myanmar, found by ICU's word segmenter, as LibreOffice and Word do),
 * pieces are measured with the shaping font, and lines are filled greedily. Each piece is then
 * drawn whole, so shaping within a word (Thai marks, Khmer subscripts, Myanmar reordering)
 * stays intact.
 */

/** OpenType features to turn on (a list), or on and off (by name). */
export type Features = string[] | Record<string, boolean>;

export interface Measure {
  /** Width in points of the text in this face and size, shaped. */
  width(text: string, face: string, size: number, features?: Features): number;
  /** Ascent and descent (positive) in points. */
  metrics(face: string, size: number): { ascent: number; descent: number };
}

export interface Piece {
  text: string;
  face: string;
  size: number;
  width: number;
  /** Raised above the baseline (a footnote number). */
  rise: number;
  space: boolean;
  /** A line may end after this piece. */
  breakAfter: boolean;
  /** The footnote this piece references (its number), if it is one. */
  note?: number;
  /** OpenType features when shaping (Myanmar's, see myanmar.ts; Thai SARA AM's, see thai.ts). */
  features?: Features;
}

export interface Line {
  pieces: Piece[];
  width: number;
  height: number;
  /** From the line's top to its baseline. */
  baseline: number;
  notes: number[];
}

const wordSegmenter = new Intl.Segmenter('th', { granularity: 'word' });
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts runs into pieces; a footnote reference gets its number from `nextNote` (given the note's text). */
export function piecesOf(runs: Run[], size: number, m: Measure, nextNote: (text: string) => number): (Piece | 'newline')[] {
  const out: (Piece | 'newline')[] = [];
  const push = (text: string, face: string, breakAfter: boolean, space: boolean, s = size, rise = 0, note?: number, features?: Features) =>
    out.push({ text, face, size: s, width: m.width(text, face, s, features), rise, space, breakAfter, ...(note !== undefined ? { note } : {}), ...(features ? { features } : {}) });
  for (const run of runs) {
    const lines = run.text.split('\n');
    lines.forEach((lineText, i) => {
      if (i > 0) out.push('newline');
      for (const part of splitScripts(lineText)) {
        const face = faceFor(part.script, !!run.bold, !!run.italic).file;
        for (const token of part.text.match(/\s+|\S+/gu) ?? []) {
          if (/^\s/u.test(token)) push(' ', face, true, true);
          else if (unspacedScripts.has(part.script)) {
            const words = [...wordSegmenter.segment(token)].map((s) => s.segment);
            const myanmar = part.script === 'myanmar';
            words.forEach((w, j) => {
              if (myanmar) return push(myanmarVisualOrder(w), face, j < words.length - 1, false, size, 0, undefined, myanmarFeatures);
              const parts = part.script === 'thai' ? splitSaraAm(w) : [w];
              parts.forEach((t, k) => push(t, face, k === parts.length - 1 && j < words.length - 1, false, size, 0, undefined, t === SARA_AM ? saraAmFeatures : undefined));
            });
          } else push(token, face, false, false);
        }
      }
    });
    if (run.footnote !== undefined) {
      const n = nextNote(run.footnote);
      push(String(n), faceFor('latin', false, false).file, false, false, size * 0.62, size * 0.38, n);
    }
  }
  return out;
}

/** Splits a piece wider than the line into pieces of whole characters (clusters) that fit. */
function splitWide(p: Piece, max: number, m: Measure): Piece[] {
  const out: Piece[] = [];
  let text = '';
  for (const { segment } of graphemes.segment(p.text)) {
    if (text && m.width(text + segment, p.face, p.size, p.features) > max) {
      out.push({ ...p, text, width: m.width(text, p.face, p.size, p.features), breakAfter: true });
      text = '';
    }
    text += segment;
  }
  out.push({ ...p, text, width: m.width(text, p.face, p.size, p.features) });
  return out;
}

/** Fills lines of at most `max` points; the line height is at least LINE × size. */
export function layoutLines(items: (Piece | 'newline')[], max: number, size: number, m: Measure): Line[] {
  const lines: Line[] = [];
  let current: Piece[] = [];
  const finish = () => {
    while (current.length && current[current.length - 1]!.space) current.pop();
    lines.push(measureLine(current, size, m));
    current = [];
  };
  const widthOf = (ps: Piece[]) => ps.reduce((w, p) => w + p.width, 0);
  let group: Piece[] = [];
  const place = () => {
    if (!group.length) return;
    const trailing = group.filter((p, i) => p.space && group.slice(i).every((q) => q.space));
    const core = group.slice(0, group.length - trailing.length);
    if (current.length && widthOf(current) + widthOf(core) > max) finish();
    if (!current.length) {
      while (group.length && group[0]!.space) group.shift();
      if (widthOf(core) > max) {
        group = group.flatMap((p) => (p.width > max ? splitWide(p, max, m) : [p]));
        for (const p of group) {
          if (current.length && widthOf(current) + p.width > max && !p.space) finish();
          current.push(p);
        }
        group = [];
        return;
      }
    }
    current.push(...group);
    group = [];
  };
  for (const item of items) {
    if (item === 'newline') {
      place();
      finish();
      continue;
    }
    group.push(item);
    if (item.breakAfter) place();
  }
  place();
  if (current.length || lines.length === 0) finish();
  return lines;
}

function measureLine(pieces: Piece[], size: number, m: Measure): Line {
  let ascent = 0;
  let descent = 0;
  for (const p of pieces) {
    if (p.rise) continue; // a footnote number sits inside the line's own height
    const fm = m.metrics(p.face, p.size);
    ascent = Math.max(ascent, fm.ascent);
    descent = Math.max(descent, fm.descent);
  }
  if (!pieces.length || ascent === 0) ({ ascent, descent } = m.metrics(faceFor('latin', false, false).file, size));
  const height = Math.max(size * LINE, ascent + descent);
  return {
    pieces,
    width: pieces.reduce((w, p) => w + p.width, 0),
    height,
    baseline: (height - ascent - descent) / 2 + ascent,
    notes: pieces.flatMap((p) => (p.note !== undefined ? [p.note] : [])),
  };
}
