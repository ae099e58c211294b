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
 * Why a report cannot be exported for this use, as the NO_CONSENT error carries it, or null:
 * the story's missing consent and every quote held back, named (id and speaker) so the curator
 * knows what to fix. The export refuses the whole document rather than silently leave a quote out.
 */
export function exportConsentRefusal(
  report: { type: 'case_study' | 'story'; title: string; consent?: Consent; quotes: readonly Pick<Quote, 'id' | 'interviewId' | 'speaker'>[] },
  interviews: readonly InterviewConsent[],
  use: ConsentUse = 'mtr',
): { message: string; details: { story: 'no_consent' | 'use_not_covered' | null; quotes: { id: string; speaker: string }[] } } | null {
  const story = report.type === 'story' ? storyConsentProblem({ consent: report.consent ?? null }, use) : null;
  const quotes = quotesWithoutConsent(report.quotes, interviews).map((q) => ({ id: q.id, speaker: q.speaker }));
  if (!story && quotes.length === 0) return null;
  const parts: string[] = [];
  if (story === 'no_consent') parts.push(`the story "${report.title}" has no recorded consent`);
  if (story === 'use_not_covered') parts.push(`the consent recorded for the story "${report.title}" does not cover this use`);
  if (quotes.length) parts.push(`${quotes.length === 1 ? 'the quote' : 'the quotes'} of ${quotes.map((q) => q.speaker || 'an unnamed speaker').join(', ')} in "${report.title}" ${quotes.length === 1 ? 'comes from an interview' : 'come from interviews'} without consent to be quoted`);
  return {
    message: `This cannot be exported: ${parts.join('; and ')}. Record the consent, or remove the quote, then export again. Nothing was exported.`,
    details: { story, quotes },
  };
}

/**
 * What of a story a document may show: an anonymised story never shows the beneficiary's name
 * or any photo (a face or a place can name them as well as the name does).
 */
export function storyForExport<S extends { anonymised: boolean; beneficiaryName: string; photos: readonly unknown[] }>(story: S): S {
  return story.anonymised ? { ...story, beneficiaryName: '', photos: [] } : story;
}
