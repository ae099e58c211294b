import type { NameForm } from './names';
import { speltAs } from './names';
import type { PersonForMatching } from './person';

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
