import type { Quote } from './parts';
import type { Consent, ConsentUse } from './story';

/**
 * What may leave the app in a document. Pure, so the export (core and CLI) and the screens
 * (which warn before an export is tried) say the same.
 * - A story is exported only with a recorded consent covering the use (the mid-term review by
 *   default).
 * - A quote from an interview is exported only when that interview records consent to be
 *   quoted; a quote whose interview is missing or removed cannot show that consent either.
 *   A quote with no interview (a beneficiary's own words) is covered by the story's consent.
 */

/** Why the story cannot be exported for this use, or null when it can. */
export function storyConsentProblem(story: { consent: Consent }, use: ConsentUse = 'mtr'): 'no_consent' | 'use_not_covered' | null {
  if (!story.consent) return 'no_consent';
  return story.consent.uses.includes(use) ? null : 'use_not_covered';
}

export interface InterviewConsent {
  id: string;
  consentToQuote: boolean;
  deletedAt: number | null;
}

/** The quotes that may not be exported: their interview has no consent to be quoted, or is gone. */
export function quotesWithoutConsent<A extends readonly Pick<Quote, 'id' | 'interviewId'>[]>(quotes: A, interviews: readonly InterviewConsent[]): A[number][] {
  const consenting = new Set(interviews.filter((i) => i.consentToQuote && i.deletedAt == null).map((i) => i.id));
  return quotes.filter((q) => q.interviewId !== null && !consenting.has(q.interviewId));
}

/**
 * What of a story a document may show: an anonymised story never shows the beneficiary's name
 * or any photo (a face or a place can name them as well as the name does).
 */
export function storyForExport<S extends { anonymised: boolean; beneficiaryName: string; photos: readonly unknown[] }>(story: S): S {
  return story.anonymised ? { ...story, beneficiaryName: '', photos: [] } : story;
}
