import { searchTokens } from '../../text/fold';
import type { Gender } from '../expert';

/**
 * What a person's life record says beside their name and contacts: the degrees they hold and
 * their recorded gender. A re-applicant whose e-mail and phone have changed still lists the
 * degrees they listed before; a namesake rarely holds one from the same institution in the same
 * year. Only positive agreement counts for a match; a differing gender counts against one.
 */
export interface Degree {
  /** The institution folded (case, accents and punctuation ignored) and the year: "universiti malaya|2004". */
  key: string;
  /** The institution as written, for the reason shown. */
  institution: string;
  year: number;
}

export interface EducationEntry {
  institution: string;
  year: number | null;
}

/** A workplace or an institution as a key: its folded words, one space apart ("Universiti  Malaya," → "universiti malaya"). */
export const foldPlace = (s: string): string => searchTokens(s).join(' ');

/** The degrees that can agree with another person's: an institution and a year both given. Sorted by key, one per key. */
export function degreesOf(education: readonly EducationEntry[] | undefined): Degree[] {
  const byKey = new Map<string, Degree>();
  for (const e of education ?? []) {
    const institution = foldPlace(e.institution);
    if (!institution || e.year === null) continue;
    const key = `${institution}|${e.year}`;
    if (!byKey.has(key)) byKey.set(key, { key, institution: e.institution.trim(), year: e.year });
  }
  return [...byKey.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/** The first degree of `known` that `typed` lists too (same institution, same year), or null. */
export function sharedDegree(typed: readonly Degree[], known: readonly Degree[]): Degree | null {
  if (!typed.length || !known.length) return null;
  const keys = new Set(typed.map((d) => d.key));
  return known.find((d) => keys.has(d.key)) ?? null;
}

/** Both genders recorded, and different. */
export function gendersDiffer(a: Gender | null, b: Gender | null): boolean {
  return a !== null && b !== null && a !== b;
}
