import type { SyncProblem } from '../../../shared/contract/sync';
import { displayName, nameOrders, type NameOrder } from '../../../shared/model/expert';
import type { Db } from '../db/open';

/**
 * The "Sync problems" list: changes this node holds refused (rejected or parked), here or by
 * the server upstream, each with what the curator needs to recognise it (whose record, who
 * wrote it, whether this computer did) and a stable code the screen translates.
 */

interface Row {
  origin: string;
  seq: number;
  kind: 'rejected' | 'parked';
  reason: string;
  code: string;
  change: string;
  received_at: number;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

function nameOf(data: Record<string, unknown> | null): string | null {
  if (!data) return null;
  const givenName = text(data.givenName);
  if (!givenName) return null;
  const order = nameOrders.includes(data.nameOrder as NameOrder) ? (data.nameOrder as NameOrder) : 'given-family';
  return displayName({ givenName, familyName: text(data.familyName) ?? '', nameOrder: order });
}

export function listProblems(db: Db, nodeId: string, limit: number): { items: SyncProblem[]; total: number } {
  const rows = db
    .prepare('SELECT origin, seq, kind, reason, code, change, received_at FROM refused_changes ORDER BY received_at DESC, origin, seq LIMIT ?')
    .all(limit) as Row[];
  const total = db.prepare('SELECT count(*) FROM refused_changes').pluck().get() as number;
  const record = db.prepare('SELECT data FROM records WHERE entity = ? AND id = ?').pluck();
  // This device's ids: the current one and those it had before a copied data folder made it take a new one.
  const mine = new Set([nodeId, ...(db.prepare("SELECT value FROM meta WHERE key LIKE 'forked\\_from.%' ESCAPE '\\'").pluck().all() as string[])]);
  const held = (entity: string, id: unknown): Record<string, unknown> | null => {
    if (typeof id !== 'string') return null;
    const data = record.get(entity, id) as string | undefined;
    return data ? (JSON.parse(data) as Record<string, unknown>) : null;
  };

  const items = rows.map((r): SyncProblem => {
    let change: { entity?: unknown; id?: unknown; actor?: unknown; fields?: unknown } = {};
    try {
      change = JSON.parse(r.change) as typeof change;
    } catch {
      // Stored exactly as received; a change that is not even JSON still gets its row.
    }
    const entity = typeof change.entity === 'string' ? change.entity : '';
    const id = typeof change.id === 'string' ? change.id : '';
    const fields = change.fields && typeof change.fields === 'object' ? (change.fields as Record<string, unknown>) : {};
    let label: string | null = null;
    // The name as held here; for a refused creation (never applied) the name it tried to write.
    if (entity === 'expert') label = nameOf(held('expert', id)) ?? nameOf(fields);
    if (entity === 'portfolio') {
      const expertId = held('portfolio', id)?.expertId ?? fields.expertId;
      label = nameOf(held('expert', expertId));
    }
    if (entity === 'user') label = text(held('user', id)?.name) ?? text(fields.name);
    const actor = typeof change.actor === 'string' ? change.actor : '';
    const actorName = text(held('user', actor)?.name);
    return {
      origin: r.origin,
      seq: r.seq,
      kind: r.kind,
      code: r.code,
      reason: r.reason,
      entity,
      id,
      label,
      actor: actorName ?? actor,
      own: mine.has(r.origin),
      receivedAt: r.received_at,
    };
  });
  return { items, total };
}
