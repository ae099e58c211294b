import type { NameForm } from './names';
import { speltAs } from './names';
import type { PersonForMatching } from './person';
import { PARTICLES_ANYWHERE } from './titles';

/**
 * Words one slip of the fingers away from a typed word, for finding the name it was meant to
 * be when the typed word is nobody's (services/dedupe/lexicon.ts): every word one letter
 * dropped, doubled or added, replaced, or two neighbours swapped (as distance.ts counts
 * edits). Only for folded Latin words: a reading of another script has its own keys.
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Longer words are not looked up this way: their variants grow with the length, and such a word is rarely a slip of a name. */
export const MAX_SLIP_WORD = 14;

export function oneSlipAway(word: string): string[] {
  if (!/^[a-z]+$/.test(word) || word.length > MAX_SLIP_WORD) return [];
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail && c !== tail[0]) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  out.delete('');
  return [...out];
}

/** A form with its i-th word read as `word` instead: what the name would be without the slip. Only its keys are used. */
export function formWithWord(form: NameForm, i: number, word: string, country: PersonForMatching['country']): NameForm {
  const spelt = speltAs(word, country);
  const replace = <T>(list: readonly T[], value: T) => list.map((x, k) => (k === i ? value : x));
  const { unknown: _unknown, ...rest } = form;
  return { ...rest, tokens: replace(form.tokens, spelt.token), sounds: replace(form.sounds, spelt.sound), skeletons: replace(form.skeletons, spelt.skeleton) };
}

/**
 * A form without its i-th word, which is reported as left out: a particle or title typed with
 * a slip (binnti, Haaji), which would otherwise count as a word missing on the other side.
 */
export function formWithout(form: NameForm, i: number): NameForm {
  const drop = <T>(list: readonly T[]) => list.filter((_, k) => k !== i);
  const { unknown: _unknown, respelled, ...rest } = form;
  return {
    ...rest,
    ...(respelled ? { respelled: drop(respelled) } : {}),
    typed: drop(form.typed),
    tokens: drop(form.tokens),
    sounds: drop(form.sounds),
    skeletons: drop(form.skeletons),
    ignored: [...form.ignored, form.typed[i]!],
  };
}

/**
 * Particles and titles of four letters or more typed with a letter doubled or two neighbours
 * swapped (binnti, Haaji, bitni): slips that make no name. Shorter ones (bin, al) and other
 * slips (Hadi from haji) are left alone, since they make names people bear.
 */
const SLIPPED_PARTICLES = new Map<string, string>();
for (const p of PARTICLES_ANYWHERE) {
  if (p.length < 4 || !/^[a-z]+$/.test(p)) continue;
  for (let i = 0; i < p.length; i++) {
    SLIPPED_PARTICLES.set(p.slice(0, i + 1) + p.slice(i), p);
    if (i + 1 < p.length && p[i] !== p[i + 1]) SLIPPED_PARTICLES.set(p.slice(0, i) + p[i + 1] + p[i] + p.slice(i + 2), p);
  }
}

/** The particle or title a word is a slip of, if any (binnti → binti). */
export function slippedParticle(word: string): string | null {
  return SLIPPED_PARTICLES.get(word) ?? null;
}
