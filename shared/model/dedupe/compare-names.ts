import { foldText } from '../../text/fold';
import { editDistance } from './distance';
import type { NameForm } from './names';
import type { MatchReason } from './reasons';

type TokenKind = 'same' | 'diacritics' | 'spelling' | 'typo' | 'initial';
interface TokenMatch {
  sim: number;
  kind: TokenKind;
  distance: number;
  /** A typo that is two neighbouring letters swapped. */
  swapped?: boolean;
  /** A typo in a word nobody in the directory bears (NameForm.unknown). */
  unknownWord?: boolean;
}

/**
 * How alike two name words are, and why. Thresholds keep distinct names apart: Vietnamese
 * and Thai names are short and many are one letter apart (Phan / Pham, Hùng / Hằng fold to
 * hung / hang), so a typo counts fully only in words of six letters or more, for less in
 * words of four or five, and in three-letter words only as two letters swapped (Thi / Hti);
 * two typos only in words of seven or more, and then as a possible match only. A word that
 * nobody in the directory bears (NameForm.unknown) is a slip whatever its length.
 */
export function tokenMatch(a: NameForm, i: number, b: NameForm, j: number): TokenMatch | null {
  // A check compares one name with hundreds of candidates sharing its words: remember pairs.
  const key = `${a.typed[i]}\u0000${a.respelled?.[i] ?? ''}\u0000${b.typed[j]}\u0000${b.respelled?.[j] ?? ''}\u0000${a.tokens[i]}\u0000${b.tokens[j]}\u0000${a.via === 'native'}${b.via === 'native'}${isUnknown(a, i)}${isUnknown(b, j)}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const m = computeTokenMatch(a, i, b, j);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, m);
  return m;
}

const isUnknown = (f: NameForm, i: number) => f.unknown?.includes(i) === true;

/** Pairs of words already compared; emptied when full. Every input of the comparison is in the key. */
const memo = new Map<string, TokenMatch | null>();
const MEMO_SIZE = 50_000;

function computeTokenMatch(a: NameForm, i: number, b: NameForm, j: number): TokenMatch | null {
  const ta = a.tokens[i]!;
  const tb = b.tokens[j]!;
  const ya = a.typed[i]!;
  const yb = b.typed[j]!;
  if (ta === tb) {
    if (ya === yb) return { sim: 1, kind: 'same', distance: 0 };
    const fa = foldText(ya);
    const fb = foldText(yb);
    if (fa !== fb) return { sim: 1, kind: 'spelling', distance: 0 };
    // Marks missing on one side are a keyboard without them; different marks on both sides
    // are another name (Hùng and Hưng) or a slip, never the same spelling.
    if (ya !== fa && yb !== fb) return { sim: 0.8, kind: 'typo', distance: 1 };
    return { sim: 1, kind: 'diacritics', distance: 0 };
  }
  const sa = a.sounds[i]!;
  const sb = b.sounds[j]!;
  if (sa === sb && sa.length > 1) return { sim: 0.97, kind: 'spelling', distance: 0 };
  if ((ta.length === 1 && tb.startsWith(ta)) || (tb.length === 1 && ta.startsWith(tb))) return { sim: 0.75, kind: 'initial', distance: 0 };
  const candidates: TokenMatch[] = [];
  const typo = typoMatch(ta, tb) ?? (a.respelled || b.respelled ? typoMatch(a.respelled?.[i] ?? ta, b.respelled?.[j] ?? tb) : null);
  if (typo) candidates.push(typo);
  // A word nobody else bears one letter off a name: a slip, however short the word (Vq / Vo).
  if ((isUnknown(a, i) || isUnknown(b, j)) && Math.max(ta.length, tb.length) >= 2 && editDistance(ta, tb, 1) === 1) candidates.push({ sim: 0.9, kind: 'typo', distance: 1, unknownWord: true });
  const soundShorter = Math.min(sa.length, sb.length);
  const soundDistance = soundShorter >= 4 ? editDistance(sa, sb, 2) : 3;
  // Readings of one sound by two romanisation habits. Two letters apart is not one: Thai and
  // Lao names are compounds that share a first part (Charoensak / Charoenkham, Sutthiphon /
  // Sutthithong), so it would pair namesakes; a native-script reading has its skeleton below.
  // In a short word one sound off is another name, not another reading (Quang / Quân, Phong /
  // Phương, Maria / Mário): the typo rule above weighs those.
  if (soundDistance <= 1 && soundShorter >= 6) candidates.push({ sim: 0.88, kind: 'spelling', distance: 0 });
  // A reading of Thai, Lao, Khmer or Myanmar script against a Latin spelling: romanisers
  // disagree mostly on vowels, so the consonants decide (ณัฐยา read nthya / Natthaya).
  if ((a.via === 'native') !== (b.via === 'native')) {
    const ka = a.skeletons[i]!;
    if (ka.length > 0 && ka === b.skeletons[j]) candidates.push({ sim: ka.length >= 2 ? 0.9 : 0.8, kind: 'spelling', distance: 0 });
  }
  return candidates.reduce<TokenMatch | null>((best, m) => (!best || m.sim > best.sim ? m : best), null);
}

function typoMatch(ta: string, tb: string): TokenMatch | null {
  const shorter = Math.min(ta.length, tb.length);
  if (shorter < 3 || ta === tb) return null;
  if (Math.abs(ta.length - tb.length) > 2) return null;
  const d = editDistance(ta, tb, 2);
  // Two letters swapped (Tekc / Teck) is a slip of the fingers; two names rarely differ so.
  const swapped = d === 1 && ta.length === tb.length && [...ta].sort().join('') === [...tb].sort().join('');
  if (swapped) return { sim: 0.9, kind: 'typo', distance: 1, swapped: true };
  if (shorter === 3) return null;
  if (d === 1) return { sim: shorter >= 6 ? 0.9 : 0.85, kind: 'typo', distance: 1 };
  // Two slips in one word are rare, and long compound names two letters apart are common
  // (Xayrath / Xayvanh, Thepchai / Thepkham): shown, but never a likely match on the name alone.
  if (d === 2 && shorter >= 7) return { sim: 0.7, kind: 'typo', distance: 2 };
  return null;
}

export interface NameComparison {
  score: number;
  reasons: MatchReason[];
}

/**
 * A form's words run together in every order a name is written in: each rotation (given and
 * family swapped is one) and each reversal. Names have a handful of words.
 */
function runTogether(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const w of [words, [...words].reverse()]) for (let k = 0; k < w.length; k++) out.add([...w.slice(k), ...w.slice(0, k)].join(''));
  return [...out];
}

/** Two forms written with and without spaces: Nurhaliza / Nur Haliza, a Myanmar name read as one run. */
function joined(a: NameForm, b: NameForm): NameComparison | null {
  if (a.tokens.length === b.tokens.length) return null;
  const ja = a.tokens.join('');
  const jb = runTogether(b.tokens);
  let score = 0;
  // A native-script run read as one word is expected to meet the Latin words run together.
  if (jb.includes(ja)) score = a.via === 'native' || b.via === 'native' ? 1 : 0.97;
  else if (runTogether(b.sounds).includes(a.sounds.join(''))) score = 0.93;
  else if (ja.length >= 8 && jb.some((x) => editDistance(ja, x, 1) <= 1)) score = 0.9;
  else if ((a.via === 'native') !== (b.via === 'native') && a.skeletons.join('').length >= 3) {
    // Consonants alone, over a whole run, meet more names than one: possible, not likely, by themselves.
    if (runTogether(b.skeletons).includes(a.skeletons.join(''))) score = 0.85;
  }
  if (!score) return null;
  return { score, reasons: [{ code: 'name_joined', typed: a.typed.join(' '), known: b.typed.join(' ') }] };
}

/**
 * True when the paired words stand in another cyclic order on the two sides. Writing a name
 * in the other convention moves words from the front to the back (given and family swapped,
 * Nguyễn Văn Hùng / Văn Hùng Nguyễn): a rotation, which keeps the cyclic order. Words
 * exchanged otherwise make another person's name: the father's and the child's (Iskandar bin
 * Ahmad Redzuan / Redzuan bin Ahmad Iskandar), or a Filipino mother's and father's surnames
 * (Charmaine O. Ramos / Charmaine R. Ocampo). Names with a repeated word are not judged, since
 * their pairing cannot say which word went where.
 */
function scrambled(a: NameForm, b: NameForm, chosen: readonly { i: number; j: number }[]): boolean {
  if (chosen.length < 3 || new Set(a.tokens).size < a.tokens.length || new Set(b.tokens).size < b.tokens.length) return false;
  const js = [...chosen].sort((x, y) => x.i - y.i).map((p) => p.j);
  // A rotation of an increasing sequence falls at most once.
  const falls = js.filter((j, k) => j < js[(k + js.length - 1) % js.length]!).length;
  return falls > 1;
}

/**
 * Pairs the words of two forms, best pair first (greedy; names have a handful of words), and
 * scores the pairing as a Dice coefficient: a word missing on one side lowers the score
 * (Ahmad Abdullah against Ahmad Faizal Abdullah: 0.8 × 0.8) without excluding the match.
 */
export function compareForms(a: NameForm, b: NameForm): NameComparison {
  const pairs: { i: number; j: number; m: TokenMatch }[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    for (let j = 0; j < b.tokens.length; j++) {
      const m = tokenMatch(a, i, b, j);
      if (m) pairs.push({ i, j, m });
    }
  }
  // Ties go by the words, not their places, so a form's word order cannot change the score.
  const text = (p: { i: number; j: number }) => `${a.tokens[p.i]}\u0000${b.tokens[p.j]}`;
  pairs.sort((x, y) => y.m.sim - x.m.sim || (text(x) < text(y) ? -1 : text(x) > text(y) ? 1 : 0) || x.i - y.i || x.j - y.j);
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
  const missing = total - 2 * chosen.length;
  const typos = chosen.filter((p) => p.m.kind === 'typo').length;
  const shortTypo = chosen.some((p) => p.m.kind === 'typo' && !p.m.swapped && !p.m.unknownWord && Math.min(a.tokens[p.i]!.length, b.tokens[p.j]!.length) < 6);
  // A word missing on one side, typos in two words, or a letter off in a short word is what
  // tells namesakes apart in names of short words (Nguyen Thi Chau / Nguyen Thi Minh Chau,
  // Phan Van Quan / Phan Van Tuan): such a match counts for less than its words alone say.
  const factor = (missing > 0 || a.short || b.short ? 0.8 : 1) * (typos > 1 ? 0.9 : 1) * (shortTypo ? 0.85 : 1) * (scrambled(a, b, chosen) ? 0.85 : 1);
  const dice = (total ? (2 * chosen.reduce((s, p) => s + p.m.sim, 0)) / total : 0) * factor;
  const join = joined(a, b) ?? joined(b, a);
  if (join && join.score * (a.short || b.short ? 0.8 : 1) > dice) return withFormReasons(a, b, { ...join, score: join.score * (a.short || b.short ? 0.8 : 1) });

  const reasons: MatchReason[] = [];
  chosen.sort((x, y) => x.i - y.i);
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
