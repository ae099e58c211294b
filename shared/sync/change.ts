import { z } from 'zod';
import { countryCodes } from '../model/countries';
import { expertFieldsSchema, expertStatuses, idSchema, portfolioFieldsSchema } from '../model/expert';
import { hasHiddenCharacters } from '../text/hygiene';
import { applicationFieldsSchema } from '../model/vetting/application';
import { eventHash, vettingEventFieldsSchema, wholeEventProblem, type VettingEvent } from '../model/vetting/events';
import { vettingSettingsFieldsSchema } from '../model/vetting/settings';
import { caseStudyFieldsSchema, interviewFieldsSchema, reportCommentFieldsSchema, storyFieldsSchema } from '../model/reports';
import type { Role } from './protocol';

/**
 * A change as it travels between nodes, checked by value before it is stored. Nothing from
 * another node is trusted: the envelope (who, which, when) must be well formed, and the
 * fields must be values this version's schemas accept.
 *
 * Three outcomes, so that one bad change never blocks its origin:
 * - the envelope cannot even say which change it is (origin, seq): the batch is refused;
 * - the entity or a field is unknown to this version (a newer app wrote it): the change is
 *   parked and applied after an upgrade;
 * - anything else wrong (a value of the wrong type, a forged stamp): the change is rejected
 *   with its reason and acknowledged, never applied.
 * Each refusal carries a stable code (refusalCodes) that the app translates on "Sync problems".
 */

/**
 * Why a change was refused. The first three come from the check by value here; the next three
 * from the server's or hub's authorisation of a push (role, country scope, unknown author);
 * IMMUTABLE from the funnel, for a second, different put on a record written once (a vetting
 * event: electron/core/changes/immutable.ts). Add codes; never rename one.
 */
export const refusalCodes = ['INVALID_VALUE', 'UNKNOWN_ENTITY', 'UNKNOWN_FIELD', 'ROLE', 'OUT_OF_SCOPE', 'UNKNOWN_ACTOR', 'IMMUTABLE'] as const;
export type RefusalCode = (typeof refusalCodes)[number];
/** Refusals that mean "a newer app wrote this": the change is parked and applied after an update. */
export const parkedCodes: ReadonlySet<string> = new Set<RefusalCode>(['UNKNOWN_ENTITY', 'UNKNOWN_FIELD']);

/**
 * The roles of protocol.ts, repeated here because protocol.ts imports this module (a value
 * import back would be a cycle); `satisfies` and change.test.ts keep the two lists equal.
 */
export const userRoles = ['admin', 'curator', 'reviewer', 'focal_point'] as const satisfies readonly Role[];

/** A node id: 16 lower-case hex digits (changes/funnel.ts mints them). */
export const nodeIdSchema = z.string().regex(/^[0-9a-f]{16}$/, { message: 'The origin is not a node id.' });
export const seqSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
/** The hybrid logical clock stamp (shared/sync/hlc.ts): 15 digits of milliseconds, '-', 6 hex digits. */
const HLC = /^\d{15}-[0-9a-f]{6}$/;
export const hlcSchema = z.string().regex(HLC, { message: 'The clock stamp is malformed.' });
const actorSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !hasHiddenCharacters(s), { message: 'The author contains control characters.' });

/** Where a change says it comes from: enough to acknowledge it whatever else is wrong. */
export const changeAddressSchema = z.object({ origin: nodeIdSchema, seq: seqSchema });

export const envelopeSchema = z.object({
  hlc: hlcSchema,
  actor: actorSchema,
  entity: z.string().min(1).max(40),
  id: idSchema,
  op: z.literal('put', { message: 'The operation is not one this app knows.' }),
  fields: z.record(z.string().max(60), z.unknown()).refine((f) => Object.keys(f).length <= 64, { message: 'The change sets too many fields.' }),
});

const timestamp = z.number().int().min(0).max(8.64e15);
/** Each entity's fields, one schema per field, so a change carrying only some is checked field by field. */
const fieldSchemas: Record<string, Record<string, z.ZodType>> = {
  expert: {
    ...expertFieldsSchema.shape,
    status: z.enum(expertStatuses),
    statusReason: z.string().max(500),
    deletedAt: timestamp.nullable(),
    demo: z.boolean(),
  },
  portfolio: {
    ...portfolioFieldsSchema.shape,
    expertId: idSchema,
    deletedAt: timestamp.nullable(),
  },
  // A user as every device sees it (protocol.ts syncUserSchema), never a secret.
  user: {
    name: z.string().trim().min(1).max(200).refine((s) => !hasHiddenCharacters(s), { message: 'The name contains control characters.' }),
    role: z.enum(userRoles),
    country: z.enum(countryCodes).nullable(),
    disabled: z.boolean(),
    deletedAt: timestamp.nullable(),
    // Vetting's reviewer pool and conflict-of-interest rules (issue 7): where they work, what
    // they know (taxonomy term ids), whom they declared a conflict with. Still never a secret.
    email: z.union([z.literal(''), z.email().max(254)]),
    agency: z.string().trim().max(200).refine((s) => !hasHiddenCharacters(s), { message: 'The agency contains control characters.' }),
    expertise: z.array(z.string().min(1).max(60)).max(30),
    declaredConflicts: z.array(z.string().trim().min(1).max(200)).max(20),
  },
  // Vetting (issue 7, shared/model/vetting): the application is merged field by field; an event
  // is written once, whole (checked as one below); the settings are one well-known record.
  application: applicationFieldsSchema.shape,
  vetting_event: vettingEventFieldsSchema.shape,
  vetting_settings: vettingSettingsFieldsSchema.shape,
  // Case studies and stories (issue 8, shared/model/reports): merged field by field, one field
  // per section and per rating; interviews are their sources; a review comment is a record each.
  case_study: caseStudyFieldsSchema.shape,
  story: storyFieldsSchema.shape,
  interview: interviewFieldsSchema.shape,
  report_comment: reportCommentFieldsSchema.shape,
};

