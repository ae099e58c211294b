/**
 * The panels' view of the issue-8 model: the shared model and contract (shared/model/reports,
 * shared/contract/reports) and the few accessors the panels share.
 */
import type { ReportDetail } from '../../../../../shared/contract/reports';
import { characteristicFields, dimensionFields, emptyRating, type CaseStudyMeta, type Consent, type RatingField, type RatingValue, type ReportPhoto, type ReportType, type SectionField, type StoryMeta } from '../../../../../shared/model/reports';
import type { Ratings } from './RatingsMatrix';

export {
  beneficiaryKinds,
  characteristicFields,
  consentUses,
  dimensionFields,
  MAX_EVIDENCE_CHARS,
  MAX_PHOTOS,
  MAX_QUOTE_CHARS,
  MAX_QUOTES,
  ratings,
  sectionsOf,
  type BeneficiaryKind,
  type ConsentUse,
  type Quote,
  type Rating,
  type RatingField,
  type RatingValue,
  type SectionField,
} from '../../../../../shared/model/reports';
export type { Interview } from '../../../../../shared/contract/reports';

/** The record as reports.get answers it. */
export type ReportRecord = ReportDetail;
/** What reports.update writes: some of the fields a curator edits directly (never sections, status or removal). */
export type ReportPatch = Partial<CaseStudyMeta> | Partial<StoryMeta>;
export type PhotoItem = ReportPhoto;
export type StoryRecord = Extract<ReportRecord, { type: 'story' }>;
/** A recorded consent (the field is null while none is). */
export type ConsentRecord = NonNullable<Consent>;

/** The criteria a record is rated on: the five characteristics, and a case study's four dimensions. */
const ratingFieldsOf = (type: ReportType): readonly RatingField[] => (type === 'case_study' ? [...characteristicFields, ...dimensionFields] : characteristicFields);

/** A rating as stored, or the empty one while the criterion is not rated yet. */
export function ratingOf(report: ReportRecord, field: RatingField): RatingValue<SectionField> {
  const value = (report.fields as Partial<Record<RatingField, RatingValue<SectionField> | null>>)[field];
  return value ?? emptyRating();
}

/** The record's levels by criterion (`inclusive`, not the field `r_inclusive`), as the ratings matrix reads them. */
export const ratingsOf = (report: ReportRecord): Ratings => Object.fromEntries(ratingFieldsOf(report.type).map((f) => [f.slice(2), ratingOf(report, f).rating]));

/** The patch writing one rating (a field name computed from the criterion). */
export const ratingPatch = (field: RatingField, value: RatingValue<SectionField>): ReportPatch => ({ [field]: value }) as ReportPatch;
