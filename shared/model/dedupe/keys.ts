import { speltAs } from './names';
import type { MatchProfile } from './profile';

/**
 * Blocking keys: a check looks up only the people who share a key with the person checked,
 * so the keys must be shared by every true duplicate the comparison would call likely, and
 * by few others. Name keys are built from sound keys (spelling.ts), so other spellings share
 * them, and from every form of the name (other names, native-script readings).
 * - `e:` and `p:` — the normalised e-mail and phone.
 * - `s:` a word and the initials of all the other words (initial() below): swapping the order keeps every one;
 *   a typo past a word's first letter keeps the keys built on the other words; diacritics
 *   and titles never reach a key. A word missing on one side loses them, but such a match is
 *   only a possible duplicate unless a contact agrees (and contacts have their own keys).
 * - `q:` the two longest words, sorted, for names of three words or more: kept when a short
 *   word is added, dropped or mistyped (binnti, a second Haji, a middle initial).
 * - `j:` all words run together (in either order for two or three words): a name written
 *   with or without spaces (Nur Haliza), or a Myanmar name read from one unbroken run; a
 *   one-word form has it too, so the run meets the words (ဇေယျသန်းညီ / Zeya Than Nyi).
 * - `w:` the word of a one-word name.
 * - `x:` the consonant skeletons of all words, sorted, and `y:` run together: a reading of a
 *   native-script name meets the Latin spelling through these (nthya kaewchitr and Natthaya
 *   Kaeochit are both n t / k c t). Only for readings and for people of the four countries
 *   with those scripts: elsewhere they would only gather namesakes.
 */
export const MAX_KEYS = 60;

/**
 * A word's initial for a key: the first letter of its sound key, any vowel as one, since a
 * slip in a word's second letter can turn a leading vowel pair into another vowel (ea → i).
 */
const initial = (sound: string) => (/[aeiou]/.test(sound[0]!) ? 'a' : sound[0]!);
const SCRIPT_COUNTRIES = new Set(['TH', 'LA', 'KH', 'MM']);

export function blockingKeys(p: MatchProfile): string[] {
  const keys = new Set<string>();
  if (p.email) keys.add(`e:${p.email}`);
  if (p.phone) keys.add(`p:${p.phone}`);
  for (const form of p.forms) {
    const w = form.sounds.filter((s) => s.length > 0);
    // A one-word form is also a run: a Myanmar name read from one unbroken run of script meets its Latin words run together.
    if (w.length === 1) keys.add(`w:${w[0]}`).add(`j:${w[0]}`);
    for (let i = 0; i < w.length && w.length > 1; i++) keys.add(`s:${w[i]}|${w.filter((_, k) => k !== i).map(initial).sort().join('')}`);
    if (w.length >= 3) {
      const longest = [...w].sort((x, y) => y.length - x.length || (x < y ? -1 : 1)).slice(0, 2);
      keys.add(`q:${longest.sort().join('|')}`);
    }
    if (w.length >= 2 && w.length <= 4) {
      keys.add(`j:${w.join('')}`);
      // The sound of the run itself, as a one-word form's is taken: sounds run together keep a
      // doubled letter at the seam (tan|nyi) that the sound of one word drops (seyatanyi).
      keys.add(`j:${speltAs(form.tokens.join(''), p.country).sound}`);
      if (w.length <= 3) keys.add(`j:${[...w].reverse().join('')}`);
    }
    const skeletons = form.skeletons.filter((k) => k.length > 0);
    if (skeletons.length && (form.via === 'native' || SCRIPT_COUNTRIES.has(p.country))) {
      keys.add(`x:${[...skeletons].sort().join('|')}`);
      keys.add(`y:${skeletons.join('')}`);
    }
    if (keys.size >= MAX_KEYS) break;
  }
  return [...keys].slice(0, MAX_KEYS);
}

/** Name keys are every key but the contact ones: the check asks for contacts apart. */
export const isContactKey = (key: string) => key.startsWith('e:') || key.startsWith('p:');

/**
 * The workplace as a count, not a lookup: `a:<country>|<agency>`, stored with a person's keys
 * but never looked up by (a whole ministry would come back). A check counts how many people
 * of the country work there (agencyShareKeys), to judge whether sharing the agency singles one
 * namesake out or is what namesakes there would share by chance. Null without an agency.
 */
export function agencyKey(p: Pick<MatchProfile, 'country' | 'agency'>): string | null {
  return p.agency ? `a:${p.country}|${p.agency}` : null;
}

/** The key range of every person of a country who names an agency: [from, to). '}' follows '|'. */
export const countryAgencyRange = (country: string) => ({ from: `a:${country}|`, to: `a:${country}}` });

/**
 * The degrees as counts, like the agency: `g:<country>|<institution>|<year>`, one per degree,
 * stored with a person's keys and never looked up by (a whole graduating class would come
 * back). A check counts how many people of the country hold each of the applicant's degrees,
 * to judge whether sharing one singles a namesake out (find.ts).
 */
export function degreeKeys(p: Pick<MatchProfile, 'country' | 'degrees'>): string[] {
  return p.degrees.map((d) => `g:${p.country}|${d.key}`);
}
