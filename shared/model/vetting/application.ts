import { z } from 'zod';
import { attachmentMimes, attachmentRefSchema, type AttachmentRef } from '../../attachments';
import { hasHiddenCharacters } from '../../text/hygiene';
import { countryCodes } from '../countries';
import { expertDefaults, expertFieldsSchema, idSchema, profileSections } from '../expert';

/**
 * The `application` record: a mutable record merged field by field like `expert`. The
 * applicant's proposed profile uses the expert's own field names and schemas, so accepting an
 * application copies them unchanged; the rest says who recommends the applicant, what they
 * declared and what evidence they sent. Where it stands in the vetting is not a field: it is
 * computed from the application's events (state.ts).
 */

export const applicantTypes = ['academic', 'practitioner', 'both'] as const;
export const recommenderBodies = ['government', 'professional', 'other'] as const;
export const applicationSources = ['curator', 'kiosk', 'import'] as const;
export const evidenceKinds = ['publication', 'certificate', 'event'] as const;
export const declarationKinds = ['codeOfConduct', 'independence', 'responsibility'] as const;

export type ApplicantType = (typeof applicantTypes)[number];
export type RecommenderBody = (typeof recommenderBodies)[number];
export type EvidenceKind = (typeof evidenceKinds)[number];
export type DeclarationKind = (typeof declarationKinds)[number];

const text = (max: number, field: string, multiline = false) =>
  z
    .string()
    .trim()
    .max(max, { message: `Use at most ${max} characters.` })
    .refine((v) => !hasHiddenCharacters(v, multiline), {
      message: `The ${field} contains a control character or a hidden text-direction mark. Retype it without them.`,
      abort: true,
    });

/** A file the applicant sent: shared/attachments.ts says what is accepted and checks the reference. */
export { attachmentMimes, attachmentRefSchema, type AttachmentRef };

/** A declaration the applicant signed by typing their name; null while unsigned. */
export const signatureSchema = z
  .object({
    signedName: text(200, 'signed name').min(1, { message: 'Type your name to sign.' }),
    signedAt: z.number().int().min(0).max(8.64e15),
  })
  .nullable();
export type Signature = z.infer<typeof signatureSchema>;

export const declarationsSchema = z.object({
  codeOfConduct: signatureSchema,
  independence: signatureSchema,
  responsibility: signatureSchema,
});
export type Declarations = z.infer<typeof declarationsSchema>;

export const evidenceSchema = z.object({
  kind: z.enum(evidenceKinds),
  title: text(300, 'title').min(1, { message: 'Enter a title.' }),
  year: z.number().int().min(1950).max(2100).nullable().optional(),
  detail: text(2000, 'detail', true).optional(),
  /** A certificate or an event involvement validated by its organiser counts for a practitioner. */
  validated: z.boolean().optional(),
  attachment: attachmentRefSchema.nullable().optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** A curator's verdict on one duplicate candidate of an application. */
export const duplicateMarkSchema = z.object({
  entity: z.enum(['expert', 'application']),
  id: idSchema,
  verdict: z.enum(['same', 'different']),
});
export type DuplicateMark = z.infer<typeof duplicateMarkSchema>;

const e = expertFieldsSchema.shape;

/** The fields of an application, each checked on its own (changes carry only some). */
export const applicationFieldsSchema = z.object({
  // The proposed profile: the expert's fields, the same schemas.
  givenName: e.givenName,
  familyName: e.familyName,
  nameOrder: e.nameOrder,
  otherNames: e.otherNames,
  honorific: e.honorific,
  gender: e.gender,
  country: e.country,
  agency: e.agency,
  position: e.position,
  email: e.email,
  phone: e.phone,
  languages: e.languages,
  expertise: e.expertise,
  careerSummary: e.careerSummary,
  yearsExperience: e.yearsExperience,
  education: e.education,
  // About the application.
  applicantType: z.enum(applicantTypes),
  nominatingCountry: z.enum(countryCodes, { message: 'Choose the member state that nominates the applicant.' }),
  recommenderName: text(200, 'recommender name'),
  recommenderOrganisation: text(200, 'recommender organisation'),
  recommenderBody: z.enum(recommenderBodies).nullable(),
  recommendationLetter: attachmentRefSchema.nullable(),
  declarations: declarationsSchema,
  /** Conflicts the applicant declared: names of people or organisations a reviewer must not be. */
  declaredConflicts: z.array(text(200, 'declared conflict').min(1)).max(20),
  /** The profile sections the applicant consents to publish. */
  consentSections: z.array(z.enum(profileSections)).max(profileSections.length),
  cv: attachmentRefSchema.nullable(),
  evidence: z.array(evidenceSchema).max(100),
  /** Optional ACCSM criterion: has spoken at conferences, workshops or trainings. */
  speakingExperience: z.boolean().nullable(),
  source: z.enum(applicationSources),
  /** Set by bulk import (file + row identity), so importing the same file twice adds nothing. */
  importKey: z.string().min(1).max(200).nullable(),
  /** The expert a curator said is the same person: accepting updates that expert. */
  matchedExpertId: idSchema.nullable(),
  /**
   * The curator's verdict on each duplicate candidate they marked ("same person" or
   * "different"), so a candidate shows its mark; a "same" expert is matchedExpertId too.
   */
  duplicateMarks: z.array(duplicateMarkSchema).max(100),
  deletedAt: z.number().int().min(0).max(8.64e15).nullable(),
});
export type ApplicationFields = z.infer<typeof applicationFieldsSchema>;
export type ApplicationFieldName = keyof ApplicationFields;
export const applicationFieldNames = Object.keys(applicationFieldsSchema.shape) as ApplicationFieldName[];

/** Defaults for a new application, so a create needs only what was typed. */
export const applicationDefaults: Omit<ApplicationFields, 'givenName' | 'country' | 'nominatingCountry' | 'applicantType' | 'source'> = {
  // The proposed profile starts as a new expert does (no photo or visibility: publication sets those).
  ...(({ photo: _photo, visibility: _visibility, ...profile }) => profile)(expertDefaults),
  recommenderName: '',
  recommenderOrganisation: '',
  recommenderBody: null,
  recommendationLetter: null,
  declarations: { codeOfConduct: null, independence: null, responsibility: null },
  declaredConflicts: [],
  consentSections: [],
  cv: null,
  evidence: [],
  speakingExperience: null,
  importKey: null,
  matchedExpertId: null,
  duplicateMarks: [],
  deletedAt: null,
};

export const applicationCreateSchema = applicationFieldsSchema
  .partial()
  .required({ givenName: true, country: true, nominatingCountry: true, applicantType: true, source: true });
export type ApplicationCreate = z.infer<typeof applicationCreateSchema>;
export const applicationPatchSchema = applicationFieldsSchema.partial();
