/**
 * The ACCSM eligibility criteria a screening confirms, one key each. `required` criteria decide
 * eligibility (those that apply to the applicant's type); `optional` ones are recorded only.
 */
export const eligibilityCriteria = ['experience', 'recommendation', 'declarations', 'publications', 'practice', 'languages', 'speaking'] as const;
export type EligibilityCriterion = (typeof eligibilityCriteria)[number];

export const optionalCriteria: ReadonlySet<EligibilityCriterion> = new Set(['languages', 'speaking']);

/** The criteria that must be met for an applicant of this type. */
export function requiredCriteria(applicantType: 'academic' | 'practitioner' | 'both'): EligibilityCriterion[] {
  const base: EligibilityCriterion[] = ['experience', 'recommendation', 'declarations'];
  if (applicantType !== 'practitioner') base.push('publications');
  if (applicantType !== 'academic') base.push('practice');
  return base;
}
