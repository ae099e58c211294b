/**
 * Spell-checking without the network. On Windows and Linux, Chromium fetches Hunspell
 * dictionaries from Google's servers the first time a language is used; the app sends
 * nothing anywhere unasked, so the download address is pointed at a loopback port that
 * Chromium refuses to connect to (9, "discard", is on its list of unsafe ports): no
 * request leaves the computer, not even a connection to this one. A dictionary already in
 * the profile's Dictionaries folder (copied there by an administrator) is still used. On
 * macOS the system spell-checker is used and nothing is downloaded in any case.
 */

/** The download base URL Chromium is given instead of its CDN. */
export const NO_DICTIONARY_DOWNLOADS_URL = 'http://127.0.0.1:9/no-dictionary-downloads/';

/** What curators write in: English, and Bahasa Indonesia at the secretariat. */
export const WANTED_SPELLCHECK_LANGUAGES = ['en-US', 'id'] as const;

export interface SpellcheckPlan {
  dictionaryDownloadUrl: string;
  /** For session.setSpellCheckerLanguages; null where the system chooses (macOS). */
  languages: string[] | null;
}

/**
 * `available` is session.availableSpellCheckerLanguages. Each wanted language is matched
 * exactly or, for a bare code such as 'id', by its regional form ('id-ID').
 */
export function spellcheckPlan(input: { platform: NodeJS.Platform; available: readonly string[] }): SpellcheckPlan {
  if (input.platform === 'darwin') return { dictionaryDownloadUrl: NO_DICTIONARY_DOWNLOADS_URL, languages: null };
  const languages: string[] = [];
  for (const wanted of WANTED_SPELLCHECK_LANGUAGES) {
    const match = input.available.find((code) => code === wanted) ?? input.available.find((code) => code.startsWith(`${wanted}-`));
    if (match && !languages.includes(match)) languages.push(match);
  }
  return { dictionaryDownloadUrl: NO_DICTIONARY_DOWNLOADS_URL, languages };
}
