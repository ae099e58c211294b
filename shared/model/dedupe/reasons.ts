import type { Gender } from '../expert';

/**
 * Why two people may be one, as codes with parameters: the renderer turns each into a
 * sentence in English or Bahasa Indonesia (renderer/src/i18n), e.g. name_typo
 * { typed: "Nugyen", known: "Nguyen" } → "name within 1 typo: Nugyen / Nguyen".
 */
export type MatchReason =
  | { code: 'email_same'; email: string }
  | { code: 'phone_same'; phone: string }
  | { code: 'name_same' }
  | { code: 'name_order_swapped' }
  | { code: 'name_diacritics'; typed: string; known: string }
  | { code: 'name_typo'; typed: string; known: string; distance: number }
  | { code: 'name_spelling'; typed: string; known: string }
  | { code: 'name_initial'; typed: string; known: string }
  | { code: 'name_joined'; typed: string; known: string }
  | { code: 'name_partial'; missing: number }
  | { code: 'name_titles_ignored'; words: string[] }
  | { code: 'name_other_name'; name: string }
  | { code: 'name_native_script'; native: string; romanised: string }
  | { code: 'country_same'; country: string }
  | { code: 'agency_same'; agency: string }
  /** Same agency, and the only one there of `namesakes` people with as close a name. */
  | { code: 'agency_only_namesake'; agency: string; namesakes: number }
  /** A degree from the same institution in the same year, as the known person wrote it. */
  | { code: 'degree_same'; institution: string; year: number }
  /** The same degree, and the only one of `namesakes` people with as close a name who holds it. */
  | { code: 'degree_only_namesake'; institution: string; year: number; namesakes: number }
  /** Against a match: both genders recorded, and they differ. */
  | { code: 'gender_differs'; typed: Gender; known: Gender };

export type MatchReasonCode = MatchReason['code'];
