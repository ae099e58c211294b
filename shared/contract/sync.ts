import { z } from 'zod';
import { syncUserSchema, enrollmentCodeSchema } from '../sync/protocol';

/**
 * Where sync stands, as the app shell and Settings show it. One object, sent as the 'sync'
 * event whenever it changes and returned by every sync.* method.
 */
const syncProgressSchema = z.object({ phase: z.enum(['push', 'pull', 'snapshot', 'blobs']), done: z.number().int(), total: z.number().int() });
const syncProblemShape = z.object({ code: z.string(), message: z.string() });

/**
 * Where sync stands with ONE server this device syncs with: central, or the workshop hub it
 * joined. The top-level fields of SyncStatus sum these up (the worst state wins).
 */
export const syncRemoteStatusSchema = z.object({
  id: z.enum(['central', 'hub']),
  url: z.string(),
  state: z.enum(['idle', 'syncing', 'offline', 'error']),
  lastSyncedAt: z.number().nullable(),
  /** Changes held here that this server has not acknowledged yet. */
  waiting: z.number().int().min(0),
  progress: syncProgressSchema.nullable(),
  problem: syncProblemShape.nullable(),
});
export type SyncRemoteStatus = z.infer<typeof syncRemoteStatusSchema>;

export const syncStatusSchema = z.object({
  /** Whether a server is set up and this device holds a token for it. */
  configured: z.boolean(),
  serverUrl: z.string().nullable(),
  /** Who this device is signed in as; every change it writes carries this user's id. */
  user: syncUserSchema.nullable(),
  /**
   * off: not set up. idle: last sync succeeded. syncing: under way (see progress).
   * offline: the server cannot be reached; retrying with backoff. error: the server refused
   * (see problem), e.g. a revoked token; sync waits for the curator.
   */
  state: z.enum(['off', 'idle', 'syncing', 'offline', 'error']),
  /** When the last sync finished without error (ms since 1970). */
  lastSyncedAt: z.number().nullable(),
  /** Local changes the server has not acknowledged yet. */
  waiting: z.number().int().min(0),
  /** A sync under way: entries pulled or pushed so far of the total known. */
  progress: syncProgressSchema.nullable(),
  /** The last failure, with a stable code (shared/contract/result.ts errorCodes) and an English sentence. */
  problem: syncProblemShape.nullable(),
  /** Changes refused (rejected or parked), here or upstream: the "Sync problems" screen. */
  problems: z.number().int().min(0),
  /** When the next automatic attempt is due (ms since 1970), or null. */
  nextAttemptAt: z.number().nullable(),
  /** Each server on its own, the workshop hub first: the shell shows both when there are two. */
  remotes: z.array(syncRemoteStatusSchema),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncEnrollInputSchema = z.object({
  /** https://…, or http:// to a loopback address (or a paired workshop hub). */
  serverUrl: z.string().trim().min(1).max(500),
  code: enrollmentCodeSchema,
  deviceName: z.string().trim().min(1).max(100).optional(),
});

/** One refused change as the "Sync problems" screen lists it. */
export const syncProblemSchema = z.object({
  origin: z.string(),
  seq: z.number().int(),
  kind: z.enum(['rejected', 'parked']),
  /** Stable code (e.g. OUT_OF_SCOPE, ROLE, INVALID_VALUE, UNKNOWN_FIELD) the renderer translates. */
  code: z.string(),
  /** The English reason, as the refusing node wrote it. */
  reason: z.string(),
  entity: z.string(),
  id: z.string(),
  /** A label for the record (an expert's name) when this node holds it. */
  label: z.string().nullable(),
  /** Who wrote the change: a user's name when known, else the stored actor. */
  actor: z.string(),
  /** Whether this device wrote it (the curator can act on it) or another node did. */
  own: z.boolean(),
  receivedAt: z.number(),
});
export type SyncProblem = z.infer<typeof syncProblemSchema>;
