import { z } from 'zod';
import { attachmentRefSchema, MAX_RECORDING_BYTES, recordingRefSchema } from '../attachments';
import { countryCodes } from '../model/countries';
import { idSchema } from '../model/expert';
import {
  caseStudyFieldsSchema,
  caseStudyMetaSchema,
  commentTextSchema,
  criteria,
  interviewFieldsSchema,
  interviewInputSchema,
  monthSchema,
  ratings,
  reportCommentFieldsSchema,
  reportStatuses,
  reportTypes,
  revSchema,
  sectionValueSchema,
  storyFieldsSchema,
  storyMetaSchema,
  type Criterion,
} from '../model/reports';
import { caseStudySections, MAX_SECTION_CHARS, storySections } from '../model/reports/sections';
import { hasHiddenCharacters, hiddenCharactersMessage } from '../text/hygiene';

/**
 * Case studies and human-interest stories (issue 8): the contract methods of reports, their
 * sections, review comments and interviews. Spread into the one contract (methods.ts). Every
 * write goes through the change funnel; a section is saved on its own (`reports.writeSection`)
 * so concurrent edits of one section become several heads the curator resolves, never a loss.
 */

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const byId = z.object({ id: idSchema });
const allSections = [...new Set([...caseStudySections, ...storySections])] as [string, ...string[]];

// ---------------------------------------------------------------- list

export const reportFiltersSchema = z.object({
  type: z.array(z.enum(reportTypes)).max(reportTypes.length).default([]),
  query: z.string().max(200).default(''),
  countries: z.array(z.enum(countryCodes)).max(countryCodes.length).default([]),
  status: z.array(z.enum(reportStatuses)).max(reportStatuses.length).default([]),
  /** Reports whose period meets [periodFrom, periodTo] (months, 'YYYY-MM'); null: open. */
  periodFrom: monthSchema.default(null),
  periodTo: monthSchema.default(null),
  /** Reports rated at least `min` on `criterion` (a characteristic, or a dimension for case studies). */
  rating: z
    .object({ criterion: z.enum(criteria as [Criterion, ...Criterion[]]), min: z.enum(ratings) })
    .nullable()
    .default(null),
  /** The removed reports instead of the live ones (to restore one). */
  removed: z.boolean().default(false),
});
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

const ratingOrNull = z.enum(ratings).nullable();

export const reportSummarySchema = z.object({
  id: idSchema,
  type: z.enum(reportTypes),
  title: z.string(),
  countries: z.array(z.enum(countryCodes)),
  status: z.enum(reportStatuses),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  /** Each criterion the type is rated on → its rating (null: not rated yet). */
  ratings: z.partialRecord(z.enum(criteria as [Criterion, ...Criterion[]]), ratingOrNull),
  /** Sections with at least the minimum words, of all the type's sections. */
  complete: z.number().int(),
  totalSections: z.number().int(),
  words: z.number().int(),
  /** Sections holding concurrent versions (several heads) to resolve. */
  concurrentSections: z.number().int(),
  /** Stories: whether a consent is recorded (cases studies: always true). */
  consent: z.boolean(),
  openComments: z.number().int(),
  demo: z.boolean(),
  updatedAt: z.number(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

// ---------------------------------------------------------------- one report

/** One version of a section with who saved it and when (from its change). */
export const sectionVersionSchema = z.object({
  value: sectionValueSchema,
  actor: z.string(),
  actorName: z.string(),
  at: z.number(),
});
export type SectionVersion = z.infer<typeof sectionVersionSchema>;

export const sectionStateSchema = z.object({
  section: z.enum(allSections),
  /** The value the record holds now (the last save by clock), or null while empty. */
  current: sectionValueSchema.nullable(),
  /** Every head when there are several (curators saved it concurrently); empty when clean. */
  heads: z.array(sectionVersionSchema),
  words: z.number().int(),
  complete: z.boolean(),
});
export type SectionState = z.infer<typeof sectionStateSchema>;

export const commentSchema = z.object({
  id: idSchema,
  reportId: idSchema,
  section: z.string().nullable(),
  text: z.string(),
  resolved: z.boolean(),
  authorId: z.string(),
  authorName: z.string(),
  at: z.number(),
});
export type ReportComment = z.infer<typeof commentSchema>;

export const interviewSchema = interviewFieldsSchema.omit({ deletedAt: true }).extend({
  id: idSchema,
  removed: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Interview = z.infer<typeof interviewSchema>;

/** What the signed-in user may do with the report (the screens hide what they may not). */
export const reportPermissionsSchema = z.object({ write: z.boolean(), approve: z.boolean(), comment: z.boolean() });

const detailCommon = {
  id: idSchema,
  sections: z.array(sectionStateSchema),
  comments: z.array(commentSchema),
  /** The interviews the report names (interviewIds and quotes), removed ones included so a citation still shows. */
  interviews: z.array(interviewSchema),
  complete: z.number().int(),
  totalSections: z.number().int(),
  words: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
  updatedBy: z.string(),
  removed: z.boolean(),
  permissions: reportPermissionsSchema,
};

export const reportDetailSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('case_study'), fields: caseStudyFieldsSchema, ...detailCommon }),
  z.object({ type: z.literal('story'), fields: storyFieldsSchema, ...detailCommon }),
]);
export type ReportDetail = z.infer<typeof reportDetailSchema>;

// ---------------------------------------------------------------- writes

// A title is trimmed before this check, so one of only spaces is no title, on create and on update alike.
const titleRequired = caseStudyMetaSchema.shape.title.refine((t) => t.length > 0, { message: 'Write a title.' });
// Strict: a field this version does not know (a misspelt or invented rating) is refused, not dropped.
export const reportCreateSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('case_study'), fields: caseStudyMetaSchema.partial().extend({ title: titleRequired }).strict() }),
  z.object({ type: z.literal('story'), fields: storyMetaSchema.partial().extend({ title: titleRequired }).strict() }),
]);

