import type { ChangeFunnel } from '../../electron/core/changes/funnel';
import type { Change } from '../../electron/core/changes/types';
import type { Db } from '../../electron/core/db/open';
import type { CountryCode } from '../../shared/model/countries';
import type { Role, WireChange } from '../../shared/sync/protocol';
import type { Authority, Blob, FeedStore, RecordReader, Snapshot } from '../store';
import { feedLines } from './feed-lines';

/** Entries read per query while a snapshot streams. */
const SNAPSHOT_PAGE = 2000;

export interface FeedStoreOptions {
  /** Who may do what; by default read from the synced `user` records (a hub, which has no accounts). */
  authority?: (userId: string) => Authority | null;
  /**
   * Whether a `user` change from another origin than this node is genuine. By default none is;
   * a hub trusts the central server's node id, the central server checks its former ids.
   */
  genuineUserChange?: (change: Change) => boolean;
  now?: () => number;
}

/**
 * The sync API's view of any funnel database: the central server's, or a desktop's when it
 * hosts a workshop hub. Pushes go through funnel.receive (checked by value, then by the
 * caller's authorisation); pulls and snapshots read the feed; blobs live in `attachments`,
 * the table the app's photos already use.
 */
export function funnelFeedStore(db: Db, funnel: ChangeFunnel, options: FeedStoreOptions = {}): FeedStore {
  const now = options.now ?? Date.now;
  const s = {
    record: db.prepare('SELECT data FROM records WHERE entity = ? AND id = ?').pluck(),
    head: db.prepare('SELECT coalesce(max(seq), 0) FROM feed').pluck(),
    countAfter: db.prepare('SELECT count(*) FROM feed WHERE seq > ? AND seq <= ?').pluck(),
    hasBlob: db.prepare('SELECT 1 FROM attachments WHERE hash = ?').pluck(),
    putBlob: db.prepare('INSERT OR IGNORE INTO attachments (hash, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)'),
    getBlob: db.prepare('SELECT mime, bytes FROM attachments WHERE hash = ?'),
  };
  const record = (entity: string, id: string) => {
    const data = s.record.get(entity, id) as string | undefined;
    return data ? (JSON.parse(data) as Record<string, unknown>) : null;
  };
  const reader: RecordReader = {
    record,
    authority: options.authority ?? ((id) => authorityFromRecord(record('user', id))),
    genuineUserChange: (change) => change.origin === funnel.nodeId || (options.genuineUserChange?.(change) ?? false),
  };
  /** Feed rows after `after`, up to `upTo`, as (feed seq, entry as it stands now). */
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
    async push(changes, authorize) {
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
      async function* pages() {
        let from = after;
        while (from < head) {
          const { lines, last } = feedLines(db, from, head, SNAPSHOT_PAGE);
          if (last === null) return;
          if (lines.length) yield lines;
          from = last;
        }
      }
      return { epoch: funnel.epoch, head, count, pages: pages() };
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
  };
}

/** A user's authority as the synced record states it (written only by the central server's node). */
function authorityFromRecord(user: Record<string, unknown> | null): Authority | null {
  if (!user || typeof user.role !== 'string') return null;
  return { role: user.role as Role, country: (user.country as CountryCode | null | undefined) ?? null, disabled: user.disabled === true || typeof user.deletedAt === 'number' };
}
