import { AppError } from '../../../shared/contract/result';
import { canonicalJson } from '../../../shared/canonical';
import { wholeRecordProblem } from '../../../shared/sync/change';
import type { Db } from '../db/open';
import { perConnection } from '../db/statements';
import { recordKey, type Write } from './types';

/**
 * Records written once and never changed (DESIGN.md, "Data and the change funnel"): a vetting
 * event is history, hashed into its application's chain. A second put on one is a no-op when
 * its fields are exactly those held, and refused (IMMUTABLE) otherwise — for a local write with
 * an AppError, for a received change by storing it refused, so its origin is never blocked.
 */
export const immutableEntities: ReadonlySet<string> = new Set(['vetting_event']);

/** `fieldsJson`: the canonical JSON of the put's fields, worked out for an immutable record (what its record stores). */
export type ImmutableVerdict = { kind: 'new' | 'same'; fieldsJson?: string } | { kind: 'refused'; code: 'IMMUTABLE'; reason: string };

const statements = perConnection((db: Db) => ({
  data: db.prepare('SELECT data FROM records WHERE entity = ? AND id = ?').pluck(),
}));

/** records.data of a record as stored now, or undefined when there is none. */
export type HeldData = (entity: string, id: string) => string | undefined;

/**
 * A guard for one batch: it remembers the puts it let through, which the batch may not have
 * stored yet (receive applies in runs), so a batch cannot write one event twice differently.
 */
export function immutableGuard(db: Db, heldData?: HeldData): (change: Pick<Write, 'entity' | 'id' | 'fields'>) => ImmutableVerdict {
  const s = statements(db);
  const read: HeldData = heldData ?? ((entity, id) => s.data.get(entity, id) as string | undefined);
  const passed = new Map<string, string>();
  return ({ entity, id, fields }) => {
    if (!immutableEntities.has(entity)) return { kind: 'new' };
    const key = recordKey(entity, id);
    // records.data of a record made by one put is the canonical JSON of that put's fields.
    const held = passed.get(key) ?? read(entity, id);
    const mine = canonicalJson(fields);
    if (held === undefined) {
      passed.set(key, mine);
      return { kind: 'new', fieldsJson: mine };
    }
    if (held === mine) return { kind: 'same', fieldsJson: mine };
    return {
      kind: 'refused',
      code: 'IMMUTABLE',
      reason: `The ${entity.replace('_', ' ')} ${id} was recorded already with other content; a recorded step never changes, so this change was not applied.`,
    };
  };
}

/**
 * The local writes to apply: an exact repeat of a held immutable record is dropped (a no-op);
 * a different one stops the whole batch with IMMUTABLE, before anything is stamped. A new one
 * must be whole and sealed, as every other node will check it: a write that is not would be
 * refused by all of them, so it is refused here first (INVALID_INPUT). `heldData` reads the
 * records as stored (issue.ts passes the rows it reads anyway); by default, one query each.
 * `fieldsJson`, when given, gets the canonical JSON of each immutable write let through, worked
 * out for the check already, for applyChanges to store.
 */
export function writableLocally<W extends Pick<Write, 'entity' | 'id' | 'fields'>>(db: Db, writes: readonly W[], heldData?: HeldData, fieldsJson?: Map<W, string>): W[] {
  const guard = immutableGuard(db, heldData);
  return writes.filter((w) => {
    const v = guard(w);
    if (v.kind === 'refused') {
      throw new AppError('IMMUTABLE', 'This vetting step was recorded already and cannot be changed; nothing was saved. Record a new step (a note or a new decision) instead.', undefined, {
        entity: w.entity,
        id: w.id,
      });
    }
    if (v.kind === 'new' && immutableEntities.has(w.entity)) {
      const problem = wholeRecordProblem(w.entity, w.id, w.fields, v.fieldsJson);
      if (problem) throw new AppError('INVALID_INPUT', `The vetting step could not be recorded: ${w.entity}.${problem} Nothing was saved.`);
    }
    if (v.kind === 'new' && v.fieldsJson !== undefined) fieldsJson?.set(w, v.fieldsJson);
    return v.kind === 'new';
  });
}
