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
 * under its own id, takes a new id; each of its own changes whose address upstream has given to
 * another change leaves the log and is written again under the new id with fresh stamps
 * (funnel.ts), so both copies' edits survive and no (origin, seq) names two changes.
 *
 * Only those move. An own change upstream does not hold (above its vector, or not delivered
 * yet) stays under the old id and is pushed as it is: it may already be held elsewhere under
 * that address (another device pulled it before a restored central lost it), and moving it
 * would put the same write in every log twice, once under each address. Such a change is
 * *kept* (meta `fork_kept.<old id>`, committed with the page and its cursor): whenever an
 * upstream page later delivers another change at its address (the other copy's got there
 * first), it moves then. A kept change delivered identically stays kept — a central restored
 * from a backup may lose it and take the other copy's change there next.
 *
 * Only the upstream that *decides* settles this node's own addresses. A device that syncs with
 * central and also with a workshop hub takes central's word only: the hub may hold the other
 * copy's change at an address where central holds this node's (the hub's relay of it is then
 * refused, and the hub takes central's version), and moving on the hub's word would put this
 * node's write twice in every log. From such an upstream, an entry differing at an own address
 * is left out of the page (`deferred`); central's pull settles it, or the hub corrects itself.
 * That holds only for an address this node ever sent to central itself (the engine passes which,
 * `decides(origin, seq)`): one it never sent there, central can hold only through the hub, and
 * the hub holds another change there, so central's word can only agree with the hub's. A laptop
 * enrolled with central but syncing with the hub alone (the workshop, central out of reach)
 * would otherwise keep such a write from every node, and never pull the other copy's.
 */

const statements = perConnection((db: Db) => ({
  ownFrom: db.prepare('SELECT seq FROM changes WHERE origin = ? AND seq >= ? UNION SELECT seq FROM refused_changes WHERE origin = ? AND seq >= ? ORDER BY seq').pluck(),
  applied: db.prepare('SELECT actor, entity, id, fields FROM changes WHERE origin = ? AND seq = ?'),
  refused: db.prepare('SELECT change FROM refused_changes WHERE origin = ? AND seq = ?').pluck(),
  dropChange: db.prepare('DELETE FROM changes WHERE origin = ? AND seq = ?'),
  dropRefused: db.prepare('DELETE FROM refused_changes WHERE origin = ? AND seq = ?'),
  dropFeed: db.prepare('DELETE FROM feed WHERE origin = ? AND oseq = ?'),
  kept: db.prepare("SELECT key, value FROM meta WHERE key LIKE 'fork_kept.%'"),
  setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  dropMeta: db.prepare('DELETE FROM meta WHERE key = ?'),
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

/** Own entries to re-issue: what they wrote (in seq order) and the records they touched. */
export interface TakenOut {
  writes: AuthoredWrite[];
  touched: Touched;
}

/**
 * Takes entries of `origin` out of the log and the feed (the feed rows named entries that no
 * longer exist here), adding them to `into` as writes to issue again. Refused ones too: they are
 * written again and judged again; dropping them would delete a write silently.
 */
function takeOut(db: Db, origin: string, seqs: readonly number[], into: TakenOut): void {
  const s = statements(db);
  for (const seq of [...seqs].sort((a, b) => a - b)) {
    const a = s.applied.get(origin, seq) as { actor: string; entity: string; id: string; fields: string } | undefined;
    const r = a ? undefined : (s.refused.get(origin, seq) as string | undefined);
    const c = a ? { ...a, fields: JSON.parse(a.fields) as Record<string, unknown> } : r ? (JSON.parse(r) as AuthoredWrite) : undefined;
    if (!c) continue;
    into.writes.push({ actor: c.actor, entity: c.entity, id: c.id, fields: c.fields });
    let ids = into.touched.get(c.entity);
    if (!ids) into.touched.set(c.entity, (ids = new Set()));
    ids.add(c.id);
    s.dropChange.run(origin, seq);
    s.dropRefused.run(origin, seq);
    s.dropFeed.run(origin, seq);
  }
}

function loadKept(db: Db): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const { key, value } of statements(db).kept.all() as { key: string; value: string }[]) {
    out.set(key.slice('fork_kept.'.length), new Set(JSON.parse(value) as number[]));
  }
  return out;
}

function saveKept(db: Db, kept: Map<string, Set<number>>, origins: Iterable<string>): void {
  const s = statements(db);
  for (const origin of origins) {
    const seqs = kept.get(origin);
    if (seqs?.size) s.setMeta.run(`fork_kept.${origin}`, JSON.stringify([...seqs].sort((a, b) => a - b)));
    else s.dropMeta.run(`fork_kept.${origin}`);
  }
}

/**
 * Before an upstream page is stored: settles this node's own entries against it (see above).
 * Returns the entries taken out (to re-issue under the node's current or new id, after the page
 * is stored) and, when the page shows a fork, the old id's fork point; from an upstream that
 * does not decide, instead, the page's entries to leave out. Inside the caller's transaction.
 */
export function settleOwn(
  db: Db,
  nodeId: string,
  all: readonly Addressed[],
  decides: boolean | ((origin: string, seq: number) => boolean) = true,
): TakenOut & { forkedAt?: number; deferred: Set<Addressed> } {
  const rows = entryRows(db);
  const out: TakenOut = { writes: [], touched: new Map() };
  const kept = loadKept(db);
  const changed = new Set<string>();
  const differs = (e: Addressed) => {
    const held = rows.held(e.origin, e.seq);
    return held !== undefined && held.digest !== changeDigest(normalizeChange(e.origin, e.seq, e.raw));
  };
  const own = (e: Addressed) => e.origin === nodeId || kept.get(e.origin)?.has(e.seq) === true;
  const waits = (e: Addressed) => decides === false || (decides !== true && !decides(e.origin, e.seq));
  const deferred = new Set(decides === true ? [] : all.filter((e) => own(e) && differs(e) && waits(e)));
  // The rest of the page settles as from an upstream that decides; a deferred own seq stays kept.
  const entries = deferred.size ? all.filter((e) => !deferred.has(e)) : all;

  // A kept own change of an earlier fork whose address upstream now gives to another change: it moves.
  for (const [origin, seqs] of kept) {
    const moved = entries.filter((e) => e.origin === origin && seqs.has(e.seq) && differs(e)).map((e) => e.seq);
    for (const seq of moved) seqs.delete(seq);
    if (moved.length) changed.add(origin);
    takeOut(db, origin, moved, out);
  }

  const forkedAt = forkPoint(db, nodeId, entries);
  if (forkedAt !== undefined) {
    const inPage = new Map<number, Addressed>();
    for (const e of entries) if (e.origin === nodeId) inPage.set(e.seq, e);
    const moved: number[] = [];
    const seqs = kept.get(nodeId) ?? new Set<number>();
    for (const seq of statements(db).ownFrom.all(nodeId, forkedAt, nodeId, forkedAt) as number[]) {
      const e = inPage.get(seq);
      if (e && differs(e)) moved.push(seq);
      else seqs.add(seq);
    }
    takeOut(db, nodeId, moved, out);
    kept.set(nodeId, seqs);
    changed.add(nodeId);
  }
  saveKept(db, kept, changed);
  return { ...out, deferred, ...(forkedAt !== undefined ? { forkedAt } : {}) };
}
