import type { CountryCode } from '../../../../shared/model/countries';
import { displayName, type ProfileSection } from '../../../../shared/model/expert';
import type { ApplicationFields } from '../../../../shared/model/vetting/application';
import { applicationReference } from '../../../../shared/model/vetting/reference';
import type { EligibilityCriterion } from '../../../../shared/model/vetting/criteria';
import type { ApplicationState } from '../../../../shared/model/vetting/state';

/**
 * What a decision letter says, gathered from an application and its computed state. The
 * letter's outcome follows the stage the events put the application in; an application
 * without a decision (still in screening or review, or in conflict) has no letter.
 */

export const letterOutcomes = ['published', 'accepted', 'rejected', 'returned', 'withdrawn', 'not_eligible'] as const;
export type LetterOutcome = (typeof letterOutcomes)[number];

export interface LetterData {
  /** The short reference the applicant quotes (shared/model/vetting/reference: XXXX-XXXX, as the kiosk shows it). */
  reference: string;
  outcome: LetterOutcome;
  honorific: string;
  /** The name as the applicant's country writes it (shared/model/expert displayName). */
  name: string;
  agency: string;
  position: string;
  country: CountryCode;
  nominatingCountry: CountryCode;
  submittedAt: number | null;
  /** When the outcome was reached: the decision, the screening, the withdrawal. */
  decidedAt: number;
  publishedAt: number | null;
  /** The decision's reason, what information is needed, or the applicant's reason to withdraw. */
  reason: string;
  /** Not eligible: the required criteria the screening found unmet, with the curator's note. */
  unmet: { criterion: EligibilityCriterion; note: string }[];
  /** Published: the profile sections published (those the applicant consented to). */
  sections: ProfileSection[];
  yearsThreshold: number;
}

/** The letter's outcome for the application's stage, or null when there is no decision to write about. */
export function letterOutcome(state: Pick<ApplicationState, 'stage'>): LetterOutcome | null {
  return (letterOutcomes as readonly string[]).includes(state.stage) ? (state.stage as LetterOutcome) : null;
}

/** The letter's data, or null when the application has no decision (letterOutcome). */
export function letterData(id: string, fields: ApplicationFields, state: ApplicationState, yearsThreshold: number): LetterData | null {
  const outcome = letterOutcome(state);
  if (!outcome) return null;
  const decidedAt =
    outcome === 'withdrawn'
      ? (state.withdrawal?.at ?? state.stageSince ?? 0)
      : outcome === 'not_eligible'
        ? (state.screening?.at ?? state.stageSince ?? 0)
        : (state.decision?.at ?? state.stageSince ?? 0);
  const reason =
    outcome === 'withdrawn' ? (state.withdrawal?.reason ?? '') : outcome === 'returned' ? (state.infoRequest?.what ?? state.decision?.reason ?? '') : outcome === 'rejected' ? (state.decision?.reason ?? '') : '';
  return {
    reference: applicationReference(id),
    outcome,
    honorific: fields.honorific.trim(),
    name: displayName(fields),
    agency: fields.agency.trim(),
    position: fields.position.trim(),
    country: fields.country,
    nominatingCountry: fields.nominatingCountry,
    submittedAt: state.submitted?.at ?? null,
    decidedAt,
    publishedAt: state.publication?.at ?? null,
    reason: reason.trim(),
    unmet: outcome === 'not_eligible' ? (state.screening?.criteria ?? []).filter((c) => !c.met).map((c) => ({ criterion: c.criterion, note: c.note.trim() })) : [],
    sections: outcome === 'published' ? [...(state.publication?.sections ?? [])] : [...fields.consentSections],
    yearsThreshold,
  };
}
