import { after, formatHlc, MAX_DRIFT_MS, parseHlc, tick, type HlcState } from '../../../shared/sync/hlc';
import type { Db } from '../db/open';
import { perConnection } from '../db/statements';
import { applyChanges, heldMaxSeq, type ApplyResult, type HeldRow } from './apply';
import { writableLocally } from './immutable';
import { decodeStamps } from './stamps';
import { recordKey, type Change, type Projection, type Write } from './types';

export type AuthoredWrite = Write & { actor: string };

const statements = perConnection((db: Db) => ({
  record: db.prepare('SELECT data, stamps FROM records WHERE entity = ? AND id = ?'),
}));

/**
 * Stamps this node's own writes (the next seqs of `nodeId`, the next clock values) and applies
 * them. Inside the caller's transaction; returns the clock to adopt after commit.
 *
 * Happens-after: a write's stamp is greater than the stamps held by every field it writes —
 * the curator saw those values — so an edit made after a write from a clock far ahead still
 * wins. Such a bumped stamp does not carry the node's clock past now + MAX_DRIFT_MS; only the
 * fields that need it get stamps that far ahead.
 */
export function issueWrites(
  db: Db,
  projections: readonly Projection[],
  nodeId: string,
  clock: HlcState,
  now: number,
  writes: readonly AuthoredWrite[],
): { result: ApplyResult; clock: HlcState } {
  const s = statements(db);
  let seq = heldMaxSeq(db, nodeId);
  // Each record written, as stored before the batch (null: none), read once: for the immutable
  // check, for the stamps its fields hold, and for applyChanges' merge (nothing writes records
  // between here and there, inside the caller's transaction).
  const before = new Map<string, HeldRow | null>();
  const heldRow = (entity: string, id: string) => {
    const key = recordKey(entity, id);
    let row = before.get(key);
    if (row === undefined) before.set(key, (row = (s.record.get(entity, id) as HeldRow | undefined) ?? null));
    return row;
  };
  // Stamps issued by this batch, per record and field: a second write to a field in the batch
  // must come after the first even when the first was bumped past the clock.
  const issued = new Map<string, Record<string, string>>();
  const changes: Change[] = writableLocally(db, writes, (entity, id) => heldRow(entity, id)?.data).map((w) => {
    clock = tick(clock, now);
    let stamp = clock;
    const key = recordKey(w.entity, w.id);
    let mine = issued.get(key);
    if (!mine) issued.set(key, (mine = {}));
    const stored = heldRow(w.entity, w.id)?.stamps;
    const held = stored ? decodeStamps(stored) : {};
    let highest = '';
    for (const field of Object.keys(w.fields)) {
      const h = mine[field] ?? held[field]?.[0];
      if (h !== undefined && h > highest) highest = h;
    }
    if (highest && highest >= formatHlc(stamp)) {
      stamp = after(parseHlc(highest));
      const cap = { wall: now + MAX_DRIFT_MS, counter: 0 };
      if (stamp.wall <= cap.wall) clock = stamp;
      else if (clock.wall < cap.wall) clock = cap;
    }
    const hlc = formatHlc(stamp);
    for (const field of Object.keys(w.fields)) mine[field] = hlc;
    return { origin: nodeId, seq: ++seq, hlc, actor: w.actor, entity: w.entity, id: w.id, op: 'put', fields: w.fields };
  });
  return { result: applyChanges(db, changes, projections, { sequenced: true, before }), clock };
}
