import { z } from 'zod';
import { countryCodes } from '../model/countries';
import { idSchema } from '../model/expert';
import { nodeIdSchema, seqSchema } from './change';

/**
 * The sync wire protocol (DESIGN.md, "Sync"), the same for desktop→central, desktop→hub and
 * hub→central. Every body is JSON (gzip where the client accepts it); every error is
 * `{ error: { code, message, details? } }` with one of `syncErrorCodes`.
 *
 * The unit that travels is an *entry*: a change exactly as its origin wrote it, plus, when a
 * node upstream refused it, the reason. Refused changes travel too, so that every node sees
 * each origin's sequence without gaps and shows the curator why a change did not apply.
 * Entries are checked by value on arrival (shared/sync/change.ts); nothing is trusted.
 */

export const SYNC_PREFIX = '/sync/v1';

/** Most entries in one push; the server refuses a longer batch with BATCH_TOO_LONG. */
export const MAX_PUSH_ENTRIES = 1000;
/** Most entries in one pull page. */
export const MAX_PULL_LIMIT = 5000;
/** Largest request body the server reads, in bytes (after decompression). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Largest blob (an attachment: photo now, letters and documents later), in bytes. */
export const MAX_BLOB_BYTES = 16 * 1024 * 1024;

/** A change on the wire. Its fields are validated by shared/sync/change.ts on arrival. */
export const wireChangeSchema = z
  .object({
    origin: nodeIdSchema,
    seq: seqSchema,
    hlc: z.string(),
    actor: z.string(),
    entity: z.string(),
    id: z.string(),
    op: z.string(),
    fields: z.record(z.string(), z.unknown()),
    /** Set when a node upstream refused this change: the change is kept, never applied. */
    refused: z.string().max(1000).optional(),
    /** With `refused`: its stable code (INVALID_VALUE, OUT_OF_SCOPE, ...; see refusalSchema). */
    code: z.string().max(40).optional(),
  })
  .loose();
export type WireChange = z.infer<typeof wireChangeSchema>;

/** What a node holds: for each origin, the highest seq it has (applied or refused). */
export const versionVectorSchema = z.record(nodeIdSchema, z.number().int().min(0));
export type VersionVector = z.infer<typeof versionVectorSchema>;

/**
 * A position in a server's feed. The server numbers every entry it stores with its own
 * increasing `seq`; `epoch` changes when the server's data is restored from an older backup,
 * which tells clients to compare version vectors and push again what it lost.
 */
export const cursorSchema = z.object({ epoch: z.string().min(1).max(64), seq: z.number().int().min(0) });
export type Cursor = z.infer<typeof cursorSchema>;

