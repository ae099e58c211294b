import { z } from 'zod';
import { attachmentRefSchema } from '../../attachments';
import { characteristics, ratingField, ratingValueSchemaFor } from './characteristics';
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
import { sectionValueSchema, storySections } from './sections';
import { reportLabel, reportText, timestampSchema } from './text';

/**
 * The `story` record (issue 8): a human-interest story, the change a beneficiary (an
 * individual, a family or a community) experienced. Exporting it needs a consent record
 * (consent.ts); an anonymised story never exports the beneficiary's name or photos.
 */

export const beneficiaryKinds = ['individual', 'family', 'community'] as const;
export type BeneficiaryKind = (typeof beneficiaryKinds)[number];

/** What the beneficiary consented to: the mid-term review, print, online publication. */
export const consentUses = ['mtr', 'print', 'online'] as const;
export type ConsentUse = (typeof consentUses)[number];

export const consentSchema = z
  .object({
    consentedBy: reportLabel(200, 'name of who consented').refine((n) => n.length > 0, { message: 'Write who gave the consent.' }),
    consentedAt: timestampSchema,
    uses: z
      .array(z.enum(consentUses))
      .min(1, { message: 'Tick at least one use the consent covers.' })
      .max(consentUses.length)
      .refine((u) => new Set(u).size === u.length, { message: 'A use is listed twice.' }),
    /** The signed form (shared/attachments.ts: PDF, DOCX, PNG or JPEG, checked by its bytes). */
    form: attachmentRefSchema,
  })
  .nullable();
export type Consent = z.infer<typeof consentSchema>;

export const storyRatingSchema = ratingValueSchemaFor(storySections);
export const storyRatingFields = characteristics.map(ratingField);

const sectionFields = Object.fromEntries(storySections.map((s) => [s, sectionValueSchema.nullable()])) as Record<
  (typeof storySections)[number],
  z.ZodNullable<typeof sectionValueSchema>
>;
const ratingFields = Object.fromEntries(storyRatingFields.map((r) => [r, storyRatingSchema.nullable()])) as Record<
  (typeof storyRatingFields)[number],
  z.ZodNullable<typeof storyRatingSchema>
>;

export const storyMetaSchema = z.object({
  title: titleSchema,
  countries: countriesSchema,
  periodStart: monthSchema,
  periodEnd: monthSchema,
  expertIds: expertIdsSchema,
  expertise: expertiseSchema,
  beneficiaryKind: z.enum(beneficiaryKinds),
  anonymised: z.boolean(),
  beneficiaryName: reportLabel(200, 'beneficiary name'),
  beneficiaryDescription: reportText(2_000, 'beneficiary description', true),
  photos: photosSchema,
  quotes: quotesSchemaFor(storySections),
  interviewIds: interviewIdsSchema,
  consent: consentSchema,
  ...ratingFields,
});
export type StoryMeta = z.infer<typeof storyMetaSchema>;

export const storyFieldsSchema = storyMetaSchema.extend({
  status: z.enum(reportStatuses),
  deletedAt: timestampSchema.nullable(),
  demo: z.boolean(),
  ...sectionFields,
});
export type StoryFields = z.infer<typeof storyFieldsSchema>;

export const storyDefaults: StoryFields = {
  title: '',
  countries: [],
  periodStart: null,
  periodEnd: null,
  expertIds: [],
  expertise: [],
  beneficiaryKind: 'individual',
  anonymised: false,
  beneficiaryName: '',
  beneficiaryDescription: '',
  photos: [],
  quotes: [],
  interviewIds: [],
  consent: null,
  status: 'draft',
  deletedAt: null,
  demo: false,
  ...(Object.fromEntries([...storySections, ...storyRatingFields].map((f) => [f, null])) as Record<
    (typeof storySections)[number] | (typeof storyRatingFields)[number],
    null
  >),
};
