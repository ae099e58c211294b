import { foldText } from '../../text/fold';
import type { ApplicationFields } from './application';
import type { VettingSettings } from './settings';

/** A reviewer as conflict-of-interest rules see them (a user with the reviewer role). */
export interface ReviewerProfile {
  id: string;
  name: string;
  country: string | null;
  agency: string;
  /** People or organisations the reviewer declared a conflict with. */
  declaredConflicts?: readonly string[];
}

export const interestCodes = ['SAME_AGENCY', 'RECOMMENDER', 'DECLARED', 'SAME_COUNTRY'] as const;
export type InterestCode = (typeof interestCodes)[number];
export interface InterestConflict {
  code: InterestCode;
  /** The matching value, for the sentence the curator sees ("both work at ..."). */
  detail: string;
}

type ApplicationView = Pick<ApplicationFields, 'agency' | 'recommenderName' | 'recommenderOrganisation' | 'declaredConflicts' | 'country' | 'nominatingCountry' | 'givenName' | 'familyName'>;

/** Words of a name or organisation, folded (case, Latin diacritics) and in any order: "Nguyễn Văn An" = "an van nguyen". */
const words = (s: string) => foldText(s).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean).sort().join(' ');
const same = (a: string, b: string) => {
  const x = words(a);
  return x !== '' && x === words(b);
};

/**
 * Why `reviewer` should not review `app`; empty when nothing conflicts. An assignment with any
 * reason is refused unless a curator overrides it with a reason (recorded on the event).
 */
export function conflictsOf(reviewer: ReviewerProfile, app: ApplicationView, settings: Pick<VettingSettings, 'sameCountryConflict'>): InterestConflict[] {
  const out: InterestConflict[] = [];
  if (same(reviewer.agency, app.agency)) out.push({ code: 'SAME_AGENCY', detail: app.agency });
  if (same(reviewer.name, app.recommenderName)) out.push({ code: 'RECOMMENDER', detail: app.recommenderName });
  const applicantNames = [`${app.givenName} ${app.familyName}`, app.givenName];
  const declared = [
    ...app.declaredConflicts.filter((d) => same(d, reviewer.name) || same(d, reviewer.agency)),
    ...(reviewer.declaredConflicts ?? []).filter((d) => applicantNames.some((n) => same(d, n)) || same(d, app.agency)),
  ];
  for (const d of [...new Set(declared)]) out.push({ code: 'DECLARED', detail: d });
  if (settings.sameCountryConflict && reviewer.country !== null && (reviewer.country === app.country || reviewer.country === app.nominatingCountry)) {
    out.push({ code: 'SAME_COUNTRY', detail: reviewer.country });
  }
  return out;
}
