import { z } from 'zod';
import { canonicalJson, sortedKeys } from '../../canonical';
import { sha256Hex as sha256OfText } from '../../hash';
import { memoByString } from '../../memo';
import { hasHiddenCharacters } from '../../text/hygiene';
import { idSchema, profileSections } from '../expert';
import { eligibilityCriteria } from './criteria';

/**
 * The `vetting_event` record: immutable, written once by one put. Each event names the heads
 * of its application's event graph when it was written (`follows`, with their hashes) and
 * carries its own hash over everything else, so the events form a hash-linked graph: a fork
 * is two events that do not see each other, and an event altered after the fact no longer
 * matches its hash or its followers' `follows.hash`.
 */

export const eventTypes = [
  'submitted',
  'screened',
  'info_received',
  'assigned',
  'unassigned',
  'review_submitted',
  'decided',
  'published',
  'withdrawn',
  'note',
] as const;
export type EventType = (typeof eventTypes)[number];

export const screeningOutcomes = ['eligible', 'not_eligible', 'info_requested'] as const;
export const recommendations = ['accept', 'reject', 'more_info'] as const;
export const decisionOutcomes = ['accept', 'reject', 'return'] as const;
export type ScreeningOutcome = (typeof screeningOutcomes)[number];
export type DecisionOutcome = (typeof decisionOutcomes)[number];

// No trimming or other transform here: an event is hashed as written, so checking it must not change it.
const text = (max: number, what: string) =>
  z
    .string()
    .max(max, { message: `Use at most ${max} characters.` })
    .refine((v) => !hasHiddenCharacters(v, true), { message: `The ${what} contains a control character. Retype it without them.` });
const needed = (max: number, what: string) => text(max, what).refine((v) => v.trim() !== '', { message: `Write the ${what}.` });
const userId = z.string().min(1).max(200);
const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'This is not a SHA-256 hash.' });

export const payloadSchemas = {
  submitted: z.strictObject({}),
  screened: z.strictObject({
    criteria: z
      .array(z.strictObject({ criterion: z.enum(eligibilityCriteria), met: z.boolean(), note: text(1000, 'note') }))
      .max(eligibilityCriteria.length)
      .refine((c) => new Set(c.map((x) => x.criterion)).size === c.length, { message: 'A criterion is confirmed twice.' }),
    outcome: z.enum(screeningOutcomes),
    /** What information is requested, when the outcome is info_requested. */
    what: text(2000, 'request').optional(),
  }),
  info_received: z.strictObject({ answer: needed(5000, 'answer') }),
  assigned: z.strictObject({
    reviewerId: userId,
    /** A conflicted assignment a curator made anyway, and why: recorded, never silent. */
    override: z.strictObject({ reason: needed(1000, 'reason for the override') }).optional(),
  }),
  unassigned: z.strictObject({ reviewerId: userId }),
  review_submitted: z.strictObject({
    reviewerId: userId,
    scores: z.record(z.string().max(40), z.number().int().min(0).max(100)),
    comments: text(10_000, 'comments'),
    recommendation: z.enum(recommendations),
  }),
  decided: z.strictObject({ outcome: z.enum(decisionOutcomes), reason: text(5000, 'reason'), expertId: idSchema.optional() }),
  published: z.strictObject({ expertId: idSchema, sections: z.array(z.enum(profileSections)).max(profileSections.length) }),
  withdrawn: z.strictObject({ reason: text(2000, 'reason') }),
  note: z.strictObject({ text: needed(5000, 'note') }),
} as const satisfies Record<EventType, z.ZodType>;

export type Payloads = { [K in EventType]: z.infer<(typeof payloadSchemas)[K]> };

export const followSchema = z.strictObject({ id: idSchema, hash: hashSchema });
export type Follow = z.infer<typeof followSchema>;

/** The fields of a vetting_event record, each on its own (what a change carries). */
export const vettingEventFieldsSchema = z.object({
  applicationId: idSchema,
  type: z.enum(eventTypes),
  follows: z.array(followSchema).max(64),
  at: z.number().int().min(0).max(8.64e15),
  by: userId,
  payload: z.record(z.string(), z.unknown()),
  hash: hashSchema,
});

type EventOf<K extends EventType> = { id: string; applicationId: string; type: K; follows: Follow[]; at: number; by: string; payload: Payloads[K]; hash: string };
/** A vetting event as the model sees it: the record's fields and its id. */
export type VettingEvent = { [K in EventType]: EventOf<K> }[EventType];
export type UnsealedEvent = { [K in EventType]: Omit<EventOf<K>, 'hash'> }[EventType];

