import { z } from 'zod';
import { characteristics, dimensions, ratingField, ratingValueSchemaFor } from './characteristics';
import { figureSchema } from './figure';
import {
  countriesSchema,
  expertIdsSchema,
  expertiseSchema,
  interviewIdsSchema,
  monthSchema,
  photosSchema,
  quotesSchemaFor,
  reportStatuses,
  titleSchema,
} from './parts';
import { caseStudySections, sectionValueSchema } from './sections';
import { reportLabel, timestampSchema } from './text';

/**
 * The `case_study` record (issue 8): a programme's effectiveness, success, ease of
 * implementation and replicability, for the ASCC Blueprint 2025 mid-term review. A mutable
 * record merged field by field; each section and each rating is its own field, so curators
 * editing different ones offline merge cleanly.
 */

export const MAX_INDICATORS = 30;
export const MAX_FIGURES = 20;

export const indicatorSchema = z.object({
  name: reportLabel(200, 'indicator').refine((n) => n.length > 0, { message: 'Name the indicator.' }),
  unit: reportLabel(50, 'unit'),
  baseline: z.number().finite().nullable(),
  target: z.number().finite().nullable(),
  actual: z.number().finite().nullable(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const caseStudyRatingSchema = ratingValueSchemaFor(caseStudySections);
export const caseStudyRatingFields = [...characteristics.map(ratingField), ...dimensions.map(ratingField)] as const;

const sectionFields = Object.fromEntries(caseStudySections.map((s) => [s, sectionValueSchema.nullable()])) as Record<
  (typeof caseStudySections)[number],
  z.ZodNullable<typeof sectionValueSchema>
>;
const ratingFields = Object.fromEntries(caseStudyRatingFields.map((r) => [r, caseStudyRatingSchema.nullable()])) as Record<
  (typeof caseStudyRatingFields)[number],
  z.ZodNullable<typeof caseStudyRatingSchema>
>;

/** The fields a curator edits directly (reports.create / reports.update); sections are saved one by one (reports.writeSection). */
export const caseStudyMetaSchema = z.object({
  title: titleSchema,
  countries: countriesSchema,
  programme: reportLabel(300, 'programme'),
  workPlanActivity: reportLabel(300, 'work-plan activity'),
  blueprintObjective: reportLabel(500, 'Blueprint objective'),
  periodStart: monthSchema,
  periodEnd: monthSchema,
  expertIds: expertIdsSchema,
  expertise: expertiseSchema,
  indicators: z.array(indicatorSchema).max(MAX_INDICATORS),
  photos: photosSchema,
  figures: z
    .array(figureSchema)
    .max(MAX_FIGURES)
    .refine((f) => new Set(f.map((x) => x.id)).size === f.length, { message: 'A figure is listed twice.' }),
  interviewIds: interviewIdsSchema,
  quotes: quotesSchemaFor(caseStudySections),
  ...ratingFields,
});
export type CaseStudyMeta = z.infer<typeof caseStudyMetaSchema>;

/** Every field of the record, each checked on its own (shared/sync/change.ts). */
export const caseStudyFieldsSchema = caseStudyMetaSchema.extend({
  status: z.enum(reportStatuses),
  deletedAt: timestampSchema.nullable(),
  demo: z.boolean(),
  ...sectionFields,
});
export type CaseStudyFields = z.infer<typeof caseStudyFieldsSchema>;

/** What a field the record lacks reads as (a partial record that arrived by sync). */
export const caseStudyDefaults: CaseStudyFields = {
  title: '',
  countries: [],
  programme: '',
  workPlanActivity: '',
  blueprintObjective: '',
  periodStart: null,
  periodEnd: null,
  expertIds: [],
  expertise: [],
  indicators: [],
  photos: [],
  figures: [],
  interviewIds: [],
  quotes: [],
  status: 'draft',
  deletedAt: null,
  demo: false,
  ...(Object.fromEntries([...caseStudySections, ...caseStudyRatingFields].map((f) => [f, null])) as Record<
    (typeof caseStudySections)[number] | (typeof caseStudyRatingFields)[number],
    null
  >),
};
