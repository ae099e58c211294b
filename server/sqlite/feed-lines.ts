import type { FeedRow } from '../../electron/core/changes/feed';
import type { Db } from '../../electron/core/db/open';
import { perConnection } from '../../electron/core/db/statements';
import type { SnapshotLine } from '../store';

/**
 * Snapshot lines (shared/sync/protocol.ts snapshotLineSchema) built from the stored rows as
 * text: an applied change's `fields` column is already canonical JSON (the funnel wrote it), so
 * it goes out verbatim instead of being parsed and serialised again for every entry of a
 * first sync. The other columns are quoted with JSON.stringify. A refused entry (rare) is
 * rebuilt as an object, as the feed serves it: its stored change plus `refused` and `code`.
 * Feed rows whose entry is in neither table are skipped, as changes/feed.ts does.
 */

type Row = FeedRow;

const statements = perConnection((db: Db) => ({
  // changes/feed.ts's query, bounded by the head the snapshot counted up to.
  after: db.prepare(`
    SELECT f.seq AS feedSeq, f.origin, f.oseq AS seq, c.hlc, c.actor, c.entity, c.id, c.op, c.fields, r.change, r.reason, r.code
    FROM feed f
    LEFT JOIN changes c ON c.origin = f.origin AND c.seq = f.oseq
    LEFT JOIN refused_changes r ON r.origin = f.origin AND r.seq = f.oseq
    WHERE f.seq > ? AND f.seq <= ? ORDER BY f.seq LIMIT ?`),
}));

const q = JSON.stringify;

/**
 * The lines of up to `limit` feed rows after `after`, none past `upTo`, in feed order, and the
 * feed seq of the last row read (where the next page starts; null when none was left).
 */
export function feedLines(db: Db, after: number, upTo: number, limit: number): { lines: SnapshotLine[]; last: number | null } {
  const rows = statements(db).after.all(after, upTo, limit) as Row[];
  const lines: SnapshotLine[] = [];
  for (const r of rows) {
    if (r.hlc !== null) {
      const change = `{"origin":${q(r.origin)},"seq":${r.seq},"hlc":${q(r.hlc)},"actor":${q(r.actor)},"entity":${q(r.entity)},"id":${q(r.id)},"op":${q(r.op)},"fields":${r.fields}}`;
      lines.push({ seq: r.feedSeq, line: `{"seq":${r.feedSeq},"change":${change}}` });
    } else if (r.change !== null) {
      const change = { ...(JSON.parse(r.change) as Record<string, unknown>), refused: r.reason, ...(r.code ? { code: r.code } : {}) };
      lines.push({ seq: r.feedSeq, line: q({ seq: r.feedSeq, change }) });
    }
  }
  return { lines, last: rows.at(-1)?.feedSeq ?? null };
}
