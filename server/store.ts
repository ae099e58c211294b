import type { Role, SyncUser, VersionVector, WireChange } from '../shared/sync/protocol';
import type { CountryCode } from '../shared/model/countries';
import type { Change } from '../electron/core/changes/types';

/**
 * What the sync API needs from storage, and nothing more: the SQLite store (server/sqlite)
 * implements it on a funnel database, a PostgreSQL store will implement it next, and a
 * workshop hub wraps the desktop's own database in it. Every implementation must pass
 * server/store.contract.ts.
 *
 * Invariants every store keeps:
 * - push is all or nothing: a batch refused with SEQ_GAP, ORIGIN_FORKED or INVALID_INPUT
 *   (thrown as SyncError or the funnel's AppError) stores nothing;
 * - every change stored, applied or refused, gets a feed seq; pull and snapshot serve each
 *   entry's current state in feed order;
 * - secrets (tokens, enrollment codes) are stored only as hashes.
 */

/** Who makes a request: the user behind the token, and the device it was issued to. */
export interface Principal {
  user: SyncUser;
  tokenId: string;
  /** The node the device enrolled with (it may since have taken a new id after a fork). */
  node: string | null;
}

/** What authorisation needs to know of a user: the server's own copy, never the synced record. */
export interface Authority {
  role: Role;
  country: CountryCode | null;
  disabled: boolean;
}

/** Read access to the store's current state, inside the push transaction. */
export interface RecordReader {
  /** The record's fields as this node holds them now, or null when it holds no such record. */
  record(entity: string, id: string): Record<string, unknown> | null;
  /** The authority of a user id, or null when the id is not a user of this server. */
  authority(userId: string): Authority | null;
  /**
   * Whether a `user` change is genuine: written by the central server's node. On the central
   * server itself, a change under one of its former ids (before a restore) counts only when it
   * agrees with the account table, so a forged one cannot change anyone's role anywhere.
   */
  genuineUserChange(change: Change): boolean;
}

export type RefusalCode = 'ROLE' | 'OUT_OF_SCOPE' | 'UNKNOWN_ACTOR';
export type AuthVerdict = { kind: 'ok' } | { kind: 'rejected'; code: RefusalCode; reason: string };
/** The caller's rule for each change that passed the check by value (server/authorize.ts). */
export type Authorize = (change: Change, read: RecordReader) => AuthVerdict;

export interface StoredRefusal {
  origin: string;
  seq: number;
  kind: 'rejected' | 'parked';
  code: string;
  reason: string;
}

export interface PushOutcome {
  applied: number;
  duplicates: number;
  refused: StoredRefusal[];
}

export interface FeedPage {
  /** Entries after the cursor, each as it stands now (`refused` set when this node refused it). */
  entries: { seq: number; change: WireChange }[];
  /** The feed's last seq when the page was read. */
  head: number;
}

/** One entry of a snapshot as its NDJSON line: `{"seq":N,"change":{...}}` (protocol.ts snapshotLineSchema), no newline. */
export interface SnapshotLine {
  seq: number;
  line: string;
}

export interface Snapshot {
  epoch: string;
  head: number;
  count: number;
  /**
   * Entries after `after` up to `head`, in feed order, a page of lines at a time, read as they
   * are consumed. Lines rather than objects: a store can write out the JSON it holds as it is.
   */
  pages: AsyncIterable<SnapshotLine[]>;
}

export interface Blob {
  mime: string;
  bytes: Buffer;
}

export interface NewUser {
  name: string;
  email: string;
  role: Role;
  country: CountryCode | null;
  /** The id to give the account: a profile's id from before its device enrolled, so the person keeps one id. */
  id?: string;
  /** The vetting profile on the synced record (not in the account table): where they work, what they know. */
  agency?: string;
  expertise?: string[];
}

export interface AccountUser extends SyncUser {
  email: string;
  disabled: boolean;
  createdAt: number;
}

/** What `user set` changes; `country: null` means the whole region. */
export interface UserPatch {
  name?: string;
  role?: Role;
  country?: CountryCode | null;
  agency?: string;
  expertise?: string[];
}

export interface TokenInfo {
  id: string;
  userId: string;
  userName: string;
  email: string;
  node: string | null;
  deviceName: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export type TokenCheck = { kind: 'ok'; principal: Principal } | { kind: 'unknown' } | { kind: 'revoked' } | { kind: 'disabled' };

export type EnrollOutcome = { kind: 'ok'; token: string; tokenId: string; user: SyncUser } | { kind: 'invalid'; reason: 'unknown' | 'used' | 'expired' };

export interface Accounts {
  /** Creates the user (a synced `user` record written by this node, plus the server-only row). */
  createUser(user: NewUser, actor: string): Promise<AccountUser>;
  listUsers(): Promise<AccountUser[]>;
  /** Withdraws a user's access on every device (their tokens stop working) and marks their record disabled. */
  disableUser(userId: string, actor: string): Promise<void>;
  /**
   * Changes a user's name, role or country scope (a field left out stays): the server-only row
   * and the synced `user` record, in one transaction; the next push of that user is judged by it.
   * Throws when the user is unknown, or a focal point would be left without a country.
   */
  updateUser(userId: string, patch: UserPatch, actor: string): Promise<AccountUser>;
  findUserByEmail(email: string): Promise<AccountUser | null>;
  /** A new one-time code for the user (shown once, stored hashed), valid for `ttlMs`. */
  issueEnrollmentCode(userId: string, ttlMs: number): Promise<{ code: string; expiresAt: number }>;
  /** Spends the code (once) and issues a device token (shown once, stored hashed). */
  enroll(code: string, node: string, deviceName: string): Promise<EnrollOutcome>;
  checkToken(token: string): Promise<TokenCheck>;
  listTokens(): Promise<TokenInfo[]>;
  /** false when there is no such token; revoking twice keeps the first time. */
  revokeToken(tokenId: string): Promise<boolean>;
}

/** What the sync API serves from: any funnel database (the central server's, or a desktop hosting a hub). */
export interface FeedStore {
  /** This node's id (the central server writes `user` records under it). */
  readonly nodeId: string;
  epoch(): Promise<string>;
  vector(): Promise<VersionVector>;
  /**
   * Receives a pushed batch as downstream changes: each checked by value, then by `authorize`;
   * refused ones are stored with code and reason and acknowledged.
   */
  push(changes: readonly unknown[], authorize: Authorize): Promise<PushOutcome>;
  pull(afterSeq: number, limit: number): Promise<FeedPage>;
  snapshot(afterSeq: number): Promise<Snapshot>;
  blobsMissing(hashes: readonly string[]): Promise<string[]>;
  /** Stores bytes under their hash; the caller has verified the hash. A repeat is a no-op. */
  putBlob(hash: string, blob: Blob): Promise<void>;
  getBlob(hash: string): Promise<Blob | null>;
}

/** The central server's store: the feed, plus its accounts (users, enrollment codes, tokens). */
export interface SyncStore extends FeedStore {
  readonly accounts: Accounts;
  close(): Promise<void>;
}
