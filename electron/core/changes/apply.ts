import { AppError } from '../../../shared/contract/result';
import { compareStamps } from '../../../shared/sync/hlc';
import type { Db } from '../db/open';
import { perConnection } from '../db/statements';
import { canonicalJson } from './canonical';
import { fieldsOf } from './entities';
import { decodeStamps, encodeStamps, encodeUniformStamps } from './stamps';
import { recordKey, type Change, type FieldStamp, type Projection, type StoredRecord, type Touched } from './types';

export interface ApplyOptions {
  /**
   * The caller has placed every change in its origin's sequence already (receive checks the
   * sequence across applied and refused entries; a parked change's seq was counted when it
   * arrived), so none is a repeat and none leaves a gap.
   */
  sequenced?: boolean;
  /** canonicalJson(change.fields) of some changes, worked out already (changes/receive.ts `checked`). */
  fieldsJson?: ReadonlyMap<Change, string>;
  /**
   * Some records as stored when the batch began (null: none), by recordKey, read by the caller
   * in the same transaction (issue.ts): the merge does not read them again.
   */
  before?: HeldRecords;
}

/** A records row as stored: its data and stamps, as text. */
export interface HeldRow {
  data: string;
  stamps: string;
}
export type HeldRecords = ReadonlyMap<string, HeldRow | null>;

export interface ApplyResult {
  applied: number;
  duplicates: number;
  /** The greatest stamp in the batch, for the caller to advance its clock after commit. */
  maxHlc: string | null;
  touched: Touched;
}

/**
 * The one way data changes. Stores each change once (a repeat of (origin, seq) is a no-op,
 * a gap is refused with the seq expected), merges its fields into the record field by field
 * (the greater (hlc, origin) wins; the loser stays in the change log, which is the record's
 * history), then lets projections catch up on the records touched.
 *
 * Each change stored also gets its feed row (migration 005), which is what nodes pulling from
 * this one read.
 *
 * Must run inside a transaction: the log, the records and the projections commit together
 * or not at all. Applying the same set of changes in any order that keeps each origin's own
 * order gives the same records (tested with fast-check in apply.test.ts).
 */
export function applyChanges(db: Db, changes: readonly Change[], projections: readonly Projection[], options: ApplyOptions = {}): ApplyResult {
  if (!db.inTransaction) throw new Error('applyChanges must run inside a transaction.');
  const s = statements(db);
  const sorted = [...changes].sort((a, b) => (a.origin === b.origin ? a.seq - b.seq : a.origin < b.origin ? -1 : 1));
  const lastSeq = new Map<string, number>();
  const touched: Touched = new Map();
  const states = new Map<string, StoredRecord>();
  const borrowed = new Set<StoredRecord>();
  let applied = 0;
  let duplicates = 0;
  let maxHlc: string | null = null;

  for (const change of sorted) {
    checkShape(change);
    if (!options.sequenced && !isNextInSequence(db, lastSeq, change.origin, change.seq)) {
      duplicates++;
      continue;
    }
    const fieldsJson = options.fieldsJson?.get(change) ?? canonicalJson(change.fields);
    s.insertChange.run(change.origin, change.seq, change.hlc, change.actor, change.entity, change.id, change.op, fieldsJson);
    s.appendFeed.run(change.origin, change.seq);
    const formerOwner = mergeIntoRecord(s, change, fieldsJson, states, borrowed, options.before);
    touch(touched, change.entity, change.id);
    if (formerOwner !== undefined) touch(touched, 'expert', formerOwner);
    if (maxHlc === null || change.hlc > maxHlc) maxHlc = change.hlc;
    applied++;
  }
  if (applied > 0) for (const p of projections) p.update(touched, states);
  return { applied, duplicates, maxHlc, touched };
}

/**
 * Whether `seq` is the next change of `origin`: false for a repeat, SEQ_GAP when changes are
 * missing. The sequence runs through the changes applied and those refused (migration 004);
 * `seen` carries it through a batch and is advanced on success.
 */
export function isNextInSequence(db: Db, seen: Map<string, number>, origin: string, seq: number): boolean {
  const last = seen.get(origin) ?? heldMaxSeq(db, origin);
  if (seq <= last) return false;
  if (seq !== last + 1) throw seqGap(origin, last + 1, seq);
  seen.set(origin, seq);
  return true;
}

/** The error for a change that skips numbers of its origin: the whole batch is refused. */
export function seqGap(origin: string, expected: number, received: number): AppError {
  return new AppError(
    'SEQ_GAP',
    `Changes from ${origin} are missing: expected number ${expected}, received ${received}. Nothing from this batch was saved; send the missing changes first.`,
    undefined,
    { origin, expected },
  );
}

/** The highest seq of `origin` this node holds, applied or refused; 0 when none. */
export function heldMaxSeq(db: Db, origin: string): number {
  return (statements(db).maxSeq.get(origin, origin) as { m: number | null }).m ?? 0;
}

function touch(touched: Touched, entity: string, id: string): void {
  let ids = touched.get(entity);
  if (!ids) touched.set(entity, (ids = new Set()));
  ids.add(id);
}

