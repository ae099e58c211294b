import type { Db } from '../db/open';
import { perConnection } from '../db/statements';
import { changeDigest, normalizeChange } from './entry';
import type { AuthoredWrite } from './issue';
import type { Addressed } from './receive';
import { entryRows } from './store';
import type { Touched } from './types';

/**
 * Forks (DESIGN.md, "Sync"): two copies of one data folder (a copied folder, a laptop restored
 * from a backup) both write under the same node id, so one (origin, seq) ends up naming two
 * different changes. Upstream's copy stands. This node, seeing upstream hold another change
 * under its own id, takes a new id; its own changes from the first differing seq on, which
 * upstream does not hold, leave the log and are written again under the new id with fresh
 * stamps (funnel.ts), so both copies' edits survive and no (origin, seq) names two changes.
 *
 * Below the first differing seq upstream holds this node's changes as they are: each origin's
 * entries reach a puller in seq order, so those were compared first.
 */

const statements = perConnection((db: Db) => ({
  ownFrom: db.prepare('SELECT seq, actor, entity, id, fields FROM changes WHERE origin = ? AND seq >= ? ORDER BY seq'),
  ownRefusedFrom: db.prepare('SELECT seq, change FROM refused_changes WHERE origin = ? AND seq >= ? ORDER BY seq'),
  dropChanges: db.prepare('DELETE FROM changes WHERE origin = ? AND seq >= ?'),
  dropRefused: db.prepare('DELETE FROM refused_changes WHERE origin = ? AND seq >= ?'),
  dropFeed: db.prepare('DELETE FROM feed WHERE origin = ? AND oseq >= ?'),
}));

/** The first seq at which upstream's page holds another change than this node under its own id. */
export function forkPoint(db: Db, nodeId: string, entries: readonly Addressed[]): number | undefined {
  const rows = entryRows(db);
  let first: number | undefined;
  for (const { origin, seq, raw } of entries) {
    if (origin !== nodeId || (first !== undefined && seq >= first)) continue;
    const held = rows.held(origin, seq);
    if (held && held.digest !== changeDigest(normalizeChange(origin, seq, raw))) first = seq;
  }
  return first;
}

/**
 * Takes this node's own changes from `from` on out of the log and the feed, and returns them
 * as writes to issue again, in their order, with the records they touched (to recompute).
 * The feed rows go too: the entries they named no longer exist here.
 */
export function dropOwnFrom(db: Db, nodeId: string, from: number): { writes: AuthoredWrite[]; touched: Touched } {
  const s = statements(db);
  // Refused ones too: upstream does not hold them either (it lost them, or holds another change
  // there), so they are written again and judged again; dropping them would delete a write silently.
  const applied = s.ownFrom.all(nodeId, from) as { seq: number; actor: string; entity: string; id: string; fields: string }[];
  const refused = (s.ownRefusedFrom.all(nodeId, from) as { seq: number; change: string }[]).map((r) => {
    const c = JSON.parse(r.change) as { actor: string; entity: string; id: string; fields: Record<string, unknown> };
    return { seq: r.seq, actor: c.actor, entity: c.entity, id: c.id, fields: JSON.stringify(c.fields) };
  });
  const rows = [...applied, ...refused].sort((a, b) => a.seq - b.seq);
  const touched: Touched = new Map();
  const writes = rows.map((r) => {
    let ids = touched.get(r.entity);
    if (!ids) touched.set(r.entity, (ids = new Set()));
    ids.add(r.id);
    return { actor: r.actor, entity: r.entity, id: r.id, fields: JSON.parse(r.fields) as Record<string, unknown> };
  });
  s.dropChanges.run(nodeId, from);
  s.dropRefused.run(nodeId, from);
  s.dropFeed.run(nodeId, from);
  return { writes, touched };
}
