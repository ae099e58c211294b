import type { MatchReason } from '../../../../shared/model/dedupe';
import type { Stage } from '../../../../shared/model/vetting/state';
import type { VettingEvent } from '../../../../shared/model/vetting';
import { countryName, type Locale, type MessageKey, type Translate } from '../../i18n';

/** Sentences the Applications screens build from codes: one place, in both languages. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `since` to `now`; null when the stage has no start. */
export function daysIn(since: number | null, now: number): number | null {
  return since === null ? null : Math.max(0, Math.floor((now - since) / DAY_MS));
}

export function daysText(t: Translate, days: number | null): string {
  if (days === null) return '';
  return days === 0 ? t('apps.days.today') : days === 1 ? t('apps.days.one') : t('apps.days.other', { count: days });
}

export const stageLabel = (t: Translate, stage: Stage) => t(`vetting.stage.${stage}` as MessageKey);

/** Badge colours by where the application stands: waiting (blue), done well (teal), done badly (red), stopped (gray). */
export const stageColor: Record<Stage, string> = {
  new: 'gray',
  submitted: 'blue',
  info_requested: 'yellow',
  eligible: 'cyan',
  not_eligible: 'red',
  in_review: 'indigo',
  returned: 'yellow',
  accepted: 'teal',
  rejected: 'red',
  published: 'green',
  withdrawn: 'gray',
  conflict: 'orange',
};

/** Why a duplicate candidate matches, as a sentence (shared/model/dedupe/reasons.ts). */
export function matchReasonText(t: Translate, locale: Locale, r: MatchReason): string {
  switch (r.code) {
    case 'email_same':
      return t('apps.match.email_same', { email: r.email });
    case 'phone_same':
      return t('apps.match.phone_same', { phone: r.phone });
    case 'name_same':
    case 'name_order_swapped':
      return t(`apps.match.${r.code}`);
    case 'name_diacritics':
    case 'name_spelling':
    case 'name_initial':
    case 'name_joined':
      return t(`apps.match.${r.code}`, { typed: r.typed, known: r.known });
    case 'name_typo':
      return t('apps.match.name_typo', { typed: r.typed, known: r.known, distance: r.distance });
    case 'name_partial':
      return t('apps.match.name_partial', { missing: r.missing });
    case 'name_titles_ignored':
      return t('apps.match.name_titles_ignored', { words: r.words.join(', ') });
    case 'name_other_name':
      return t('apps.match.name_other_name', { name: r.name });
    case 'name_native_script':
      return t('apps.match.name_native_script', { native: r.native, romanised: r.romanised });
    case 'country_same':
      return t('apps.match.country_same', { country: countryName(locale, r.country) });
    case 'agency_same':
      return t('apps.match.agency_same', { agency: r.agency });
    case 'agency_only_namesake':
      return t('apps.match.agency_only_namesake', { agency: r.agency, count: r.namesakes });
    case 'degree_same':
      return t('apps.match.degree_same', { institution: r.institution, year: r.year });
    case 'degree_only_namesake':
      return t('apps.match.degree_only_namesake', { institution: r.institution, year: r.year, count: r.namesakes });
    case 'gender_differs':
      return t('apps.match.gender_differs', { typed: t(`gender.${r.typed}`), known: t(`gender.${r.known}`) });
  }
}

/** What one event did, for the timeline: "Assigned Dewi (conflict of interest overridden: …)". */
export function eventText(t: Translate, e: VettingEvent, name: (id: string) => string): string {
  switch (e.type) {
    case 'submitted':
      return t('apps.event.submitted');
    case 'screened': {
      const outcome = t(`apps.screening.outcome.${e.payload.outcome}`);
      return e.payload.what ? t('apps.event.screenedWhat', { outcome, what: e.payload.what }) : t('apps.event.screened', { outcome });
    }
    case 'info_received':
      return t('apps.event.info_received', { answer: e.payload.answer });
    case 'assigned':
      return e.payload.override
        ? t('apps.event.assignedOverride', { reviewer: name(e.payload.reviewerId), reason: e.payload.override.reason })
        : t('apps.event.assigned', { reviewer: name(e.payload.reviewerId) });
    case 'unassigned':
      return t('apps.event.unassigned', { reviewer: name(e.payload.reviewerId) });
    case 'review_submitted':
      return t('apps.event.review_submitted', { reviewer: name(e.payload.reviewerId), recommendation: t(`apps.recommendation.${e.payload.recommendation}`) });
    case 'decided': {
      const outcome = t(`apps.decision.${e.payload.outcome}`);
      return e.payload.reason ? t('apps.event.decidedReason', { outcome, reason: e.payload.reason }) : t('apps.event.decided', { outcome });
    }
    case 'published':
      return t('apps.event.published');
    case 'withdrawn':
      return e.payload.reason ? t('apps.event.withdrawnReason', { reason: e.payload.reason }) : t('apps.event.withdrawn');
    case 'note':
      return t('apps.event.note', { text: e.payload.text });
  }
}

/** What a precheck saw, as "label: value" pairs in the curator's language. */
export function seenText(t: Translate, key: string, value: string | number | boolean | null): string {
  const label = t(`apps.seen.${key}` as MessageKey);
  const shown =
    value === null || value === ''
      ? t('common.notGiven')
      : typeof value === 'boolean'
        ? t(value ? 'common.yes' : 'common.no')
        : key === 'body'
          ? t(`apps.recommenderBody.${value}` as MessageKey)
          : String(value);
  return `${label.startsWith('apps.seen.') ? key : label}: ${shown}`;
}

/** A conflict side's verdict ("decided:accept", "screened:eligible", "withdrawn") as words. */
export function verdictText(t: Translate, verdict: string): string {
  const [type, outcome] = verdict.split(':');
  if (type === 'decided' && outcome) return t(`apps.decision.${outcome}` as MessageKey);
  if (type === 'screened' && outcome) return t(`apps.screening.outcome.${outcome}` as MessageKey);
  if (type === 'withdrawn') return t('apps.event.withdrawn');
  if (type === 'published') return t('apps.event.published');
  return verdict;
}
