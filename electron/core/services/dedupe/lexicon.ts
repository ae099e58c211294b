import { blockingKeys, formWithout, formWithWord, isContactKey, oneSlipAway, slippedParticle, speltAs, type MatchProfile, type NameForm } from '../../../../shared/model/dedupe';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';

/**
 * The directory as a dictionary of names. A word of the checked person's name that nobody
 * else in the index bears (no one's name has a word of its sound) is more likely a slip of the
 * fingers than a rare name: "Vq" for Võ, "aTn" for Tan. Such words are marked on the checked
 * person's forms (NameForm.unknown), so the comparison reads one letter off as a typo even in a
 * short word; and since a slip in a word's first letter changes every blocking key built on
 * its initial, the words one slip away that somebody does bear give the lookup extra keys,
 * as if the name had been typed without the slip. A word some other person bears is a name:
 * nothing changes for it, so Phan is never read as a slip of Pham. An unknown word one slip
 * from a particle or title (binnti, Haaji) is left out as that word would have been.
 */

/** Words one slip away that somebody bears, per unknown word: the lookup's extra keys stay few. */
const MAX_KNOWN_SLIPS = 8;

const statements = perConnection((db) => ({
  self: db.prepare('SELECT person FROM dedupe_person WHERE entity = ? AND id = ?').pluck(),
  // Sounds (a JSON array) that some person other than @self bears: as a word of a name of several
  // words (an s: key begins with it) or as a one-word name (its w: key).
  known: db.prepare(`SELECT j.value FROM json_each(@sounds) j WHERE
      EXISTS (SELECT 1 FROM dedupe_key WHERE key >= 's:' || j.value || '|' AND key < 's:' || j.value || '}' AND person != @self)
      OR EXISTS (SELECT 1 FROM dedupe_key WHERE key = 'w:' || j.value AND person != @self)`).pluck(),
}));

export interface LexiconReading {
  /** The checked person, their forms' unknown words marked. */
  probe: MatchProfile;
  /** Name keys of the name as it would be without each slip. */
  slipKeys: string[];
}

/** The person id of the record checked, when it is indexed itself: its own words are not evidence that a word is a name. */
export function selfPerson(db: Db, self: { entity: string; id: string } | undefined): number {
  return self ? ((statements(db).self.get(self.entity, self.id) as number | undefined) ?? -1) : -1;
}

export function readWithLexicon(db: Db, probe: MatchProfile, self: number): LexiconReading {
  const s = statements(db);
  const latin = probe.forms.filter((f) => f.via !== 'native');
  const sounds = [...new Set(latin.flatMap((f) => f.sounds))].filter((x) => x.length > 0);
  if (!sounds.length) return { probe, slipKeys: [] };
  const known = new Set(s.known.all({ sounds: JSON.stringify(sounds), self }) as string[]);
  const slipKeys = new Set<string>();
  const forms = probe.forms.map((original): NameForm => {
    if (original.via === 'native') return original;
    // A particle or title typed with a slip (binnti, Haaji) is left out, as it would have been without the slip.
    let form = original;
    for (let i = form.tokens.length - 1; i >= 0 && form.tokens.length > 1; i--) {
      if (!known.has(form.sounds[i]!) && slippedParticle(form.respelled?.[i] ?? form.tokens[i]!) !== null) form = formWithout(form, i);
    }
    const unknown = form.sounds.flatMap((sound, i) => (sound.length > 0 && !known.has(sound) ? [i] : []));
    if (!unknown.length) return form;
    for (const i of unknown) {
      const typed = form.respelled?.[i] ?? form.tokens[i]!;
      const bySound = new Map<string, string>();
      for (const v of oneSlipAway(typed)) {
        const sound = speltAs(v, probe.country).sound;
        if (sound && !bySound.has(sound)) bySound.set(sound, v);
      }
      const bearers = (s.known.all({ sounds: JSON.stringify([...bySound.keys()]), self }) as string[]).slice(0, MAX_KNOWN_SLIPS);
      for (const sound of bearers) {
        const corrected = formWithWord(form, i, bySound.get(sound)!, probe.country);
        for (const key of blockingKeys({ ...probe, email: null, phone: null, forms: [corrected] })) if (!isContactKey(key)) slipKeys.add(key);
      }
    }
    return { ...form, unknown };
  });
  return { probe: { ...probe, forms }, slipKeys: [...slipKeys] };
}
