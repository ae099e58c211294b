import type { CountryCode } from '../countries';
import type { Gender } from '../expert';
import { degreesOf, foldPlace, type Degree } from './background';
import { normaliseEmail, readPhone } from './contact';
import { nameForms, type NameForm } from './names';
import type { PersonForMatching } from './person';

/**
 * A person prepared for matching: everything the comparison needs, computed once. It is
 * plain JSON, so the core stores it beside the blocking keys and a check reads it back
 * instead of romanising and folding every candidate again.
 */
export interface MatchProfile {
  email: string | null;
  phone: string | null;
  /** The phone is a mobile number (one person's), not a fixed line (often an office's). */
  mobile: boolean;
  country: CountryCode;
  /** Folded, spaces collapsed; '' when not given. */
  agency: string;
  /** As written, for the reason shown to the curator. */
  agencyText: string;
  forms: NameForm[];
  /** Null when not recorded. */
  gender: Gender | null;
  /** The degrees with an institution and a year (background.ts). */
  degrees: Degree[];
}

export function matchProfile(p: PersonForMatching): MatchProfile {
  const agencyText = (p.agency ?? '').trim();
  const phone = readPhone(p.phone, p.country);
  return {
    email: normaliseEmail(p.email),
    phone: phone?.e164 ?? null,
    mobile: phone?.mobile ?? false,
    country: p.country,
    agency: foldPlace(agencyText),
    agencyText,
    forms: nameForms(p),
    gender: p.gender ?? null,
    degrees: degreesOf(p.education),
  };
}