/**
 * Merges one change into its record. Returns the expert a portfolio item left when the change
 * moved it to another: that expert's index must drop the item (projections see only the new owner).
 *
 * A new record whose fields are all defined (most of what an import or a first sync writes) is
 * kept in `states` with the change's own fields object as its data, not a copy: `borrowed`
 * notes it, and a later change of the batch to the same record copies it before merging, so
 * the caller's object is never changed. (Projections only read `states`.)
 */
function mergeIntoRecord(
  s: Statements,
  change: Change,
  fieldsJson: string,
  states: Map<string, StoredRecord>,
  borrowed: Set<StoredRecord>,
  before: HeldRecords | undefined,
): string | undefined {
  const key = recordKey(change.entity, change.id);
  const known = states.get(key);
  // Once merged, a record is in `states`: `before` only ever stands for its row as stored before the batch.
  const held = known ? undefined : before?.get(key);
  const row = known ? undefined : held !== undefined ? (held ?? undefined) : (s.getRecord.get(change.entity, change.id) as HeldRow | undefined);
  if (!known && !row) {
    // A new record is exactly the change's fields, all with the change's stamp.
    const stamp: FieldStamp = [change.hlc, change.origin, change.actor];
    const names: string[] = [];
    // Borrowed only when it is exactly the record's data: every field defined, and no inherited ones (a plain object).
    let whole = Object.getPrototypeOf(change.fields) === Object.prototype;
    for (const f in change.fields) {
      if (change.fields[f] === undefined) whole = false;
      else names.push(f);
    }
    let data = change.fields;
    let stamps: Record<string, FieldStamp>;
    if (whole) {
      // A copy of the fields (made whole, at their size) with every value replaced by the stamp:
      // cheaper than adding the fields one by one to an empty object.
      stamps = { ...(data as Record<string, never>) };
      for (const f in stamps) stamps[f] = stamp;
    } else {
      data = {};
      stamps = {};
      for (const f of names) {
        data[f] = change.fields[f];
        stamps[f] = stamp;
      }
    }
    s.putRecord.run(change.entity, change.id, fieldsJson, names.length > 0 ? encodeUniformStamps(names, stamp) : encodeStamps(stamps));
    const record: StoredRecord = { data, stamps };
    if (whole) borrowed.add(record);
    states.set(key, record);
    return undefined;
  }
  const record: StoredRecord = known ?? { data: JSON.parse(row!.data), stamps: decodeStamps(row!.stamps) };
  if (known && borrowed.has(known)) {
    known.data = { ...known.data };
    borrowed.delete(known);
  }
  states.set(key, record);
  let changed = false;
  let formerOwner: string | undefined;
  for (const [field, value] of Object.entries(change.fields)) {
    if (value === undefined) continue;
    const held = record.stamps[field];
    if (held && compareStamps({ hlc: change.hlc, origin: change.origin }, { hlc: held[0], origin: held[1] }) <= 0) continue;
    const before = record.data[field];
    if (change.entity === 'portfolio' && field === 'expertId' && typeof before === 'string' && before !== value) formerOwner = before;
    record.data[field] = value;
    record.stamps[field] = [change.hlc, change.origin, change.actor] satisfies FieldStamp;
    changed = true;
  }
  if (changed) s.putRecord.run(change.entity, change.id, canonicalJson(record.data), encodeStamps(record.stamps));
  return formerOwner;
}

function checkShape(change: Change): void {
  const allowed = fieldsOf(change.entity);
  if (!allowed) throw new AppError('INVALID_INPUT', `A change names an unknown kind of record, "${change.entity}"; the batch was refused.`);
  if (change.op !== 'put') throw new AppError('INVALID_INPUT', `A change has an unknown operation, "${change.op}"; the batch was refused.`);
  if (!Number.isSafeInteger(change.seq) || change.seq < 1) throw new AppError('INVALID_INPUT', 'A change has an invalid sequence number; the batch was refused.');
  for (const field of Object.keys(change.fields)) {
    if (!allowed.has(field)) throw new AppError('INVALID_INPUT', `A change sets "${field}", which ${change.entity} records do not have; the batch was refused.`);
  }
}

const statements = perConnection((db) => ({
  maxSeq: db.prepare(
    'SELECT max(coalesce((SELECT max(seq) FROM changes WHERE origin = ?), 0), coalesce((SELECT max(seq) FROM refused_changes WHERE origin = ?), 0)) AS m',
  ),
  appendFeed: db.prepare('INSERT INTO feed (origin, oseq) VALUES (?, ?)'),
  insertChange: db.prepare('INSERT INTO changes (origin, seq, hlc, actor, entity, id, op, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
  getRecord: db.prepare('SELECT data, stamps FROM records WHERE entity = ? AND id = ?'),
  putRecord: db.prepare(
    'INSERT INTO records (entity, id, data, stamps) VALUES (?, ?, ?, ?) ON CONFLICT (entity, id) DO UPDATE SET data = excluded.data, stamps = excluded.stamps',
  ),
}));
type Statements = ReturnType<typeof statements>;
