import { foldText } from '../../text/fold';
import { editDistance, jaroWinkler } from './distance';
import type { NameForm } from './names';
import type { MatchReason } from './reasons';

type TokenKind = 'same' | 'diacritics' | 'spelling' | 'typo' | 'initial';
interface TokenMatch {
  sim: number;
  kind: TokenKind;
  distance: number;
}

/**
 * How alike two name words are, and why. Thresholds keep distinct names apart: a typo counts
 * only in words of four letters or more (Hùng and Hằng fold one letter apart, but Lan and Tan
 * are two names), two typos only in words of seven or more.
 */
export function tokenMatch(a: NameForm, i: number, b: NameForm, j: number): TokenMatch | null {
  const ta = a.tokens[i]!;
  const tb = b.tokens[j]!;
  if (ta === tb) {
    const ya = a.typed[i]!;
    const yb = b.typed[j]!;
    if (ya === yb) return { sim: 1, kind: 'same', distance: 0 };
    return { sim: 1, kind: foldText(ya) === foldText(yb) ? 'diacritics' : 'spelling', distance: 0 };
  }
  const sa = a.sounds[i]!;
  const sb = b.sounds[j]!;
  if (sa === sb && sa.length > 1) return { sim: 0.95, kind: 'spelling', distance: 0 };
  if ((ta.length === 1 && tb.startsWith(ta)) || (tb.length === 1 && ta.startsWith(tb))) return { sim: 0.75, kind: 'initial', distance: 0 };
  const shorter = Math.min(ta.length, tb.length);
  if (shorter >= 4) {
    const d = editDistance(ta, tb, 2);
    if (d === 1) return { sim: 0.9, kind: 'typo', distance: 1 };
    if (d === 2 && shorter >= 7) return { sim: 0.82, kind: 'typo', distance: 2 };
    // Readings of one sound by two romanisation habits (Phatthanawat / Phathonwath).
    const soundShorter = Math.min(sa.length, sb.length);
    const soundDistance = soundShorter >= 4 ? editDistance(sa, sb, 2) : 3;
    if (soundDistance <= 1) return { sim: 0.88, kind: 'spelling', distance: 0 };
    if (soundDistance === 2 && soundShorter >= 7 && jaroWinkler(sa, sb) >= 0.85) return { sim: 0.85, kind: 'spelling', distance: 0 };
  }
  return null;
}

export interface NameComparison {
  score: number;
  reasons: MatchReason[];
}

/** Two forms written with and without spaces: Nurhaliza / Nur Haliza, a Myanmar name read as one run. */
function joined(a: NameForm, b: NameForm): NameComparison | null {
  if (a.tokens.length === b.tokens.length) return null;
  const ja = a.tokens.join('');
  const jb = [b.tokens.join(''), [...b.tokens].reverse().join('')];
  const sa = a.sounds.join('');
  const sb = [b.sounds.join(''), [...b.sounds].reverse().join('')];
  let score = 0;
  if (jb.includes(ja)) score = 0.97;
  else if (sb.includes(sa)) score = 0.93;
  else if (ja.length >= 8 && jb.some((x) => editDistance(ja, x, 1) <= 1)) score = 0.9;
  if (!score) return null;
  return { score, reasons: [{ code: 'name_joined', typed: a.typed.join(' '), known: b.typed.join(' ') }] };
}

/**
 * Pairs the words of two forms, best pair first (greedy; names have a handful of words), and
 * scores the pairing as a Dice coefficient: a word missing on one side lowers the score
 * (Ahmad Abdullah against Ahmad Faizal Abdullah: 0.8) without excluding the match.
 */
export function compareForms(a: NameForm, b: NameForm): NameComparison {
  const pairs: { i: number; j: number; m: TokenMatch }[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    for (let j = 0; j < b.tokens.length; j++) {
      const m = tokenMatch(a, i, b, j);
      if (m) pairs.push({ i, j, m });
    }
  }
  pairs.sort((x, y) => y.m.sim - x.m.sim || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const chosen: typeof pairs = [];
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    chosen.push(p);
  }
  const total = a.tokens.length + b.tokens.length;
  const dice = total ? (2 * chosen.reduce((s, p) => s + p.m.sim, 0)) / total : 0;
  const join = joined(a, b) ?? joined(b, a);
  if (join && join.score > dice) return withFormReasons(a, b, join);

  const reasons: MatchReason[] = [];
  chosen.sort((x, y) => x.i - y.i);
  const missing = total - 2 * chosen.length;
  const swapped = chosen.some((p, k) => k > 0 && p.j < chosen[k - 1]!.j);
  if (chosen.length > 0 && missing === 0 && !swapped && chosen.every((p) => p.m.kind === 'same')) reasons.push({ code: 'name_same' });
  if (swapped) reasons.push({ code: 'name_order_swapped' });
  for (const p of chosen) {
    const typed = a.typed[p.i]!;
    const known = b.typed[p.j]!;
    if (p.m.kind === 'diacritics' || p.m.kind === 'spelling' || p.m.kind === 'initial') reasons.push({ code: `name_${p.m.kind}`, typed, known });
    else if (p.m.kind === 'typo') reasons.push({ code: 'name_typo', typed, known, distance: p.m.distance });
  }
  if (missing > 0 && chosen.length > 0) reasons.push({ code: 'name_partial', missing });
  return withFormReasons(a, b, { score: dice, reasons });
}

function withFormReasons(a: NameForm, b: NameForm, c: NameComparison): NameComparison {
  const reasons = [...c.reasons];
  for (const f of [a, b]) {
    if (f.via === 'other') reasons.push({ code: 'name_other_name', name: f.text });
    if (f.via === 'native') reasons.push({ code: 'name_native_script', native: f.text, romanised: f.romanised ?? f.tokens.join(' ') });
  }
  const ignored = [...new Set([...a.ignored, ...b.ignored])];
  if (ignored.length) reasons.push({ code: 'name_titles_ignored', words: ignored });
  return { score: Math.round(c.score * 1000) / 1000, reasons };
}

/** The best match between any form of one person's name and any form of the other's. */
export function compareNames(a: readonly NameForm[], b: readonly NameForm[]): NameComparison {
  let best: NameComparison = { score: 0, reasons: [] };
  for (const fa of a) {
    for (const fb of b) {
      const c = compareForms(fa, fb);
      // On a tie the earlier forms win: the name fields before other names and readings.
      if (c.score > best.score) best = c;
    }
  }
  return best;
}
