import { syncUserSchema, type Cursor, type SyncUser, type VersionVector } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';

/** The servers this device syncs with (table sync_remote, migration 006). */

export type RemoteId = 'central' | 'hub';

export interface Remote {
  id: RemoteId;
  baseUrl: string;
  pin: string | null;
  tokenId: string;
  user: SyncUser;
  cursor: Cursor | null;
  snapshotDone: boolean;
  vector: VersionVector;
  lastSyncedAt: number | null;
  blocked: { code: string; message: string } | null;
  enrolledAt: number;
}

interface Row {
  id: RemoteId;
  base_url: string;
  pin: string | null;
  token_id: string;
  user: string;
  epoch: string | null;
  cursor_seq: number;
  snapshot_done: number;
  vector: string;
  last_synced_at: number | null;
  blocked: string | null;
  enrolled_at: number;
}

const fromRow = (r: Row): Remote => ({
  id: r.id,
  baseUrl: r.base_url,
  pin: r.pin,
  tokenId: r.token_id,
  user: syncUserSchema.parse(JSON.parse(r.user)),
  cursor: r.epoch === null ? null : { epoch: r.epoch, seq: r.cursor_seq },
  snapshotDone: r.snapshot_done === 1,
  vector: JSON.parse(r.vector) as VersionVector,
  lastSyncedAt: r.last_synced_at,
  blocked: r.blocked ? (JSON.parse(r.blocked) as { code: string; message: string }) : null,
  enrolledAt: r.enrolled_at,
});

/** Reads and writes sync_remote. Every setter is one statement: callers put it inside their transaction. */
export class RemoteStore {
  private readonly all;
  private readonly one;
  private readonly userRecord;
  constructor(private readonly db: Db) {
    this.userRecord = db.prepare("SELECT data FROM records WHERE entity = 'user' AND id = ?").pluck();
    // The hub first: at a workshop it is the one reachable; central is synced by the hub.
    this.all = db.prepare("SELECT * FROM sync_remote ORDER BY id = 'central', id");
    this.one = db.prepare('SELECT * FROM sync_remote WHERE id = ?');
  }

  /** Who this device is signed in as there: the synced user record where held (the authority on name and role), else what enrollment said. */
  userOf(remote: Remote): SyncUser {
    const data = this.userRecord.get(remote.user.id) as string | undefined;
    if (!data) return remote.user;
    const record = JSON.parse(data) as Partial<SyncUser>;
    return { ...remote.user, ...(record.name ? { name: record.name } : {}), ...(record.role ? { role: record.role } : {}), ...(record.country !== undefined ? { country: record.country } : {}) };
  }

  list(): Remote[] {
    return (this.all.all() as Row[]).map(fromRow);
  }

  get(id: RemoteId): Remote | null {
    const row = this.one.get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Enrolling again with the same server keeps the cursor and vector; another server starts afresh. */
  enroll(r: { id: RemoteId; baseUrl: string; pin: string | null; tokenId: string; user: SyncUser; now: number }): void {
    const held = this.get(r.id);
    const sameServer = held?.baseUrl === r.baseUrl;
    this.db
      .prepare(
        `INSERT INTO sync_remote (id, base_url, pin, token_id, user, epoch, cursor_seq, snapshot_done, vector, enrolled_at)
         VALUES (@id, @baseUrl, @pin, @tokenId, @user, @epoch, @seq, @snapshotDone, @vector, @now)
         ON CONFLICT (id) DO UPDATE SET base_url = excluded.base_url, pin = excluded.pin, token_id = excluded.token_id, user = excluded.user,
           epoch = excluded.epoch, cursor_seq = excluded.cursor_seq, snapshot_done = excluded.snapshot_done, vector = excluded.vector,
           blocked = NULL, enrolled_at = excluded.enrolled_at`,
      )
      .run({
        id: r.id,
        baseUrl: r.baseUrl,
        pin: r.pin,
        tokenId: r.tokenId,
        user: JSON.stringify(r.user),
        epoch: sameServer ? (held.cursor?.epoch ?? null) : null,
        seq: sameServer ? (held.cursor?.seq ?? 0) : 0,
        snapshotDone: sameServer && held.snapshotDone ? 1 : 0,
        vector: JSON.stringify(sameServer ? held.vector : {}),
        now: r.now,
      });
  }

  remove(id: RemoteId): void {
    this.db.prepare('DELETE FROM sync_remote WHERE id = ?').run(id);
  }

  /** Saves how far the feed was read; call it in the transaction that applied what was read. */
  saveCursor(id: RemoteId, cursor: Cursor | null, snapshotDone?: boolean): void {
    this.db
      .prepare('UPDATE sync_remote SET epoch = ?, cursor_seq = ?, snapshot_done = coalesce(?, snapshot_done) WHERE id = ?')
      .run(cursor?.epoch ?? null, cursor?.seq ?? 0, snapshotDone === undefined ? null : snapshotDone ? 1 : 0, id);
  }

  saveVector(id: RemoteId, vector: VersionVector): void {
    this.db.prepare('UPDATE sync_remote SET vector = ? WHERE id = ?').run(JSON.stringify(vector), id);
  }

  saveUser(id: RemoteId, user: SyncUser): void {
    this.db.prepare('UPDATE sync_remote SET user = ? WHERE id = ?').run(JSON.stringify(user), id);
  }

  markSynced(id: RemoteId, at: number): void {
    this.db.prepare('UPDATE sync_remote SET last_synced_at = ?, blocked = NULL WHERE id = ?').run(at, id);
  }

  block(id: RemoteId, problem: { code: string; message: string } | null): void {
    this.db.prepare('UPDATE sync_remote SET blocked = ? WHERE id = ?').run(problem ? JSON.stringify(problem) : null, id);
  }
}
