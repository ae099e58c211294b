import type { AppErrorShape } from '../../../../../shared/contract';

/**
 * What a NO_CONSENT refusal of reports.export asks the curator to fix, read from the error's
 * details (electron/core/services/reports-export/build/consent.ts): the record (a story or a
 * case study), and whether it is the story's consent or quotes without the interviewee's
 * consent — which decides the tab the curator is sent to (Consent, or Sources & quotes).
 */
export interface Refusal {
  id: string;
  /** 'consent': the story has no consent covering the review; 'quotes': these quotes' interviews do not consent to be quoted. */
  fix: 'consent' | 'quotes';
  speakers: string[];
}

export function readRefusal(error: AppErrorShape): Refusal | null {
  if (error.code !== 'NO_CONSENT' || !error.details) return null;
  const d = error.details as { story?: unknown; report?: unknown; quotes?: unknown };
  const id = typeof d.story === 'string' ? d.story : typeof d.report === 'string' ? d.report : null;
  if (!id) return null;
  if (Array.isArray(d.quotes) && d.quotes.length) {
    const speakers = d.quotes.map((q: unknown) => (q && typeof q === 'object' && typeof (q as { speaker?: unknown }).speaker === 'string' ? (q as { speaker: string }).speaker : ''));
    return { id, fix: 'quotes', speakers };
  }
  return { id, fix: 'consent', speakers: [] };
}
