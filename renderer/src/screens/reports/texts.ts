import { ratingField, type Criterion, type Rating, type ReportStatus, type ReportType, type SectionField } from '../../../../shared/model/reports';
import { intlLocale, type Locale, type MessageKey, type Translate } from '../../i18n';
import { ratingFieldName, ratingLevelName, sectionName } from './panels/ratingText';

/**
 * Names the case-study and story screens build from codes: one place, in both languages. A
 * characteristic, a rating level and a section are named by the panels' words (panels/ratingText),
 * so the list, its filters and the editor never call the same thing two ways.
 */

export const criterionLabel = (t: Translate, c: Criterion) => ratingFieldName(t, ratingField(c));
export const ratingLabel = (t: Translate, r: Rating | null | undefined) => ratingLevelName(t, r ?? null);
export const sectionLabel: (t: Translate, s: SectionField) => string = sectionName;
export const statusLabel = (t: Translate, s: ReportStatus) => t(`reports.status.${s}` as MessageKey);
export const typeLabel = (t: Translate, type: ReportType) => t(`reports.type.${type}` as MessageKey);

/** Badge colours by where the document stands: being written (gray), with reviewers (blue), done (teal). */
export const statusColor: Record<ReportStatus, string> = { draft: 'gray', in_review: 'blue', approved: 'teal' };

/** A period of months ('YYYY-MM') as a reader says it: "Mar 2022 – Dec 2022"; an open end is left out. */
export function periodText(locale: Locale, start: string | null, end: string | null): string {
  const month = (m: string | null) => {
    const match = m ? /^(\d{4})-(\d{2})$/.exec(m) : null;
    return match ? new Intl.DateTimeFormat(intlLocale[locale], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : '';
  };
  const [from, to] = [month(start), month(end)];
  return from && to ? (from === to ? from : `${from} – ${to}`) : from || to;
}
