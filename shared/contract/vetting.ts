import { z } from 'zod';
import { countryCodes } from '../model/countries';
import { idSchema, profileSections } from '../model/expert';
import { roles } from '../sync/protocol';
import {
  applicationCreateSchema,
  applicationFieldsSchema,
  applicationPatchSchema,
  attachmentRefSchema,
  eventTypes,
  payloadSchemas,
  stages,
  vettingSettingsFieldsSchema,
  type ApplicationState,
  type ChainReport,
  type Precheck,
  type VettingEvent,
} from '../model/vetting';
import { interestCodes } from '../model/vetting/interest';
import type { MatchReason } from '../model/dedupe';

/**
 * Vetting (issue 7): the contract methods of applications, their events, reviewers and users,
 * settings, the conflict inbox, audit, dashboard, letters and the workshop kiosk. Spread into
 * the one contract (methods.ts). The core computes every state from the events
 * (shared/model/vetting) and filters what the signed-in user may see before answering.
 */

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const none = z.object({}).default({});
const userId = z.string().min(1).max(200);
const text = (max: number) => z.string().trim().max(max);

// ---------------------------------------------------------------- users and the profile

/** A user as every screen sees them: a synced record (changes.ts `user`), never a secret. */
export const userRecordSchema = z.object({
  id: userId,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  country: z.enum(countryCodes).nullable(),
  /** For conflict-of-interest rules and assignment: where the reviewer works, what they know. */
  agency: z.string(),
  expertise: z.array(z.string()),
  /** People or organisations the user declared a conflict of interest with. */
  declaredConflicts: z.array(z.string()),
  disabled: z.boolean(),
});
export type UserRecord = z.infer<typeof userRecordSchema>;

export const userFieldsInputSchema = z.object({
  name: text(200).min(1, { message: 'Write the name.' }),
  email: z.union([z.literal(''), z.email({ message: 'This is not an e-mail address.' }).max(254)]).default(''),
  role: z.enum(roles),
  country: z.enum(countryCodes).nullable().default(null),
  agency: text(200).default(''),
  expertise: z.array(z.string().min(1).max(60)).max(30).default([]),
  declaredConflicts: z.array(text(200).min(1)).max(20).default([]),
  disabled: z.boolean().default(false),
});

/** Who this device acts as: the enrolled server user, else the profile chosen at first start. */
export const profileSchema = z.object({
  user: userRecordSchema.nullable(),
  /** 'server': bound to the enrolled account (cannot be switched here). 'local': chosen on this device. */
  source: z.enum(['server', 'local']).nullable(),
});

// ---------------------------------------------------------------- applications

export const applicationFiltersSchema = z.object({
  stage: z.array(z.enum(stages)).max(stages.length).default([]),
  country: z.array(z.enum(countryCodes)).max(11).default([]),
  reviewer: z.array(userId).max(50).default([]),
});

export const applicationSummarySchema = z.object({
  id: idSchema,
  /** The applicant's name as their country writes it (nameOrder applied). */
  displayName: z.string(),
  country: z.enum(countryCodes),
  nominatingCountry: z.enum(countryCodes),
  applicantType: applicationFieldsSchema.shape.applicantType,
  source: applicationFieldsSchema.shape.source,
  stage: z.enum(stages),
  stageSince: z.number().nullable(),
  submittedAt: z.number().nullable(),
  reviewerIds: z.array(userId),
  /** Reviewers assigned who have not submitted their review yet. */
  reviewsPending: z.number().int(),
  updatedAt: z.number(),
});
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

