import type { VersionVector } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';

/**
 * This node's version vector: for each origin, the highest seq held, applied (changes) or
 * refused (refused_changes). Walks the distinct origins through the (origin, seq) indexes, so
 * it costs a few index lookups per origin rather than a scan of the log.
 */
export function localVector(db: Db): VersionVector {
  const vector: VersionVector = {};
  for (const table of ['changes', 'refused_changes']) {
    const rows = db
      .prepare(
        `WITH RECURSIVE o(origin) AS (
           SELECT min(origin) FROM ${table}
           UNION ALL SELECT (SELECT min(origin) FROM ${table} WHERE origin > o.origin) FROM o WHERE o.origin IS NOT NULL
         )
         SELECT origin, (SELECT max(seq) FROM ${table} t WHERE t.origin = o.origin) AS seq FROM o WHERE origin IS NOT NULL`,
      )
      .all() as { origin: string; seq: number }[];
    for (const r of rows) vector[r.origin] = Math.max(vector[r.origin] ?? 0, r.seq);
  }
  return vector;
}

/** How many entries `mine` holds that `theirs` lacks. Sequences are gapless, so it is a difference per origin. */
export function lacking(mine: VersionVector, theirs: VersionVector): number {
  let n = 0;
  for (const [origin, seq] of Object.entries(mine)) n += Math.max(0, seq - (theirs[origin] ?? 0));
  return n;
}
