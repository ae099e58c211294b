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
type Issued = { result: ApplyResult; clock: HlcState };
/** Writes one person made (ChangeFunnel.write): `actor` is the author of all of them. */
export function issueWrites(db: Db, projections: readonly Projection[], nodeId: string, clock: HlcState, now: number, writes: readonly Write[], actor: string): Issued;
/** Writes that each name their own author (a copy re-issuing another node's writes). */
export function issueWrites(db: Db, projections: readonly Projection[], nodeId: string, clock: HlcState, now: number, writes: readonly AuthoredWrite[]): Issued;
export function issueWrites(
  db: Db,
  projections: readonly Projection[],
  nodeId: string,
  clock: HlcState,
  now: number,
  writes: readonly (Write | AuthoredWrite)[],
  actor?: string,
): Issued {
  const s = statements(db);
  let seq = heldMaxSeq(db, nodeId);
  // Each record written, as stored before the batch (null: none), read once: for the immutable
  // check, for the stamps its fields hold, and for applyChanges' merge (nothing writes records
  // between here and there, inside the caller's transaction).
  const before = new Map<string, HeldRow | null>();
  const heldRow = (key: string, entity: string, id: string) => {
    let row = before.get(key);
    if (row === undefined) before.set(key, (row = (s.record.get(entity, id) as HeldRow | undefined) ?? null));
    return row;
  };
  // The writes of this batch so far, per record, with their stamps: a second write to a field
  // in the batch must come after the first even when the first was bumped past the clock. Kept
  // as the writes themselves (most records are written once), not a stamp per field.
  const issued = new Map<string, { fields: Record<string, unknown>; hlc: string }[]>();
  // The canonical JSON of immutable writes, worked out by their check: applyChanges stores it as it is.
  const checkedJson = new Map<Write, string>();
  const fieldsJson = new Map<Change, string>();
  const writable = writableLocally(db, writes, (entity, id) => heldRow(recordKey(entity, id), entity, id)?.data, checkedJson);
  const changes: Change[] = writable.map((w) => {
    clock = tick(clock, now);
    let stamp = clock;
    const key = recordKey(w.entity, w.id);
    const mine = issued.get(key);
    const stored = heldRow(key, w.entity, w.id)?.stamps;
    let highest = '';
    if (stored || mine) {
      const held = stored ? decodeStamps(stored) : {};
      for (const field of Object.keys(w.fields)) {
        // The batch's latest stamp of the field, else the one stored.
        let h: string | undefined;
        if (mine) for (let i = mine.length - 1; i >= 0 && h === undefined; i--) if (Object.hasOwn(mine[i]!.fields, field)) h = mine[i]!.hlc;
        h ??= held[field]?.[0];
        if (h !== undefined && h > highest) highest = h;
      }
    }
    if (highest && highest >= formatHlc(stamp)) {
      stamp = after(parseHlc(highest));
      const cap = { wall: now + MAX_DRIFT_MS, counter: 0 };
      if (stamp.wall <= cap.wall) clock = stamp;
      else if (clock.wall < cap.wall) clock = cap;
    }
    const hlc = formatHlc(stamp);
    if (mine) mine.push({ fields: w.fields, hlc });
    else issued.set(key, [{ fields: w.fields, hlc }]);
    const change: Change = { origin: nodeId, seq: ++seq, hlc, actor: actor ?? (w as AuthoredWrite).actor, entity: w.entity, id: w.id, op: 'put', fields: w.fields };
    const json = checkedJson.get(w);
    if (json !== undefined) fieldsJson.set(change, json);
    return change;
  });
  return { result: applyChanges(db, changes, projections, { sequenced: true, before, fieldsJson }), clock };
}
