import { AppError } from '../../../../../shared/contract/result';
import { quotesWithoutConsent, storyConsentProblem, type InterviewConsent } from '../../../../../shared/model/reports/consent';
import type { Quote } from '../../../../../shared/model/reports/parts';
import type { Consent } from '../../../../../shared/model/reports/story';

/**
 * What may not leave the app, checked for every document of an export before any is built (so
 * a refusal writes nothing): a story without a recorded consent covering the mid-term review,
 * a quote whose interview has no consent to be quoted. The rules are the shared predicates
 * (shared/model/reports/consent.ts) the screens warn with.
 */

export interface ExportCandidate {
  id: string;
  type: 'case_study' | 'story';
  title: string;
  quotes: readonly Quote[];
  consent?: Consent;
}

export function assertExportable(docs: readonly ExportCandidate[], interviews: readonly InterviewConsent[]): void {
  for (const d of docs) {
    if (d.type === 'story') {
      const problem = storyConsentProblem({ consent: d.consent ?? null });
      if (problem) {
        const why = problem === 'no_consent' ? 'has no recorded consent' : 'has a consent that does not cover the mid-term review';
        throw new AppError('NO_CONSENT', `The story “${d.title}” ${why}, so it cannot be exported. Record the beneficiary’s consent (who, when, for what use, the signed form), then export again. Nothing was exported.`, undefined, { story: d.id });
      }
    }
    const refused = quotesWithoutConsent(d.quotes, interviews);
    if (refused.length) {
      const named = refused.map((q) => `“${q.text.trim().slice(0, 60)}${q.text.trim().length > 60 ? '…' : ''}” (${q.speaker || 'no speaker'})`).join('; ');
      throw new AppError(
        'NO_CONSENT',
        `“${d.title}” quotes ${refused.length === 1 ? 'an interview' : 'interviews'} without consent to be quoted: ${named}. Record the interviewee’s consent to be quoted, or remove the quote, then export again. Nothing was exported.`,
        undefined,
        { ...(d.type === 'story' ? { story: d.id } : { report: d.id }), quotes: refused.map((q) => ({ id: q.id, speaker: q.speaker })) },
      );
    }
  }
}
