import { z } from 'zod';
import { characteristicFields, dimensionFields } from './characteristics';
import { figureSchema } from './figure';
import { reportFieldDefaults, reportFieldShapes } from './parts';
import { caseStudySections } from './sections';
import { reportLabel } from './text';

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

const ratingFields = [...characteristicFields, ...dimensionFields];
const shared = reportFieldShapes(caseStudySections, ratingFields);

/** The fields a curator edits directly (reports.create / reports.update); sections are saved one by one (reports.writeSection). */
export const caseStudyMetaSchema = z.object({
  ...shared.meta,
  programme: reportLabel(300, 'programme'),
  workPlanActivity: reportLabel(300, 'work-plan activity'),
  blueprintObjective: reportLabel(500, 'Blueprint objective'),
  indicators: z.array(indicatorSchema).max(MAX_INDICATORS),
  figures: z
    .array(figureSchema)
    .max(MAX_FIGURES)
    .refine((f) => new Set(f.map((x) => x.id)).size === f.length, { message: 'A figure is listed twice.' }),
});
export type CaseStudyMeta = z.infer<typeof caseStudyMetaSchema>;

/** Every field of the record, each checked on its own (shared/sync/change.ts). */
export const caseStudyFieldsSchema = caseStudyMetaSchema.extend(shared.kept);
export type CaseStudyFields = z.infer<typeof caseStudyFieldsSchema>;

/** What a field the record lacks reads as (a partial record that arrived by sync). */
export const caseStudyDefaults: CaseStudyFields = {
  ...reportFieldDefaults(caseStudySections, ratingFields),
  programme: '',
  workPlanActivity: '',
  blueprintObjective: '',
  indicators: [],
  figures: [],
};
