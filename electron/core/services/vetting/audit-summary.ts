import type { VettingEvent } from '../../../../shared/model/vetting/events';

const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * One line in English saying what an event did, for the audit trail and its CSV (the screens
 * render events themselves, translated, from their type and payload).
 */
export function summariseEvent(e: VettingEvent, names: ReadonlyMap<string, string>): string {
  const name = (id: string) => names.get(id) ?? id;
  switch (e.type) {
    case 'submitted':
      return 'Application submitted';
    case 'screened': {
      const met = e.payload.criteria.filter((c) => c.met).length;
      const outcome = e.payload.outcome.replace('_', ' ');
      return `Screened: ${outcome} (${met} of ${e.payload.criteria.length} criteria met)${e.payload.what ? `; requested: ${clip(e.payload.what)}` : ''}`;
    }
    case 'info_received':
      return `Information received: ${clip(e.payload.answer)}`;
    case 'assigned':
      return `Assigned to ${name(e.payload.reviewerId)}${e.payload.override ? ` despite a conflict of interest (reason: ${clip(e.payload.override.reason)})` : ''}`;
    case 'unassigned':
      return `${name(e.payload.reviewerId)} unassigned`;
    case 'review_submitted':
      return `Review by ${name(e.payload.reviewerId)}: recommends ${e.payload.recommendation.replace('_', ' ')}`;
    case 'decided':
      return `Decided: ${e.payload.outcome}${e.payload.reason ? ` (${clip(e.payload.reason)})` : ''}`;
    case 'published':
      return `Published as expert ${e.payload.expertId} (${e.payload.sections.length} sections)`;
    case 'withdrawn':
      return `Withdrawn${e.payload.reason ? ` (${clip(e.payload.reason)})` : ''}`;
    case 'note':
      return `Note: ${clip(e.payload.text)}`;
  }
}