// POST /sync/v1/push
export const pushRequestSchema = z.object({
  /** The pushing node (the device, or a hub relaying others' changes). */
  node: nodeIdSchema,
  /** In (origin, seq) order; may hold changes of many origins (a hub relays). */
  changes: z.array(z.unknown()).max(MAX_PUSH_ENTRIES),
  /**
   * The server's epoch as the pusher last pulled it. A server in another epoch (restored from a
   * backup since) refuses the push with EPOCH_CHANGED and stores nothing: a request delayed across
   * a restore could otherwise store a change its sender has since moved to a new id (a fork).
   */
  epoch: z.string().min(1).max(64).optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const refusalSchema = z.object({
  origin: nodeIdSchema,
  seq: seqSchema,
  /** 'rejected': never applied; 'parked': applied once the server knows the entity or field. */
  kind: z.enum(['rejected', 'parked']),
  /** A stable code a client can translate (e.g. 'OUT_OF_SCOPE', 'ROLE', 'INVALID_VALUE'). */
  code: z.string().max(40),
  reason: z.string().max(1000),
});
export type Refusal = z.infer<typeof refusalSchema>;

export const pushResponseSchema = z.object({
  epoch: z.string(),
  /** What the server now holds, after this push. */
  vector: versionVectorSchema,
  applied: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  /** Changes of this push the server refused, each acknowledged (they count as received). */
  refused: z.array(refusalSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// POST /sync/v1/pull
export const pullRequestSchema = z.object({
  /** null (or another epoch than the server's): start from the beginning of the feed. */
  cursor: cursorSchema.nullable(),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.object({
  /** Entries after the cursor in feed order (each origin's own order is kept). */
  changes: z.array(wireChangeSchema),
  /** Where the next pull starts; store it in the transaction that applies `changes`. */
  cursor: cursorSchema,
  more: z.boolean(),
  /** The server's version vector, for a client that saw a new epoch. */
  vector: versionVectorSchema,
  /** Entries in the server's feed in all, for progress ("12,000 of 170,000"). */
  head: z.number().int().min(0),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * GET /sync/v1/snapshot?after=SEQ — a first sync: the feed after `after` up to its head as
 * NDJSON (gzip), one `snapshotHeaderSchema` line, then one WireChange per line. A client applies
 * it in chunks, saving `{ epoch, seq }` of the last applied line with each chunk, so an
 * interrupted first sync resumes where it stopped.
 */
export const snapshotHeaderSchema = z.object({ epoch: z.string(), head: z.number().int().min(0), count: z.number().int().min(0) });
export const snapshotLineSchema = z.object({ seq: z.number().int().min(1), change: wireChangeSchema });

// Blobs: content-addressed by SHA-256 of the bytes (hex).
export const blobHashSchema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Not a SHA-256 hash.' });
/** POST /sync/v1/blobs/missing { hashes } → { missing }: which of these the server lacks. */
export const blobsMissingRequestSchema = z.object({ hashes: z.array(blobHashSchema).max(1000) });
export const blobsMissingResponseSchema = z.object({ missing: z.array(blobHashSchema) });
// PUT /sync/v1/blobs/:hash (body: the bytes, Content-Type the mime) → 204; the hash is verified.
// GET /sync/v1/blobs/:hash → the bytes with their Content-Type.

// Accounts.
export const roles = ['admin', 'curator', 'reviewer', 'focal_point'] as const;
export type Role = (typeof roles)[number];

/**
 * A user as every device sees it: a synced record (entity 'user'), never a secret.
 * `country` is the scope of a national focal point (and the home country of others);
 * null means the whole region (the secretariat).
 */
export const syncUserSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(200),
  role: z.enum(roles),
  country: z.enum(countryCodes).nullable(),
});
export type SyncUser = z.infer<typeof syncUserSchema>;

/** Enrollment codes: 4 groups of 4 letters/digits from an alphabet without look-alikes. */
export const enrollmentCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}$/, {
    message: 'An enrollment code is 16 letters and digits, like ABCD-EFGH-JKLM-NPQR.',
  });

// POST /sync/v1/enroll (no token) → a device token for this user and device.
export const enrollRequestSchema = z.object({
  code: enrollmentCodeSchema,
  node: nodeIdSchema,
  deviceName: z.string().trim().min(1).max(100),
});
export const enrollResponseSchema = z.object({
  /** Shown once; the device keeps it (safeStorage) and sends it as `Authorization: Bearer`. */
  token: z.string().min(32).max(200),
  tokenId: z.string(),
  user: syncUserSchema,
  epoch: z.string(),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

// GET /sync/v1/whoami → who the token belongs to.
export const whoamiResponseSchema = z.object({ user: syncUserSchema, tokenId: z.string(), epoch: z.string() });

/** Stable codes of sync errors. Add codes; never rename one. */
export const syncErrorCodes = [
  'UNAUTHENTICATED', // no token, or a token the server does not know
  'TOKEN_REVOKED',
  'ENROLLMENT_INVALID', // unknown, expired or already used enrollment code
  'FORBIDDEN', // the user's role does not allow this request
  'INVALID_INPUT', // malformed body
  'BATCH_TOO_LONG',
  'PAYLOAD_TOO_LARGE',
  'SEQ_GAP', // details: { origin, expected }
  'ORIGIN_FORKED', // details: { origin, seq }: another change is already held under this (origin, seq)
  'EPOCH_CHANGED', // details: { epoch }: a push made against an epoch this server has left (restored from a backup); pull, then push again
  'BLOB_HASH_MISMATCH',
  'NOT_FOUND',
  'RATE_LIMITED',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL',
] as const;
export type SyncErrorCode = (typeof syncErrorCodes)[number];

export const syncErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(syncErrorCodes),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type SyncErrorBody = z.infer<typeof syncErrorBodySchema>;
