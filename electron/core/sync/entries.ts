import type { VersionVector, WireChange } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';

interface Row {
  origin: string;
  seq: number;
  hlc: string;
  actor: string;
  entity: string;
  id: string;
  op: string;
  fields: string;
}

/**
 * What a push sends: every entry this node holds that the remote lacks, applied or refused,
 * whoever its origin (a hub relays others' changes), in (origin, seq) order. Refused entries
 * travel too, so the remote sees each origin's sequence without gaps (it judges them itself).
 */
export function entriesToPush(db: Db, mine: VersionVector, theirs: VersionVector, limit: number): WireChange[] {
  const applied = db.prepare('SELECT origin, seq, hlc, actor, entity, id, op, fields FROM changes WHERE origin = ? AND seq > ? ORDER BY seq LIMIT ?');
  const refused = db.prepare('SELECT seq, reason, change FROM refused_changes WHERE origin = ? AND seq > ? ORDER BY seq LIMIT ?');
  const page: WireChange[] = [];
  for (const origin of Object.keys(mine).sort()) {
    const after = theirs[origin] ?? 0;
    if (mine[origin]! <= after) continue;
    const room = limit - page.length;
    const rows = (applied.all(origin, after, room) as Row[]).map((r): WireChange => ({ ...r, fields: JSON.parse(r.fields) as Record<string, unknown> }));
    const held = (refused.all(origin, after, room) as { seq: number; reason: string; change: string }[]).map((r): WireChange => ({ ...(JSON.parse(r.change) as WireChange), seq: r.seq, origin, refused: r.reason }));
    const merged = [...rows, ...held].sort((a, b) => a.seq - b.seq).slice(0, room);
    // Only a contiguous run from `after`: a page never leaves a hole the remote would call a gap.
    let expected = after + 1;
    for (const e of merged) {
      if (e.seq !== expected) break;
      page.push(e);
      expected++;
    }
    if (page.length >= limit) break;
  }
  return page;
}

const sha256 = /^[0-9a-f]{64}$/;

/** Content hashes of attachments (photos now, documents later) that these changes' fields reference. */
export function blobRefs(changes: readonly { fields?: unknown }[]): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 3) return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const hash = (value as { hash?: unknown }).hash;
    if (typeof hash === 'string' && sha256.test(hash)) found.add(hash);
    for (const v of Object.values(value)) visit(v, depth + 1);
  };
  for (const c of changes) visit(c.fields, 0);
  return found;
}
