import type { Db } from '../db/open';
import { perConnection } from '../db/statements';
import { canonicalJson } from './canonical';
import { digestOf, type HeldEntry } from './entry';
import type { Change } from './types';

/**
 * The rows behind entries, each write paired with its feed row (migration 005): whatever
 * stores an entry or changes its state appends to the feed, so pulls see it. An (origin, seq)
 * is in `changes` or in `refused_changes`, never both.
 */
export const entryRows = perConnection((db: Db) => {
  const s = {
    appendFeed: db.prepare('INSERT INTO feed (origin, oseq) VALUES (?, ?)'),
    appliedRow: db.prepare('SELECT hlc, actor, entity, id, op, fields FROM changes WHERE origin = ? AND seq = ?'),
    refusedRow: db.prepare('SELECT change, reason, code, upstream FROM refused_changes WHERE origin = ? AND seq = ?'),
    insertRefused: db.prepare(
      'INSERT INTO refused_changes (origin, seq, kind, reason, change, received_at, code, upstream) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteApplied: db.prepare('DELETE FROM changes WHERE origin = ? AND seq = ?'),
    deleteRefused: db.prepare('DELETE FROM refused_changes WHERE origin = ? AND seq = ?'),
    insertChange: db.prepare('INSERT INTO changes (origin, seq, hlc, actor, entity, id, op, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
  };
  return {
    appendFeed: (origin: string, seq: number) => void s.appendFeed.run(origin, seq),

    held(origin: string, seq: number): HeldEntry | undefined {
      const a = s.appliedRow.get(origin, seq) as (Omit<Change, 'origin' | 'seq' | 'fields'> & { fields: string }) | undefined;
      if (a) return { state: 'applied', digest: digestOf(a, a.fields) };
      const r = s.refusedRow.get(origin, seq) as { change: string; reason: string; code: string; upstream: number } | undefined;
      if (!r) return undefined;
      const c = JSON.parse(r.change) as Change;
      return { state: 'refused', digest: digestOf(c, canonicalJson(c.fields)), reason: r.reason, code: r.code, upstream: r.upstream === 1 };
    },

    /** The (entity, id) of an applied change, before it is taken out of the log. */
    appliedRecord: (origin: string, seq: number) => s.appliedRow.get(origin, seq) as { entity: string; id: string } | undefined,

    /** Stores a refused change (normalised, entry.ts) with its verdict, and feeds it. */
    refuse(change: Change, v: { kind: 'rejected' | 'parked'; code: string; reason: string; upstream: boolean }, now: number): void {
      s.insertRefused.run(change.origin, change.seq, v.kind, v.reason, canonicalJson(change), now, v.code, v.upstream ? 1 : 0);
      s.appendFeed.run(change.origin, change.seq);
    },

    /** Puts a change into the log without merging it (the caller recomputes its record). */
    insertApplied(change: Change): void {
      s.insertChange.run(change.origin, change.seq, change.hlc, change.actor, change.entity, change.id, change.op, canonicalJson(change.fields));
      s.appendFeed.run(change.origin, change.seq);
    },

    /** Takes an entry out of whichever table holds it (its feed rows stay: it is replaced next). */
    remove(origin: string, seq: number): void {
      s.deleteApplied.run(origin, seq);
      s.deleteRefused.run(origin, seq);
    },
  };
});
