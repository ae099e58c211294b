import { z } from 'zod';
import { hasHiddenCharacters } from '../../text/hygiene';

/**
 * The `vetting_settings` record: what the secretariat sets for vetting. One record with a
 * well-known id, merged field by field like any mutable record, so two curators changing
 * different settings offline both keep their change.
 */

/** The id of the one vetting_settings record (a valid record id no node mints: its time part is 0). */
export const VETTING_SETTINGS_ID = '00000000-0000-7000-8000-000000000001';

const label = z
  .string()
  .trim()
  .min(1, { message: 'Name the criterion.' })
  .max(120, { message: 'Use at most 120 characters.' })
  .refine((v) => !hasHiddenCharacters(v), { message: 'The criterion name contains a control character. Retype it without them.' });

/** One criterion of the review rubric: each reviewer scores it from 1 to `scale`. */
export const rubricCriterionSchema = z.object({
  /** Stable key the scores are stored under; the labels may be renamed, the key never. */
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'Use a key of lower-case letters, digits and _.' }),
  label: z.object({ en: label, id: label }),
  /** Relative weight in the overall score (any positive numbers; they are normalised). */
  weight: z.number().min(0.01).max(100),
  scale: z.number().int().min(2).max(10),
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const rubricSchema = z
  .array(rubricCriterionSchema)
  .min(1, { message: 'The rubric needs at least one criterion.' })
  .max(20)
  .refine((r) => new Set(r.map((c) => c.key)).size === r.length, { message: 'Two rubric criteria have the same key; give each its own.' });

export const vettingSettingsFieldsSchema = z.object({
  /** Years of civil-service experience or consultancy an applicant needs. */
  yearsThreshold: z.number().int().min(0).max(50),
  /** A reviewer from the applicant's country (or nominating country) is conflicted. */
  sameCountryConflict: z.boolean(),
  /** Reviewers per application (k) for automatic assignment. */
  reviewersPerApplication: z.number().int().min(1).max(10),
  rubric: rubricSchema,
});
export type VettingSettings = z.infer<typeof vettingSettingsFieldsSchema>;

/** Until the secretariat sets its own: a starting point, every value editable. */
export const defaultVettingSettings: VettingSettings = {
  yearsThreshold: 10,
  sameCountryConflict: true,
  reviewersPerApplication: 2,
  rubric: [
    { key: 'expertise', label: { en: 'Depth of expertise', id: 'Kedalaman keahlian' }, weight: 3, scale: 5 },
    { key: 'experience', label: { en: 'Relevant experience', id: 'Pengalaman yang relevan' }, weight: 3, scale: 5 },
    { key: 'contribution', label: { en: 'Contribution to the region', id: 'Kontribusi bagi kawasan' }, weight: 2, scale: 5 },
    { key: 'communication', label: { en: 'Communication and training', id: 'Komunikasi dan pelatihan' }, weight: 1, scale: 5 },
  ],
};

/** Settings as stored, with defaults for fields never set (a record may hold only some). */
export function settingsFrom(stored: Partial<Record<keyof VettingSettings, unknown>> | null | undefined): VettingSettings {
  const out = { ...defaultVettingSettings };
  if (!stored) return out;
  for (const key of Object.keys(defaultVettingSettings) as (keyof VettingSettings)[]) {
    const parsed = vettingSettingsFieldsSchema.shape[key].safeParse(stored[key]);
    if (parsed.success) (out as Record<string, unknown>)[key] = parsed.data;
  }
  return out;
}

export type ScoreProblem = { code: 'MISSING_SCORE' | 'UNKNOWN_CRITERION' | 'SCORE_OUT_OF_SCALE'; criterion: string };

/** What is wrong with a review's scores against the rubric: every criterion scored, within its scale. */
export function scoreProblems(scores: Readonly<Record<string, number>>, rubric: readonly RubricCriterion[]): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const keys = new Set(rubric.map((c) => c.key));
  for (const c of rubric) {
    const s = scores[c.key];
    if (s === undefined) problems.push({ code: 'MISSING_SCORE', criterion: c.key });
    else if (!Number.isInteger(s) || s < 1 || s > c.scale) problems.push({ code: 'SCORE_OUT_OF_SCALE', criterion: c.key });
  }
  for (const k of Object.keys(scores)) if (!keys.has(k)) problems.push({ code: 'UNKNOWN_CRITERION', criterion: k });
  return problems;
}

/** The weighted score from 0 (every criterion at 1) to 1 (every criterion at its top); null when a score is missing. */
export function weightedScore(scores: Readonly<Record<string, number>>, rubric: readonly RubricCriterion[]): number | null {
  let total = 0;
  let weights = 0;
  for (const c of rubric) {
    const s = scores[c.key];
    if (s === undefined) return null;
    total += c.weight * ((Math.min(Math.max(s, 1), c.scale) - 1) / (c.scale - 1));
    weights += c.weight;
  }
  return weights > 0 ? total / weights : null;
}
