import type { VersionVector } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import { perConnection } from '../db/statements';
import type { Entry } from './entry';
import type { Change } from './types';

/** A feed entry as served: the entry's current state and its place in this node's feed. */
export type FeedEntry = Entry & { feedSeq: number };

/** A feed row joined with its entry as stored (server/sqlite/feed-lines.ts reads the same columns). */
export type FeedRow = {
  feedSeq: number;
  origin: string;
  seq: number;
  hlc: string | null;
  actor: string;
  entity: string;
  id: string;
  op: string;
  fields: string;
  change: string | null;
  reason: string | null;
  code: string | null;
};

const statements = perConnection((db: Db) => ({
  after: db.prepare(`
    SELECT f.seq AS feedSeq, f.origin, f.oseq AS seq, c.hlc, c.actor, c.entity, c.id, c.op, c.fields, r.change, r.reason, r.code
    FROM feed f
    LEFT JOIN changes c ON c.origin = f.origin AND c.seq = f.oseq
    LEFT JOIN refused_changes r ON r.origin = f.origin AND r.seq = f.oseq
    WHERE f.seq > ? ORDER BY f.seq LIMIT ?`),
  head: db.prepare('SELECT coalesce(max(seq), 0) FROM feed').pluck(),
  // Each origin's highest seq through the (origin, seq) indexes, one seek per origin: the
  // server answers every push with it, so it must not scan the log.
  vector: db.prepare(`
    WITH RECURSIVE
      co(o) AS (SELECT min(origin) FROM changes UNION ALL SELECT (SELECT min(origin) FROM changes WHERE origin > co.o) FROM co WHERE co.o IS NOT NULL),
      ro(o) AS (SELECT min(origin) FROM refused_changes UNION ALL SELECT (SELECT min(origin) FROM refused_changes WHERE origin > ro.o) FROM ro WHERE ro.o IS NOT NULL)
    SELECT o AS origin, (SELECT max(seq) FROM changes WHERE origin = o) AS a, (SELECT max(seq) FROM refused_changes WHERE origin = o) AS r
    FROM (SELECT o FROM co WHERE o IS NOT NULL UNION SELECT o FROM ro WHERE o IS NOT NULL)`),
  appliedOf: db.prepare('SELECT origin, seq, hlc, actor, entity, id, op, fields FROM changes WHERE origin = ? AND seq > ? ORDER BY seq LIMIT ?'),
  refusedOf: db.prepare('SELECT seq, change, reason, code FROM refused_changes WHERE origin = ? AND seq > ? ORDER BY seq LIMIT ?'),
}));

const refusedEntry = (change: string, reason: string, code: string | null): Entry => ({ ...(JSON.parse(change) as Change), refused: reason, ...(code ? { code } : {}) });

/**
 * Feed rows after `afterSeq`, each with its entry's current state: the change as applied here,
 * or the refused change with `refused` (its reason) and `code`. `head` is the feed's last seq.
 */
export function feedAfter(db: Db, afterSeq: number, limit: number): { entries: FeedEntry[]; head: number } {
  const s = statements(db);
  const rows = s.after.all(afterSeq, limit) as FeedRow[];
  const entries: FeedEntry[] = [];
  for (const r of rows) {
    if (r.hlc !== null) {
      entries.push({ feedSeq: r.feedSeq, origin: r.origin, seq: r.seq, hlc: r.hlc, actor: r.actor, entity: r.entity, id: r.id, op: r.op, fields: JSON.parse(r.fields) });
    } else if (r.change !== null) {
      entries.push({ ...refusedEntry(r.change, r.reason!, r.code), feedSeq: r.feedSeq });
    }
    // Neither: cannot happen (an entry leaves both tables only with its feed rows, fork.ts).
  }
  return { entries, head: s.head.get() as number };
}

export const feedHead = (db: Db): number => statements(db).head.get() as number;

/** For each origin, the highest seq held, applied or refused. */
export function versionVector(db: Db): VersionVector {
  const vector: VersionVector = {};
  for (const r of statements(db).vector.all() as { origin: string; a: number | null; r: number | null }[]) {
    vector[r.origin] = Math.max(r.a ?? 0, r.r ?? 0);
  }
  return vector;
}

/**
 * The entries `remote` lacks according to its vector, in (origin, seq) order, applied and
 * refused alike (a push carries refused ones too, so the remote's sequence has no gap; the
 * remote judges them itself). At most `limit`.
 */
export function missingFrom(db: Db, remote: VersionVector, limit: number): Entry[] {
  const s = statements(db);
  const mine = versionVector(db);
  const out: Entry[] = [];
  for (const origin of Object.keys(mine).sort()) {
    const after = remote[origin] ?? 0;
    if (mine[origin]! <= after) continue;
    const room = limit - out.length;
    if (room <= 0) break;
    const applied = (s.appliedOf.all(origin, after, room) as (Change & { fields: string })[]).map((c) => ({ ...c, fields: JSON.parse(c.fields) as Record<string, unknown> }));
    const refused = (s.refusedOf.all(origin, after, room) as { seq: number; change: string; reason: string; code: string }[]).map((r) => refusedEntry(r.change, r.reason, r.code));
    const merged = [...applied, ...refused].sort((a, b) => a.seq - b.seq);
    // Only a gapless run from `after` (a longer run of one table may outrun the other's page).
    let next = after + 1;
    for (const e of merged) {
      if (e.seq !== next || out.length >= limit) break;
      out.push(e);
      next++;
    }
  }
  return out;
}