export const duplicateCandidateSchema = z.object({
  entity: z.enum(['expert', 'application']),
  id: idSchema,
  displayName: z.string(),
  country: z.string().nullable(),
  /** The workplace as written, '' when not given: tells namesakes apart on screen. */
  agency: z.string(),
  score: z.number(),
  likely: z.boolean(),
  /** Why it matches (shared/model/dedupe MatchReason): shown as sentences. */
  reasons: z.array(z.custom<MatchReason>()),
  /** The curator's mark on this pair, if any. */
  mark: z.enum(['same', 'different']).nullable(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

/** An action the signed-in user may take now on the application (the event types the state and their role allow). */
export const applicationActionSchema = z.enum(eventTypes);

export const applicationDetailSchema = z.object({
  id: idSchema,
  fields: applicationFieldsSchema,
  displayName: z.string(),
  updatedAt: z.number(),
  /** The state from the events, with reviews filtered by visibility (visibility.ts). */
  state: z.custom<ApplicationState>(),
  /** Every event, in graph order (compute.ts), for the timeline. */
  events: z.array(z.custom<VettingEvent>()),
  /** user id → name, for every `by` and reviewer the page shows. */
  people: z.record(z.string(), z.string()),
  precheck: z.custom<Precheck>(),
  duplicates: z.array(duplicateCandidateSchema),
  actions: z.array(applicationActionSchema),
  chain: z.custom<ChainReport>(),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

/** One step on an application, by type with its payload (events.ts payloadSchemas). `submitted` comes with create. */
export const actInputSchema = z.discriminatedUnion('type', [
  z.object({ applicationId: idSchema, type: z.literal('screened'), payload: payloadSchemas.screened }),
  z.object({ applicationId: idSchema, type: z.literal('info_received'), payload: payloadSchemas.info_received }),
  z.object({ applicationId: idSchema, type: z.literal('assigned'), payload: payloadSchemas.assigned }),
  z.object({ applicationId: idSchema, type: z.literal('unassigned'), payload: payloadSchemas.unassigned }),
  z.object({ applicationId: idSchema, type: z.literal('review_submitted'), payload: payloadSchemas.review_submitted }),
  // An accept creates the expert (or updates the matched one) and publishes the consented sections in the same step.
  z.object({ applicationId: idSchema, type: z.literal('decided'), payload: payloadSchemas.decided.omit({ expertId: true }) }),
  z.object({ applicationId: idSchema, type: z.literal('withdrawn'), payload: payloadSchemas.withdrawn }),
  z.object({ applicationId: idSchema, type: z.literal('note'), payload: payloadSchemas.note }),
]);
export type ActInput = z.infer<typeof actInputSchema>;

export const interestConflictSchema = z.object({ code: z.enum(interestCodes), detail: z.string() });

export const reviewerOptionSchema = z.object({
  user: userRecordSchema,
  /** Open assignments now (load). */
  load: z.number().int(),
  /** How many of the application's expertise areas the reviewer shares. */
  expertiseMatch: z.number().int(),
  conflicts: z.array(interestConflictSchema),
});

// ---------------------------------------------------------------- audit, dashboard, letters

export const auditSchema = z.object({
  applicationId: idSchema,
  entries: z.array(z.object({ eventId: idSchema, type: z.enum(eventTypes), at: z.number(), by: z.string(), byName: z.string(), summary: z.string(), hash: z.string(), valid: z.boolean() })),
  chain: z.custom<ChainReport>(),
});

export const dashboardSchema = z.object({
  byStageCountry: z.array(z.object({ stage: z.enum(stages), country: z.enum(countryCodes), count: z.number().int() })),
  medianDaysPerStage: z.array(z.object({ stage: z.enum(stages), medianDays: z.number().nullable(), count: z.number().int() })),
  reviewerLoad: z.array(z.object({ reviewerId: userId, name: z.string(), open: z.number().int(), submitted: z.number().int() })),
  total: z.number().int(),
});

/** A file made by the core for the curator to save (system dialog) or download (browser mode). */
export const fileOutSchema = z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() });
export const letterFormats = ['docx', 'pdf'] as const;
export const langSchema = z.enum(['en', 'id']);

// ---------------------------------------------------------------- the contract


/**
 * Why auto-assignment left an application short, by a stable code the window words in the
 * curator's language (`reason` is the same in English, for logs and the CLI):
 * NOT_FOUND; NOT_ASSIGNABLE (its stage); REFUSED (a reviewer's assignment was refused: the step
 * rule, when the refusal named one); NO_REVIEWERS; SHORT (`have` of the `need` reviewers).
 */
export const autoAssignSkipCodes = ['NOT_FOUND', 'NOT_ASSIGNABLE', 'REFUSED', 'NO_REVIEWERS', 'SHORT'] as const;
export const autoAssignSkipSchema = z.object({
  applicationId: idSchema,
  reason: z.string(),
  code: z.enum(autoAssignSkipCodes),
  name: z.string().optional(),
  stage: z.enum(stages).optional(),
  reviewer: z.string().optional(),
  step: z.string().optional(),
  have: z.number().int().optional(),
  need: z.number().int().optional(),
});
export type AutoAssignSkip = z.infer<typeof autoAssignSkipSchema>;

export const vettingContract = {
  /** Who this device acts as; `profile.choose` / `profile.create` at first start (before enrollment). */
  'profile.get': method(none, profileSchema),
  'profile.choose': method(z.object({ userId }), profileSchema),
  'profile.create': method(userFieldsInputSchema, profileSchema),
  /** Users (the reviewer pool is `role: ['reviewer']`). Admins and curators add and edit them. */
  'users.list': method(z.object({ role: z.array(z.enum(roles)).max(4).default([]), includeDisabled: z.boolean().default(false) }).default({ role: [], includeDisabled: false }), z.object({ items: z.array(userRecordSchema) })),
  'users.save': method(z.object({ id: userId.optional(), fields: userFieldsInputSchema }), userRecordSchema),

  'vetting.settings': method(none, vettingSettingsFieldsSchema),
  'vetting.saveSettings': method(vettingSettingsFieldsSchema.partial(), vettingSettingsFieldsSchema),

  /** Creates the application and its `submitted` event in one transaction. */
  'applications.create': method(z.object({ fields: applicationCreateSchema }), applicationDetailSchema),
  'applications.update': method(z.object({ id: idSchema, patch: applicationPatchSchema }), applicationDetailSchema),
  'applications.get': method(z.object({ id: idSchema }), applicationDetailSchema),
  'applications.list': method(
    z.object({
      query: z.string().max(200).default(''),
      filters: applicationFiltersSchema.default({ stage: [], country: [], reviewer: [] }),
      /** Only applications assigned to the signed-in reviewer (My reviews). */
      mine: z.boolean().default(false),
      offset: z.number().int().min(0).max(1_000_000).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.object({
      items: z.array(applicationSummarySchema),
      offset: z.number().int(),
      total: z.number().int(),
      /** Applications per stage under the query and the other filters (the stage tabs' counts). */
      stageCounts: z.array(z.object({ stage: z.enum(stages), count: z.number().int() })),
    }),
  ),
  /** Writes one event after checking the role, the state machine and conflicts of interest. */
  'applications.act': method(actInputSchema, applicationDetailSchema),
  /** The reviewer pool for this application: load, expertise match and conflicts of each reviewer. */
  'applications.reviewers': method(z.object({ id: idSchema }), z.object({ items: z.array(reviewerOptionSchema) })),
  /** Assigns up to k reviewers (settings) by expertise and load, never a conflicted one. */
  'applications.autoAssign': method(
    z.object({ ids: z.array(idSchema).min(1).max(500) }),
    z.object({ assigned: z.number().int(), skipped: z.array(autoAssignSkipSchema) }),
  ),
  /** The curator's verdict on a duplicate candidate: "same person" sets matchedExpertId for an expert. */
  'applications.markDuplicate': method(
    z.object({ id: idSchema, candidate: z.object({ entity: z.enum(['expert', 'application']), id: idSchema }), verdict: z.enum(['same', 'different']).nullable() }),
    applicationDetailSchema,
  ),
  /** Stores an application's attachment (CV, letter, evidence) checked by its bytes (services/attachments). */
  'applications.putAttachment': method(
    z.object({ name: z.string().trim().min(1).max(200), mime: z.string().max(100), dataBase64: z.string().max(14 * 1024 * 1024, { message: 'The file is larger than 10 MB. Attach a smaller one.' }) }),
    attachmentRefSchema,
  ),
  /** Applications whose concurrent events disagree, on every node once synced. */
  'vetting.conflicts': method(none, z.object({ items: z.array(applicationSummarySchema.extend({ sides: z.array(z.object({ eventId: idSchema, verdict: z.string(), at: z.number(), by: z.string(), byName: z.string() })) })) })),
  'vetting.audit': method(z.object({ id: idSchema }), auditSchema),
  /** The audit trail as CSV (neutralised cells), of one application or all. */
  'vetting.auditCsv': method(z.object({ id: idSchema.optional(), lang: langSchema.default('en') }).default({ lang: 'en' }), fileOutSchema),
  'vetting.dashboard': method(z.object({ country: z.array(z.enum(countryCodes)).max(11).default([]) }).default({ country: [] }), dashboardSchema),
  /** A decision letter (one application) or a ZIP of letters (every decided application when ids is omitted). */
  'letters.export': method(
    z.object({ ids: z.array(idSchema).max(5000).optional(), format: z.enum(letterFormats), lang: langSchema }),
    fileOutSchema.extend({ count: z.number().int() }),
  ),

  /**
   * The workshop kiosk: while it is on, the core answers only kiosk.* methods (and app.info),
   * so the applicant's form can show nothing of the directory whatever the window does.
   */
  'kiosk.status': method(none, z.object({ active: z.boolean(), lang: langSchema.nullable(), submitted: z.number().int() })),
  'kiosk.start': method(z.object({ pin: z.string().regex(/^\d{4,8}$/, { message: 'Choose a PIN of 4 to 8 digits.' }), lang: langSchema }), z.object({ active: z.boolean(), lang: langSchema.nullable(), submitted: z.number().int() })),
  'kiosk.submit': method(z.object({ fields: applicationCreateSchema.omit({ source: true }) }), z.object({ reference: z.string() })),
  'kiosk.putAttachment': method(
    z.object({ name: z.string().trim().min(1).max(200), mime: z.string().max(100), dataBase64: z.string().max(14 * 1024 * 1024, { message: 'The file is larger than 10 MB. Attach a smaller one.' }) }),
    attachmentRefSchema,
  ),
  'kiosk.exit': method(z.object({ pin: z.string().max(8) }), z.object({ active: z.boolean(), lang: langSchema.nullable(), submitted: z.number().int() })),
} as const;

export { profileSections };