export const reportUpdateSchema = z.discriminatedUnion('type', [
  z.object({ id: idSchema, type: z.literal('case_study'), patch: caseStudyMetaSchema.partial().extend({ title: titleRequired.optional() }).strict() }),
  z.object({ id: idSchema, type: z.literal('story'), patch: storyMetaSchema.partial().extend({ title: titleRequired.optional() }).strict() }),
]);

export const writeSectionSchema = z.object({
  id: idSchema,
  section: z.enum(allSections, { message: 'This is not a section of a case study or story.' }),
  text: z
    .string()
    .max(MAX_SECTION_CHARS, { message: `A section holds at most ${MAX_SECTION_CHARS.toLocaleString('en')} characters. Shorten it or move part of it to another section.` })
    .refine((v) => !hasHiddenCharacters(v, true), { message: hiddenCharactersMessage('section') }),
  /** The version the text was edited from; null for a section that was empty when editing began. */
  base: revSchema.nullable(),
  /** Keep this text as the section's one version: its parents are all the current heads. */
  resolve: z.boolean().default(false),
});

const attachmentUpload = z.object({
  name: z.string().trim().min(1).max(200),
  mime: z.string().max(100),
  dataBase64: z.string().max(14 * 1024 * 1024, { message: 'The file is larger than 10 MB. Attach a smaller one.' }),
});

/** A recording's upload: up to MAX_RECORDING_BYTES once decoded (base64 is 4 characters per 3 bytes). */
const recordingUpload = attachmentUpload.extend({
  dataBase64: z.string().max(Math.ceil(MAX_RECORDING_BYTES / 3) * 4, { message: 'The recording is larger than 16 MB. Save it at a lower quality for speech, or split it.' }),
});

export const interviewListSchema = z
  .object({ query: z.string().max(200).default(''), removed: z.boolean().default(false) })
  .default({ query: '', removed: false });

// ---------------------------------------------------------------- the contract

export const reportsContract = {
  'reports.list': method(reportFiltersSchema.default(reportFiltersSchema.parse({})), z.object({ items: z.array(reportSummarySchema), total: z.number().int() })),
  'reports.get': method(byId, reportDetailSchema),
  'reports.create': method(reportCreateSchema, reportDetailSchema),
  /** Every field but the sections, status and removal; only the fields that differ are written. */
  'reports.update': method(reportUpdateSchema, reportDetailSchema),
  /** Saves one section (autosave). A save on an older base is not an error: it makes a second head. */
  'reports.writeSection': method(writeSectionSchema, sectionStateSchema),
  'reports.remove': method(byId, byId),
  'reports.restore': method(byId, reportDetailSchema),
  /** Draft → in review → approved (and back); the optional comment is recorded as a review comment. */
  'reports.setStatus': method(
    z.object({ id: idSchema, status: z.enum(reportStatuses), comment: commentTextSchema.optional() }),
    reportDetailSchema,
  ),
  /**
   * Reads an evaluation sheet (CSV or XLSX: criterion, rating, evidence, sections) into the
   * report's ratings, all or nothing (shared/model/reports/ratings-import.ts); a characteristic
   * or rating that does not exist is UNKNOWN_CHARACTERISTIC (details { name, row }). With
   * `dryRun`, the same checks and the report as it would be, with nothing written (the screen's preview).
   */
  'reports.importRatings': method(
    z.object({
      id: idSchema,
      fileName: z.string().trim().min(1).max(200),
      dataBase64: z.string().max(28 * 1024 * 1024, { message: 'The file is larger than 20 MB. Import a smaller sheet.' }),
      dryRun: z.boolean().default(false),
    }),
    reportDetailSchema,
  ),
  /** Stores a consent form or an interview's attachment, checked by its bytes (services/attachments). */
  'reports.putAttachment': method(attachmentUpload, attachmentRefSchema),
  /** Stores an interview's audio recording (MP3, M4A, OGG, WAV, WebM), checked by its bytes (services/attachments/recording.ts). */
  'reports.putRecording': method(recordingUpload, recordingRefSchema),

  'comments.add': method(
    z.object({ reportId: idSchema, section: reportCommentFieldsSchema.shape.section.default(null), text: commentTextSchema }),
    commentSchema,
  ),
  'comments.resolve': method(z.object({ id: idSchema, resolved: z.boolean().default(true) }), commentSchema),

  'interviews.list': method(interviewListSchema, z.object({ items: z.array(interviewSchema) })),
  'interviews.get': method(byId, interviewSchema.extend({ usedBy: z.array(z.object({ id: idSchema, type: z.enum(reportTypes), title: z.string() })) })),
  'interviews.create': method(z.object({ fields: interviewInputSchema.partial().required({ name: true }) }), interviewSchema),
  'interviews.update': method(z.object({ id: idSchema, patch: interviewInputSchema.partial() }), interviewSchema),
  'interviews.remove': method(byId, byId),
} as const;
