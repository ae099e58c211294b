import { join } from 'node:path';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import { openDatabase, type Db } from '../../electron/core/db/open';
import type { WireChange } from '../../shared/sync/protocol';
import type { Authorize, Blob, RecordReader, Snapshot, SyncStore } from '../store';
import { sqliteAccounts } from './accounts';
import { takeRestoreFlag } from './backup';
import { migrateServerTables } from './schema';

/** The central server's database inside its data folder. */
export const CENTRAL_DB_FILE = 'central.db';
export const centralDbPath = (dataDir: string) => join(dataDir, CENTRAL_DB_FILE);

/** Entries read per query while a snapshot streams. */
const SNAPSHOT_PAGE = 2000;

export interface SqliteStoreOptions {
  now?: () => number;
}

/**
 * The SyncStore on a funnel database (sync-design.md): the same schema and ChangeFunnel as
 * every desktop, plus the server's account tables (./schema.ts). The central server keeps no
 * search projection: it serves changes, not searches.
 */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SyncStore {
  const now = options.now ?? Date.now;
  const db = openDatabase(file);
  try {
    migrateServerTables(db);
    // A copy made by `backup` is a server restored from the past: new node id and epoch (./backup.ts).
    takeRestoreFlag(db);
    const funnel = new ChangeFunnel(db, [], now);
    return sqliteStore(db, funnel, now);
  } catch (error) {
    db.close();
    throw error;
  }
}

function sqliteStore(db: Db, funnel: ChangeFunnel, now: () => number): SyncStore {
  const formerNodes = new Set<string>(JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'server.former_nodes'").pluck().get() as string | undefined) ?? '[]'));
  const accounts = sqliteAccounts(db, (actor, id, fields) => void funnel.write(actor, [{ entity: 'user', id, fields }]), now);
  const s = {
    record: db.prepare('SELECT data FROM records WHERE entity = ? AND id = ?').pluck(),
    head: db.prepare('SELECT coalesce(max(seq), 0) FROM feed').pluck(),
    countAfter: db.prepare('SELECT count(*) FROM feed WHERE seq > ? AND seq <= ?').pluck(),
    hasBlob: db.prepare('SELECT 1 FROM attachments WHERE hash = ?').pluck(),
    putBlob: db.prepare('INSERT OR IGNORE INTO attachments (hash, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)'),
    getBlob: db.prepare('SELECT mime, bytes FROM attachments WHERE hash = ?'),
  };
  const reader: RecordReader = {
    record(entity, id) {
      const data = s.record.get(entity, id) as string | undefined;
      return data ? (JSON.parse(data) as Record<string, unknown>) : null;
    },
    authority: (id) => accounts.authority(id),
    isOwnNode: (origin) => origin === funnel.nodeId || formerNodes.has(origin),
  };
  /** Feed rows after `after` (at most up to `upTo`), as (feed seq, entry as it stands now). */
  const feedAfter = (after: number, limit: number, upTo: number) =>
    funnel
      .feedAfter(after, limit)
      .entries.filter((e) => e.feedSeq <= upTo)
      .map(({ feedSeq, ...change }) => ({ seq: feedSeq, change: change as WireChange }));

  return {
    get nodeId() {
      return funnel.nodeId;
    },
    async epoch() {
      return funnel.epoch;
    },
    async vector() {
      return funnel.vector();
    },
    async push(changes, authorize: Authorize) {
      const result = funnel.receive(changes, { from: 'downstream', authorize: (change) => authorize(change, reader) });
      return { applied: result.applied, duplicates: result.duplicates, refused: result.refused.map(({ origin, seq, kind, code, reason }) => ({ origin, seq, kind, code, reason })) };
    },
    async pull(after, limit) {
      // Head first: entries stored meanwhile are after it and reach the client on its next pull.
      const head = s.head.get() as number;
      return { entries: feedAfter(after, limit, head), head };
    },
    async snapshot(after): Promise<Snapshot> {
      const head = s.head.get() as number;
      const count = s.countAfter.get(after, head) as number;
      async function* entries() {
        let from = after;
        while (from < head) {
          const page = feedAfter(from, SNAPSHOT_PAGE, head);
          if (!page.length) return;
          yield* page;
          from = page.at(-1)!.seq;
        }
      }
      return { epoch: funnel.epoch, head, count, entries: entries() };
    },
    async blobsMissing(hashes) {
      return [...new Set(hashes)].filter((h) => !s.hasBlob.get(h));
    },
    async putBlob(hash, blob: Blob) {
      s.putBlob.run(hash, blob.mime, blob.bytes.length, blob.bytes, now());
    },
    async getBlob(hash) {
      return (s.getBlob.get(hash) as Blob | undefined) ?? null;
    },
    accounts,
    async close() {
      if (db.open) db.close();
    },
  };
}
