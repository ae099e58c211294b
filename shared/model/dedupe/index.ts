/** Duplicate detection, pure: profiles, blocking keys, comparison and reasons. */
export { degreesOf, gendersDiffer, sharedDegree, type Degree, type EducationEntry } from './background';
export { normaliseEmail, normalisePhone } from './contact';
export { agencyKey, blockingKeys, countryAgencyRange, degreeKeys, isContactKey } from './keys';
export { nameForms, speltAs, type NameForm } from './names';
export { formWithout, formWithWord, oneSlipAway, slippedParticle } from './slips';
export { personOf, type PersonForMatching } from './person';
export { matchProfile, type MatchProfile } from './profile';
export type { MatchReason, MatchReasonCode } from './reasons';
export { compareNames, type NameComparison } from './compare-names';
export { canMatch, LIKELY_DUPLICATE, matchPeople, POSSIBLE_DUPLICATE, scoreMatch, type MatchContext, type MatchOutcome } from './score';