/**
 * What is wrong with a put that must carry a whole record (a vetting event), or null; local
 * writes are checked with it too. `fieldsJson`: canonicalJson(fields), when the caller has it.
 */
export function wholeRecordProblem(entity: string, id: string, fields: Record<string, unknown>, fieldsJson?: string): string | null {
  return Object.hasOwn(wholeRecordProblems, entity) ? wholeRecordProblems[entity]!(id, fields, fieldsJson) : null;
}

/** Entities whose records are written whole by one put: the change is checked as one value too. */
const wholeRecordProblems: Record<string, (id: string, fields: Record<string, unknown>, fieldsJson?: string) => string | null> = {
  vetting_event(id, fields, fieldsJson) {
    const problem = wholeEventProblem(id, fields, fieldsJson);
    if (problem) return problem;
    const event = { ...fields, id } as unknown as VettingEvent;
    return eventHash(event) === event.hash ? null : 'hash: The event does not match its hash; it was changed after it was written.';
  },
};

/** The entities this version knows and their fields (changes/entities.ts builds on it). */
export const knownEntityFields: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(fieldSchemas).map(([entity, fields]) => [entity, Object.keys(fields)]),
);

export type ChangeVerdict =
  | { kind: 'ok' }
  | { kind: 'parked'; code: 'UNKNOWN_ENTITY' | 'UNKNOWN_FIELD'; reason: string }
  | { kind: 'rejected'; code: RefusalCode; reason: string };

/** Checks a received change whose address (origin, seq) is valid. */
export function checkReceivedChange(change: unknown): ChangeVerdict {
  let entity: string;
  let fields: Record<string, unknown>;
  if (envelopeIsValid(change)) {
    ({ entity, fields } = change);
  } else {
    const envelope = envelopeSchema.safeParse(change);
    if (!envelope.success) return { kind: 'rejected', code: 'INVALID_VALUE', reason: describe(envelope.error) };
    ({ entity, fields } = envelope.data);
  }
  const schemas = Object.hasOwn(fieldSchemas, entity) ? fieldSchemas[entity] : undefined;
  if (!schemas) return { kind: 'parked', code: 'UNKNOWN_ENTITY', reason: `This version does not know "${entity}" records; the change is kept and applied after an update.` };
  const unknown = Object.keys(fields).filter((f) => !Object.prototype.hasOwnProperty.call(schemas, f));
  if (unknown.length) {
    return { kind: 'parked', code: 'UNKNOWN_FIELD', reason: `This version does not know the ${entity} field${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `"${f}"`).join(', ')}; the change is kept and applied after an update.` };
  }
  for (const [field, value] of Object.entries(fields)) {
    const checked = schemas[field]!.safeParse(value);
    if (!checked.success) return { kind: 'rejected', code: 'INVALID_VALUE', reason: `${entity}.${field}: ${checked.error.issues[0]?.message ?? 'not a valid value'}` };
  }
  const whole = wholeRecordProblem(entity, (change as { id: string }).id, fields);
  if (whole) return { kind: 'rejected', code: 'INVALID_VALUE', reason: `${entity}.${whole}` };
  return { kind: 'ok' };
}

/**
 * envelopeSchema's rules written out, for the common case of a valid envelope: a first sync
 * checks hundreds of thousands of changes. Anything this does not pass goes through the schema,
 * which gives the reason (and has the last word).
 */
export function envelopeIsValid(c: unknown): c is { entity: string; fields: Record<string, unknown> } {
  if (typeof c !== 'object' || c === null) return false;
  const { hlc, actor, entity, id, op, fields } = c as Record<string, unknown>;
  if (typeof hlc !== 'string' || !HLC.test(hlc) || op !== 'put') return false;
  if (typeof actor !== 'string' || actor.length < 1 || actor.length > 200 || hasHiddenCharacters(actor)) return false;
  if (typeof entity !== 'string' || entity.length < 1 || entity.length > 40 || !idSchema.safeParse(id).success) return false;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields) || Object.getPrototypeOf(fields) !== Object.prototype) return false;
  const keys = Object.keys(fields);
  return keys.length <= 64 && keys.every((k) => k.length <= 60);
}

/** True when this version knows every entity and field the change names (a parked change becomes applicable). */
export function knowsChange(entity: string, fields: Record<string, unknown>): boolean {
  const schemas = Object.hasOwn(fieldSchemas, entity) ? fieldSchemas[entity] : undefined;
  return !!schemas && Object.keys(fields).every((f) => Object.prototype.hasOwnProperty.call(schemas, f));
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'change'}: ${issue.message}` : 'The change is malformed.';
}
