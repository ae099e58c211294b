import { randomBytes } from 'node:crypto';
import type { Migration } from '../migrate';

/**
 * What a node serves to the nodes that pull from it (DESIGN.md, "Sync"):
 * - `feed`: one row each time this node stores an entry (a change applied or refused) and each
 *   time an entry's state changes later (a parked change applied, a change replaced or
 *   re-judged by upstream). Its seq is this node's own increasing number: a pull cursor. A row
 *   points at the entry by (origin, oseq); the entry's *current* state is served. Invariant:
 *   each origin's entries first appear in the feed in seq order, so a node pulling from 0
 *   passes the gap check.
 * - `refused_changes.code`: the stable refusal code (shared/sync/change.ts refusalCodes), and
 *   `upstream` = 1 when the verdict is upstream's (then this node never re-judges it itself,
 *   e.g. never applies it as a parked change it has come to know).
 * - `meta.epoch`: a random id of this database's feed; a server restored from a backup starts
 *   another, which tells clients their cursors no longer hold.
 *
 * The feed is filled from the entries already held. Insertion order is approximated by the
 * change log's rowid, made non-decreasing along each origin's seqs (the smallest rowid among
 * the origin's later changes), so the per-origin order holds even where a parked change was
 * applied after its successors; refused rows sort with the next applied change of their origin.
 */
export const m005Feed: Migration = {
  version: 5,
  name: 'feed',
  up(db) {
    db.exec(`
      CREATE TABLE feed (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        origin TEXT NOT NULL,
        oseq INTEGER NOT NULL
      );
      -- No index on (origin, oseq): every stored entry would pay for it, and only taking a
      -- forked node's rows out (rare) looks rows up that way.

      ALTER TABLE refused_changes ADD COLUMN code TEXT NOT NULL DEFAULT 'INVALID_VALUE';
      ALTER TABLE refused_changes ADD COLUMN upstream INTEGER NOT NULL DEFAULT 0;
      UPDATE refused_changes SET code = CASE
        WHEN kind = 'rejected' THEN 'INVALID_VALUE'
        WHEN json_valid(change) AND json_extract(change, '$.entity') IN ('expert', 'portfolio') THEN 'UNKNOWN_FIELD'
        ELSE 'UNKNOWN_ENTITY' END;

      INSERT INTO feed (origin, oseq)
      SELECT origin, seq FROM (
        SELECT origin, seq, min(r) OVER (PARTITION BY origin ORDER BY seq DESC ROWS UNBOUNDED PRECEDING) AS k
        FROM (SELECT origin, seq, rowid AS r FROM changes UNION ALL SELECT origin, seq, NULL FROM refused_changes)
      )
      ORDER BY coalesce(k, 9223372036854775807), origin, seq;
    `);
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('epoch', ?)").run(randomBytes(8).toString('hex'));
  },
};
