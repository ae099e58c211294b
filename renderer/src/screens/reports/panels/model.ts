/**
 * The panels' view of the issue-8 model (reports-design.md). PROVISIONAL: written before
 * shared/model/reports and shared/contract/reports landed; once they do, this file re-exports
 * them and keeps only the small accessors the panels share.
 */
import type { AttachmentRef } from '../../../../../shared/attachments';

export type ReportType = 'case_study' | 'story';

export const ratings = ['not_evident', 'emerging', 'evident', 'strong'] as const;
export type Rating = (typeof ratings)[number];

export const characteristicFields = ['r_people', 'r_inclusive', 'r_sustainable', 'r_resilient', 'r_dynamic'] as const;
export const dimensionFields = ['r_effectiveness', 'r_success', 'r_ease', 'r_replicability'] as const;
export type CharacteristicField = (typeof characteristicFields)[number];
export type RatingField = CharacteristicField | (typeof dimensionFields)[number];

export const caseStudySections = ['s_context', 's_problem', 's_approach', 's_results', 's_effectiveness', 's_successFactors', 's_ease', 's_replicability', 's_lessons', 's_sources'] as const;
export const storySections = ['s_before', 's_after', 's_change', 's_sources'] as const;
export type SectionField = (typeof caseStudySections)[number] | (typeof storySections)[number];

export const MAX_EVIDENCE_CHARS = 4_000;

export interface RatingValue {
  rating: Rating | null;
  evidence: string;
  sections: SectionField[];
}

export interface PhotoItem {
  hash: string;
  caption: string;
  credit: string;
  alt: string;
}

export interface Quote {
  id: string;
  text: string;
  speaker: string;
  interviewId: string | null;
  section: SectionField;
}

export const consentUses = ['mtr', 'print', 'online'] as const;
export type ConsentUse = (typeof consentUses)[number];
export interface Consent {
  consentedBy: string;
  consentedAt: number;
  uses: ConsentUse[];
  form: AttachmentRef;
}

export const beneficiaryKinds = ['individual', 'family', 'community'] as const;
export type BeneficiaryKind = (typeof beneficiaryKinds)[number];

export const figureMetrics = ['experts_by_country', 'experts_by_expertise', 'experts_by_language'] as const;
export interface Figure {
  id: string;
  metric: (typeof figureMetrics)[number];
  filters: { countries?: string[]; expertise?: string[]; languages?: string[]; includeArchived?: boolean };
  title: string;
  chart: 'bar' | 'table';
  takenAt: number;
  total: number;
  rows: { key: string; label: string; count: number }[];
  section: SectionField;
}

export interface InterviewFields {
  name: string;
  role: string;
  organisation: string;
  sectoralBody: string;
  heldAt: number | null;
  notes: string;
  transcript: string;
  attachment: AttachmentRef | null;
  consentToQuote: boolean;
}
export interface Interview extends InterviewFields {
  id: string;
}

/** The record fields the panels read; every other field passes through untouched. */
export interface ReportFields {
  title: string;
  photos: PhotoItem[];
  quotes: Quote[];
  interviewIds: string[];
  figures?: Figure[];
  beneficiaryKind?: BeneficiaryKind;
  anonymised?: boolean;
  beneficiaryName?: string;
  beneficiaryDescription?: string;
  consent?: Consent | null;
  [field: string]: unknown;
}

export interface ReportRecord {
  id: string;
  type: ReportType;
  fields: ReportFields;
}

export type ReportPatch = Partial<ReportFields> & Record<string, unknown>;

export const ratingFieldsOf = (type: ReportType): readonly RatingField[] => (type === 'case_study' ? [...characteristicFields, ...dimensionFields] : characteristicFields);
export const sectionsOf: Record<ReportType, readonly SectionField[]> = { case_study: caseStudySections, story: storySections };

const emptyRating: RatingValue = { rating: null, evidence: '', sections: [] };
export function ratingOf(report: ReportRecord, field: RatingField): RatingValue {
  const value = report.fields[field] as RatingValue | null | undefined;
  return value ?? emptyRating;
}
