import type { MatchProfile } from './profile';

/**
 * Blocking keys: a check looks up only the people who share a key with the person checked,
 * so the keys must be shared by every true duplicate the comparison would accept, and by few
 * others. Every key is built from sound keys (spelling.ts), so other spellings share keys.
 * - `e:` and `p:` — the normalised e-mail and phone.
 * - `k:` a word and the first two letters of another word of the same form, for every
 *   ordered pair. A swapped order keeps every key; a typo in one word keeps the keys built
 *   on the other word when the typo is past its second letter, and the keys built on the
 *   untouched word otherwise; a missing middle word keeps the pair of the others.
 * - `s:` a word and the initials of all the other words: rarer than `k:` keys, so a true
 *   duplicate shares more keys than a mere namesake; the check ranks by shared keys.
 * - `j:` all words run together (in either order for two or three words): a name written
 *   with or without spaces (Nur Haliza), or a Myanmar name read from one unbroken run.
 * - `w:` the word of a one-word name.
 * - `x:` the consonant skeletons of all words, sorted, and `y:` run together: a reading of
 *   a native-script name meets the Latin spelling through these (nthya kaewchitr and
 *   Natthaya Kaeochit are both n t / k c t).
 */
export const MAX_KEYS = 80;

export function blockingKeys(p: MatchProfile): string[] {
  const keys = new Set<string>();
  if (p.email) keys.add(`e:${p.email}`);
  if (p.phone) keys.add(`p:${p.phone}`);
  for (const form of p.forms) {
    const w = form.sounds.filter((s) => s.length > 0);
    if (w.length === 1) keys.add(`w:${w[0]}`);
    for (let i = 0; i < w.length; i++) {
      const others = w.filter((_, k) => k !== i);
      if (others.length) keys.add(`s:${w[i]}|${others.map((o) => o[0]).sort().join('')}`);
      for (const o of others) keys.add(`k:${w[i]}|${o.slice(0, 2)}`);
    }
    if (w.length >= 2 && w.length <= 4) {
      keys.add(`j:${w.join('')}`);
      if (w.length <= 3) keys.add(`j:${[...w].reverse().join('')}`);
    }
    const skeletons = form.skeletons.filter((k) => k.length > 0);
    if (skeletons.length) {
      keys.add(`x:${[...skeletons].sort().join('|')}`);
      keys.add(`y:${skeletons.join('')}`);
    }
    if (keys.size >= MAX_KEYS) break;
  }
  return [...keys].slice(0, MAX_KEYS);
}

/** Name keys are every key but the contact ones: the check asks for contacts apart. */
export const isContactKey = (key: string) => key.startsWith('e:') || key.startsWith('p:');
