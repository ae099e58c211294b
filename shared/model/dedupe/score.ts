import { gendersDiffer, sharedDegree } from './background';
import { compareNames, type NameComparison } from './compare-names';
import type { MatchProfile } from './profile';
import type { MatchReason } from './reasons';

/** A candidate at or above this score is shown as a likely duplicate; the bench measures here. */
export const LIKELY_DUPLICATE = 0.8;
/** Below this a candidate is not shown at all. */
export const POSSIBLE_DUPLICATE = 0.5;
/** A name this alike counts as evidence at all. */
const NAME_FLOOR = 0.6;
/** The most a name can score when the recorded genders differ: possible, never likely. */
const GENDER_DIFFERS_CAP = LIKELY_DUPLICATE - 0.05;

export interface MatchOutcome {
  score: number;
  /** How alike the names are alone, 0..1. */
  nameScore: number;
  reasons: MatchReason[];
}

export interface MatchContext {
  /**
   * Whether this candidate's name is clearly the closest among the candidates: no other comes
   * within 0.02 of it. A name several people bear ("Nguyen Van Hung"), or one a closer
   * candidate bears, is a namesake's.
   */
  distinctName: boolean;
  /**
   * Set when other candidates bear as close a name but this one alone shares the applicant's
   * agency, and the agency is small enough among the country's people that the namesakes would
   * seldom work there by chance (find.ts decides, by CHANCE_NAMESAKES; it reads the counts). The agency then
   * singles the person out: the name counts as distinct. The value is how many people bear as
   * close a name, this one included, for the reason shown.
   */
  singledOutByAgency?: number;
  /**
   * The same for a degree: other candidates bear as close a name, but this one alone holds one
   * of the applicant's degrees (same institution, same year), and the degrees are rare enough
   * in the country that the namesakes would seldom hold one by chance (find.ts).
   */
  singledOutByDegree?: number;
}

/**
 * How likely two people are one, in [0, 1], with the reasons. Evidence, strongest first:
 * - the same e-mail: near proof (0.9 to 1, by how alike the names are);
 * - the same mobile number: near proof too (0.9 to 1); the same fixed line is strong, but
 *   offices share lines, so the name must agree too (0.6 + 0.35 × name);
 * - a matching name (≥ 0.6): name × (0.48, plus 0.14 for the same country, 0.12 for the same
 *   agency, and 0.17 when the name is distinct among the candidates, or when the agency singles
 *   this namesake out: see MatchContext). So a name alone, even exact, is a likely duplicate
 *   only when it is distinct and the agency agrees too: in a directory of 100,000 an exact name
 *   elsewhere is as often a namesake as the person (the bench's look-alikes show it: an exact,
 *   distinct name in another agency is about ten times as often a newcomer's), and two
 *   namesakes in one ministry are both only possible;
 * - a degree from the same institution in the same year corroborates a name as the agency does
 *   (0.12), and singles a namesake out as the agency does (see MatchContext): what a
 *   re-applicant with a new e-mail, phone and workplace still shares with their old profile,
 *   and what a namesake seldom shares. So an exact name in the same country with a shared
 *   degree is likely (0.91) when the name is distinct or the degree singles the person out,
 *   and only possible (0.74) among namesakes who hold the applicant's degrees too;
 * - against: both genders recorded and different. A name then scores at most 0.75, possible
 *   and never likely; the curator sees why. A shared e-mail or mobile still stands (a gender
 *   mistyped once is likelier than two people with one mailbox).
 * The strongest evidence sets the score; both e-mail and phone give at least 0.97.
 */
export function matchPeople(a: MatchProfile, b: MatchProfile, context: MatchContext = { distinctName: true }): MatchOutcome {
  return scoreMatch(a, b, compareNames(a.forms, b.forms), context);
}

/** matchPeople with the names already compared: a check compares each candidate's names once. */
export function scoreMatch(a: MatchProfile, b: MatchProfile, names: NameComparison, context: MatchContext): MatchOutcome {
  const name = names.score;
  const reasons: MatchReason[] = [];
  const sameEmail = a.email !== null && a.email === b.email;
  const samePhone = a.phone !== null && a.phone === b.phone;
  const sameCountry = a.country === b.country;
  const sameAgency = a.agency !== '' && a.agency === b.agency;
  const singledOut = sameAgency && sameCountry && context.singledOutByAgency !== undefined;
  const degree = sameCountry ? sharedDegree(a.degrees, b.degrees) : null;
  const singledOutByDegree = degree !== null && context.singledOutByDegree !== undefined;
  const distinct = context.distinctName || singledOut || singledOutByDegree;
  const genderDiffers = gendersDiffer(a.gender, b.gender);
  if (sameEmail) reasons.push({ code: 'email_same', email: a.email! });
  if (samePhone) reasons.push({ code: 'phone_same', phone: a.phone! });
  if (name >= NAME_FLOOR) reasons.push(...names.reasons);
  let score = 0;
  if (sameEmail) score = Math.max(score, 0.9 + 0.1 * name);
  if (samePhone) score = Math.max(score, a.mobile && b.mobile ? 0.9 + 0.1 * name : 0.6 + 0.35 * name);
  if (sameEmail && samePhone) score = Math.max(score, 0.97);
  if (name >= NAME_FLOOR) {
    const byName = name * (0.48 + (sameCountry ? 0.14 : 0) + (sameAgency ? 0.12 : 0) + (distinct ? 0.17 : 0) + (degree ? 0.12 : 0));
    score = Math.max(score, genderDiffers ? Math.min(byName, GENDER_DIFFERS_CAP) : byName);
  }
  if (score > 0 && sameCountry) reasons.push({ code: 'country_same', country: a.country });
  if (score > 0 && singledOut) reasons.push({ code: 'agency_only_namesake', agency: b.agencyText, namesakes: context.singledOutByAgency! });
  else if (score > 0 && sameAgency) reasons.push({ code: 'agency_same', agency: b.agencyText });
  if (score > 0 && degree && singledOutByDegree) reasons.push({ code: 'degree_only_namesake', institution: degree.institution, year: degree.year, namesakes: context.singledOutByDegree! });
  else if (score > 0 && degree) reasons.push({ code: 'degree_same', institution: degree.institution, year: degree.year });
  if (score > 0 && genderDiffers) reasons.push({ code: 'gender_differs', typed: a.gender!, known: b.gender! });
  return { score: Math.min(1, Math.round(score * 1000) / 1000), nameScore: name, reasons };
}

/** True when a pair can score at all: a shared contact, or names alike enough to count. */
export function canMatch(a: MatchProfile, b: MatchProfile, names: NameComparison): boolean {
  return names.score >= NAME_FLOOR || (a.email !== null && a.email === b.email) || (a.phone !== null && a.phone === b.phone);
}
