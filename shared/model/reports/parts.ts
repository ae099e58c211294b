import { z } from 'zod';
import { countryCodes } from '../countries';
import { idSchema } from '../expert';
import { ratingValueSchemaFor } from './characteristics';
import { sectionValueSchema } from './sections';
import { reportLabel, reportText, timestampSchema } from './text';

/**
 * The parts case studies and stories share: status, countries, period, the experts and
 * expertise they involve, photos and quotes. Each a schema checked field by field (a change
 * carries only some fields), with bounds so no record grows without limit.
 */

export const reportStatuses = ['draft', 'in_review', 'approved'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const MAX_TITLE_CHARS = 300;
export const MAX_PHOTOS = 20;
export const MAX_QUOTES = 50;
export const MAX_QUOTE_CHARS = 2_000;
export const MAX_REPORT_EXPERTS = 200;
export const MAX_REPORT_INTERVIEWS = 100;

export const titleSchema = reportLabel(MAX_TITLE_CHARS, 'title');

export const countriesSchema = z
  .array(z.enum(countryCodes, { message: 'Choose one of the 11 ASEAN member states.' }))
  .max(countryCodes.length)
  .refine((c) => new Set(c).size === c.length, { message: 'A country is listed twice.' });

/** A month, 'YYYY-MM', or null when open. */
export const monthSchema = z
  .string()
  .regex(/^(19|20|21)\d\d-(0[1-9]|1[0-2])$/, { message: 'Write the month as YYYY-MM, such as 2024-03.' })
  .nullable();

const uniqueIds = (max: number) =>
  z
    .array(idSchema)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'A record is listed twice.' });

export const expertIdsSchema = uniqueIds(MAX_REPORT_EXPERTS);
export const interviewIdsSchema = uniqueIds(MAX_REPORT_INTERVIEWS);
/** Taxonomy term ids (the core checks they exist, as for experts). */
export const expertiseSchema = z.array(z.string().min(1).max(60)).max(30);

/** A photo stored through the photo pipeline (decoded, re-encoded, by hash), with what a document prints under it. */
export const reportPhotoSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'This is not a stored photo.' }),
  caption: reportLabel(500, 'caption'),
  credit: reportLabel(200, 'photo credit'),
  /** Read aloud by screen readers and used as the image's description in documents. */
  alt: reportLabel(500, 'description'),
});
export type ReportPhoto = z.infer<typeof reportPhotoSchema>;
export const photosSchema = z.array(reportPhotoSchema).max(MAX_PHOTOS);

/**
 * A quote, within a section. `interviewId` names the interview it comes from: exporting it
 * needs that interview's consent to be quoted (consent.ts); null for words not from an
 * interview (a story's beneficiary, covered by the story's consent record).
 */
export const quoteSchemaFor = <S extends readonly [string, ...string[]]>(sections: S) =>
  z.object({
    id: idSchema,
    text: reportText(MAX_QUOTE_CHARS, 'quote', true).refine((t) => t.trim().length > 0, { message: 'Write the words quoted.' }),
    speaker: reportLabel(200, 'speaker'),
    interviewId: idSchema.nullable(),
    section: z.enum(sections),
  });
export interface Quote<S extends string = string> {
  id: string;
  text: string;
  speaker: string;
  interviewId: string | null;
  section: S;
}
export const quotesSchemaFor = <S extends readonly [string, ...string[]]>(sections: S) =>
  z
    .array(quoteSchemaFor(sections))
    .max(MAX_QUOTES)
    .refine((q) => new Set(q.map((x) => x.id)).size === q.length, { message: 'A quote is listed twice.' });

/** True when the period [start, end] of a record meets [from, to]; an open end meets everything on that side. */
export function periodOverlaps(record: { periodStart: string | null; periodEnd: string | null }, from: string | null, to: string | null): boolean {
  if (to && record.periodStart && record.periodStart > to) return false;
  if (from && record.periodEnd && record.periodEnd < from) return false;
  return true;
}

/** The problem with a period, or null: it may not end before it starts. */
export const periodProblem = (start: string | null, end: string | null): string | null =>
  start && end && end < start ? 'The period ends before it starts. Check the months.' : null;

const nullableFields = <K extends string, T extends z.ZodType>(keys: readonly K[], schema: T) =>
  Object.fromEntries(keys.map((k) => [k, schema.nullable()])) as Record<K, z.ZodNullable<T>>;

/**
 * The fields every report type has, for its sections and rating fields (a rating may draw only
 * on its own type's sections). `meta`: what a curator edits directly (reports.create /
 * reports.update); `kept`: status, removal, the demo mark and one field per section, each
 * written by its own method (sections one by one, reports.writeSection).
 */
export function reportFieldShapes<S extends readonly [string, ...string[]], R extends string>(sections: S, ratingFields: readonly R[]) {
  return {
    meta: {
      title: titleSchema,
      countries: countriesSchema,
      periodStart: monthSchema,
      periodEnd: monthSchema,
      expertIds: expertIdsSchema,
      expertise: expertiseSchema,
      photos: photosSchema,
      interviewIds: interviewIdsSchema,
      quotes: quotesSchemaFor(sections),
      ...nullableFields(ratingFields, ratingValueSchemaFor(sections)),
    },
    kept: {
      status: z.enum(reportStatuses),
      deletedAt: timestampSchema.nullable(),
      demo: z.boolean(),
      ...nullableFields<S[number], typeof sectionValueSchema>(sections, sectionValueSchema),
    },
  };
}

/** What those shared fields read as when the record lacks them (a partial record that arrived by sync). */
export const reportFieldDefaults = <S extends string, R extends string>(sections: readonly S[], ratingFields: readonly R[]) => ({
  title: '',
  countries: [],
  periodStart: null,
  periodEnd: null,
  expertIds: [],
  expertise: [],
  photos: [],
  interviewIds: [],
  quotes: [],
  status: 'draft' as const,
  deletedAt: null,
  demo: false,
  ...(Object.fromEntries([...sections, ...ratingFields].map((f) => [f, null])) as Record<S | R, null>),
});
