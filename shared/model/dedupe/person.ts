import type { CountryCode } from '../countries';
import type { ExpertFields, NameOrder } from '../expert';

/**
 * What duplicate detection reads of a person. An expert and an application both map to it:
 * the application's proposed profile uses the expert field names (shared/model/expert.ts), so
 * either is passed as it is. `agency` is optional corroboration: two "Nguyen Van Hung" of one
 * country are different people unless something else is shared, and the workplace is what a
 * re-applicant most often keeps when e-mail and phone have changed.
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
}

/** The matching view of an expert's (or an application's) fields. */
export function personOf(f: Pick<ExpertFields, 'givenName' | 'familyName' | 'nameOrder' | 'otherNames' | 'email' | 'phone' | 'country' | 'agency'>): PersonForMatching {
  return {
    givenName: f.givenName,
    familyName: f.familyName,
    nameOrder: f.nameOrder,
    otherNames: f.otherNames,
    email: f.email,
    phone: f.phone,
    country: f.country,
    agency: f.agency,
  };
}
