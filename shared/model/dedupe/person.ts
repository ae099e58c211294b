import type { CountryCode } from '../countries';
import type { ExpertFields, Gender, NameOrder } from '../expert';
import type { EducationEntry } from './background';

/**
 * What duplicate detection reads of a person. An expert and an application both map to it:
 * the application's proposed profile uses the expert field names (shared/model/expert.ts), so
 * either is passed as it is. `agency` is optional corroboration: two "Nguyen Van Hung" of one
 * country are different people unless something else is shared, and the workplace is what a
 * re-applicant most often keeps when e-mail and phone have changed. `gender` and `education`
 * are optional too: the degrees a person lists (institution and year) single them out among
 * namesakes, and a recorded gender that differs tells namesakes apart (background.ts).
 */
export interface PersonForMatching {
  givenName: string;
  familyName: string;
  nameOrder: NameOrder;
  otherNames: readonly string[];
  email: string;
  phone: string;
  country: CountryCode;
  agency?: string;
  gender?: Gender | null;
  education?: readonly EducationEntry[];
}

/** The matching view of an expert's (or an application's) fields. */
export function personOf(f: Pick<ExpertFields, 'givenName' | 'familyName' | 'nameOrder' | 'otherNames' | 'email' | 'phone' | 'country' | 'agency' | 'gender' | 'education'>): PersonForMatching {
  return {
    givenName: f.givenName,
    familyName: f.familyName,
    nameOrder: f.nameOrder,
    otherNames: f.otherNames,
    email: f.email,
    phone: f.phone,
    country: f.country,
    agency: f.agency,
    gender: f.gender,
    education: f.education,
  };
}
