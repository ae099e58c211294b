import { foldText } from '../../text/fold';
import { hasNativeScript, nativeRuns, romanizeRun } from '../../text/romanize';
import type { PersonForMatching } from './person';
import { memoByString } from '../../memo';
import { canonicalSpelling, consonantSkeleton, modernIndonesian, soundKey } from './spelling';
import { stripFields, stripTitles } from './titles';

/**
 * One way a person's name is written, ready to compare: the name fields, an other name, or
 * the Latin reading of a name written in Thai, Lao, Khmer or Myanmar script.
 * Token lists are parallel: `typed` as written (lower case, NFC, for telling a missing
 * diacritic from a typo), `tokens` folded and in the canonical spelling, `sounds` their
 * sound keys.
 */
export interface NameForm {
  via: 'name' | 'other' | 'native';
  /** The text this form was read from, as the person wrote it. */
  text: string;
  /** For a native-script form, the Latin reading compared. */
  romanised?: string;
  typed: string[];
  tokens: string[];
  sounds: string[];
  /** The folded words before respelling, only where a canonical spelling replaced one (Mohhd stays comparable to Mohd). */
  respelled?: string[];
  /** Consonant skeletons of the sounds (spelling.ts), for native-script readings. */
  skeletons: string[];
  /**
   * An other name with fewer words than the name fields ("Michelle Ng" beside Hui Choo Ng):
   * a short form many people share, so a match through it counts as a partial one.
   */
  short?: boolean;
  /** Titles and particles left out ("dato", "bin"). */
  ignored: string[];
  /**
   * Set at check time on the checked person's forms only, never stored: the places of the
   * words that nobody else in the directory bears (services/dedupe/lexicon.ts). Such a word
   * is more likely a slip than a name of its own, so one letter off counts as a typo even in
   * a short word (Vq / Võ, Fo / Foo), where two names a letter apart are otherwise common.
   */
  unknown?: number[];
}

/** At most this many forms per person: a long list of other names must not slow a check. */
const MAX_FORMS = 10;
/** Latin readings kept per native-script run, and per name. */
const MAX_READINGS_PER_RUN = 2;
const MAX_READINGS = 4;

/** Words of a name field: lower case, apostrophes and dots dropped, a/l and s/o kept whole. */
function words(text: string): string[] {
  const lower = text.normalize('NFC').toLowerCase().replace(/['’`.]/g, ' ');
  const joined = lower.replace(/\b([asd])\s*\/\s*([lpo])\b/g, '$1/$2');
  return joined.match(/[asd]\/[lpo]|[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

const foldWord = memoByString(foldText);
/** A folded word's canonical spelling, its sound key and that key's skeleton. */
export interface Spelt {
  token: string;
  sound: string;
  skeleton: string;
}
const spell = (token: string): Spelt => {
  const sound = soundKey(token);
  return { token, sound, skeleton: consonantSkeleton(sound) };
};
const speltWord = memoByString((w) => spell(canonicalSpelling(w)));
const speltIndonesian = memoByString((w) => spell(canonicalSpelling(canonicalSpelling(modernIndonesian(w)))));

/** A folded word as a form of the person's country holds it: canonical spelling, sound key and skeleton. */
export function speltAs(word: string, country: PersonForMatching['country']): Spelt {
  return (country === 'ID' ? speltIndonesian : speltWord)(word);
}

/**
 * `parts` are the fields the text came from (given and family name, or one other name):
 * titles are stripped at the start of each, since people type "Dr." before whichever field
 * they fill first.
 */
function formOf(via: NameForm['via'], text: string, parts: string[][], indonesian: boolean, romanised?: string): NameForm | null {
  const typedWords = parts.flat();
  const stripped = stripFields(parts.map((part) => part.map(foldWord)));
  const kept = stripped.flatMap((x) => x.words);
  const ignored = stripped.flatMap((x) => x.ignored);
  if (kept.length === 0) return null;
  // stripTitles works on folded words; keep the typed spelling of the words it kept.
  const typedKept = typedWords.filter((w) => kept.includes(foldWord(w)));
  const spelt = kept.map(indonesian ? speltIndonesian : speltWord);
  const tokens = spelt.map((x) => x.token);
  const sounds = spelt.map((x) => x.sound);
  const respelled = tokens.some((t, k) => t !== kept[k]) ? kept : undefined;
  return {
    via,
    text,
    ...(romanised ? { romanised } : {}),
    typed: typedKept.length === kept.length ? typedKept : kept,
    tokens,
    sounds,
    ...(respelled ? { respelled } : {}),
    skeletons: spelt.map((x) => x.skeleton),
    ignored,
  };
}

/**
 * Latin readings of a name in native script: each run's readings that cover the whole run
 * (romanize.ts also lists the words inside a Myanmar or Thai run, which are not the name),
 * combined across runs, best first.
 */
function readings(text: string): string[] {
  let out: string[] = [''];
  for (const { script, run } of nativeRuns(foldText(text))) {
    const forms = romanizeRun(script, run);
    const longest = Math.max(0, ...forms.map((f) => f.length));
    const whole = forms.filter((f) => f.length >= 0.8 * longest).slice(0, MAX_READINGS_PER_RUN);
    if (whole.length === 0) continue;
    out = out.flatMap((prefix) => whole.map((f) => (prefix ? `${prefix} ${f}` : f))).slice(0, MAX_READINGS);
  }
  return out.filter(Boolean);
}

/** Every form of a person's name, the name fields first. */
export function nameForms(p: Pick<PersonForMatching, 'givenName' | 'familyName' | 'otherNames' | 'country'>): NameForm[] {
  const indonesian = p.country === 'ID';
  const out: NameForm[] = [];
  const add = (via: NameForm['via'], text: string, fields: string[] = [text]) => {
    if (hasNativeScript(text)) {
      // Thai, Lao, Khmer or Myanmar: compared through its Latin readings. Native titles are
      // dropped first, so นาย สมชาย reads as somchai.
      const stripped = fields.map((f) => stripTitles(words(f)).words.join(' ')).join(' ');
      for (const r of readings(stripped)) {
        const f = formOf('native', text, [words(r)], false, r);
        if (f) out.push(f);
      }
      return;
    }
    const f = formOf(via, text, fields.map(words), indonesian);
    if (f) out.push(f);
  };
  // Given then family, whatever the display order: matching ignores order anyway.
  add('name', `${p.givenName} ${p.familyName}`.trim(), [p.givenName, p.familyName].filter((f) => f.trim()));
  for (const other of p.otherNames) add('other', other);
  const primary = out[0]?.via === 'name' ? out[0].tokens.length : 0;
  for (const f of out) if (f.via === 'other' && f.tokens.length < primary) f.short = true;
  return out.slice(0, MAX_FORMS);
}
