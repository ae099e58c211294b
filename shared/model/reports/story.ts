import { z } from 'zod';
import { attachmentRefSchema } from '../../attachments';
import { characteristicFields } from './characteristics';
import { reportFieldDefaults, reportFieldShapes } from './parts';
import { storySections } from './sections';
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

const shared = reportFieldShapes(storySections, characteristicFields);

export const storyMetaSchema = z.object({
  ...shared.meta,
  beneficiaryKind: z.enum(beneficiaryKinds),
  anonymised: z.boolean(),
  beneficiaryName: reportLabel(200, 'beneficiary name'),
  beneficiaryDescription: reportText(2_000, 'beneficiary description', true),
  consent: consentSchema,
});
export type StoryMeta = z.infer<typeof storyMetaSchema>;

export const storyFieldsSchema = storyMetaSchema.extend(shared.kept);
export type StoryFields = z.infer<typeof storyFieldsSchema>;

export const storyDefaults: StoryFields = {
  ...reportFieldDefaults(storySections, characteristicFields),
  beneficiaryKind: 'individual',
  anonymised: false,
  beneficiaryName: '',
  beneficiaryDescription: '',
  consent: null,
};