const common = vettingEventFieldsSchema.omit({ type: true, payload: true }).extend({ id: idSchema });
/** A whole event, its payload checked against its type. */
export const vettingEventSchema = z.discriminatedUnion(
  'type',
  eventTypes.map((t) => common.extend({ type: z.literal(t), payload: payloadSchemas[t] })) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<EventType> }>,
    ...z.ZodObject<{ type: z.ZodLiteral<EventType> }>[],
  ],
);

/**
 * Events that passed vettingEventSchema, by id and the canonical JSON of their fields — the
 * text a vetting_event record stores (written once by one put). An event is checked when its
 * write is, and read back right after by the applications projection (a bulk import: once per
 * row); the schema's verdict depends on that content alone, so only speed depends on what this
 * holds. Kept as id → text (a second text for an id replaces the first): looked up by the
 * short id and compared as text, rather than by one long key made and hashed per lookup.
 * Emptied when full.
 */
const wellFormed = new Map<string, string>();
const isWellFormed = (id: string, fieldsJson: string) => wellFormed.get(id) === fieldsJson;
const noteWellFormed = (id: string, fieldsJson: string) => {
  if (wellFormed.size >= 4096) wellFormed.clear();
  wellFormed.set(id, fieldsJson);
};

/** The fields of a change that writes an event: the whole event, checked as one. `fieldsJson`: canonicalJson(fields), when the caller has it. */
export const wholeEventProblem = (id: string, fields: Record<string, unknown>, given?: string): string | null => {
  const fieldsJson = given ?? canonicalJson(fields);
  if (isWellFormed(id, fieldsJson)) return null;
  const parsed = vettingEventSchema.safeParse({ ...fields, id });
  if (parsed.success) {
    noteWellFormed(id, fieldsJson);
    return null;
  }
  const issue = parsed.error.issues[0];
  return issue ? `${issue.path.join('.') || 'event'}: ${issue.message}` : 'The vetting event is malformed.';
};

/**
 * SHA-256 of a text, remembered for the last texts hashed: an event is hashed when it is sealed
 * and again, from the same text, when the funnel checks the write that stores it (and when its
 * chain is verified), so a bulk import of n applications hashes n events, not 2n. Keyed by the
 * whole text, so only speed depends on what is held, never a hash.
 */
const sha256Hex = memoByString(sha256OfText, 2048);

/** SHA-256 (hex) over the canonical JSON of the event's id and every field but the hash. */
export function eventHash(event: UnsealedEvent | VettingEvent): string {
  const { id, applicationId, type, follows, at, by, payload } = event;
  // Keys in sorted order: canonicalJson then writes it natively (the same text either way).
  return sha256Hex(canonicalJson({ applicationId, at, by, follows, id, payload, type }));
}

export function sealEvent(event: UnsealedEvent): VettingEvent {
  return { ...event, hash: eventHash(event) } as VettingEvent;
}

/** The record fields of an event (what a put carries): all but the id. */
export function eventFields(event: VettingEvent): Record<string, unknown> {
  // In sorted key order, so the funnel's canonicalJson of them (the write's check, the change
  // log, the record) takes its native path: the same text as from any other order.
  const fields: Record<string, unknown> = {};
  for (const key of sortedKeys(event)) if (key !== 'id') fields[key] = (event as Record<string, unknown>)[key];
  return fields;
}

/** An event from a stored vetting_event record, or null when the record is not a valid event. */
export function eventFromRecord(id: string, data: Record<string, unknown>): VettingEvent | null {
  const event = { ...data, id };
  return vettingEventSchema.safeParse(event).success ? (event as unknown as VettingEvent) : null;
}

/**
 * eventFromRecordText of a record whose data is at hand parsed already (`data`: what `dataJson`
 * holds, as the batch that wrote or merged the record has it): the same event, without parsing
 * the text again when the text is known to be a well-formed event.
 */
export function eventFromRecordData(id: string, data: Record<string, unknown>, dataJson: string): VettingEvent | null {
  if (isWellFormed(id, dataJson)) return { ...data, id } as unknown as VettingEvent;
  return eventFromRecordText(id, dataJson);
}

/** eventFromRecord from the record's stored text (records.data: the canonical JSON of its fields). */
export function eventFromRecordText(id: string, dataJson: string): VettingEvent | null {
  const data = JSON.parse(dataJson) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  if (isWellFormed(id, dataJson)) return { ...(data as Record<string, unknown>), id } as unknown as VettingEvent;
  const event = eventFromRecord(id, data as Record<string, unknown>);
  if (event) noteWellFormed(id, dataJson);
  return event;
}
