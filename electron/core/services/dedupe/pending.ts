import { agencyKey, blockingKeys, degreeKeys, matchProfile, personOf, type PersonForMatching } from '../../../../shared/model/dedupe';
import { expertDefaults, type ExpertFields } from '../../../../shared/model/expert';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import { isCompleteExpert } from '../experts/read';

/**
 * The deferred half of the dedupe projection. The projection (projection.ts) only notes in
 * dedupe_pending (migration 008) which people a write touched; this module recomputes their
 * profile and keys from the records. Invariant: the index is what a rebuild from the records
 * would give for every person not in dedupe_pending, and every lookup drains the queue first
 * (find.ts), so no check ever reads a stale person. Draining is deterministic: its result
 * depends on the records alone, not on when or in which batches it runs.
 */

/** One batch: the pending people in queue order, each with its record's data and its current row. */
const BATCH = `SELECT q.entity, q.id, r.data, d.person, d.profile
  FROM (SELECT entity, id FROM dedupe_pending ORDER BY entity, id LIMIT ?) q
  LEFT JOIN records r ON r.entity = q.entity AND r.id = q.id
  LEFT JOIN dedupe_person d ON d.entity = q.entity AND d.id = q.id
  ORDER BY q.entity, q.id`;

interface Pending {
  entity: string;
  id: string;
  data: string | null;
  person: number | null;
  profile: string | null;
}

const statements = perConnection((db) => ({
  batch: db.prepare(BATCH),
  // The same rows as `batch` within one transaction: the queue's order is its primary key.
  done: db.prepare('DELETE FROM dedupe_pending WHERE (entity, id) IN (SELECT entity, id FROM dedupe_pending ORDER BY entity, id LIMIT ?)'),
  any: db.prepare('SELECT EXISTS (SELECT 1 FROM dedupe_pending)').pluck(),
  insertPerson: db.prepare('INSERT INTO dedupe_person (entity, id, profile) VALUES (?, ?, ?)'),
  updatePerson: db.prepare('UPDATE dedupe_person SET profile = ? WHERE person = ?'),
  deletePerson: db.prepare('DELETE FROM dedupe_person WHERE person = ?'),
  keysOf: db.prepare('SELECT key FROM dedupe_key WHERE person = ?').pluck(),
  deleteKey: db.prepare('DELETE FROM dedupe_key WHERE key = ? AND person = ?'),
  deleteKeys: db.prepare('DELETE FROM dedupe_key WHERE person = ?'),
  // One call per person: the keys as a JSON array.
  insertKeys: db.prepare('INSERT OR IGNORE INTO dedupe_key (key, person) SELECT value, ? FROM json_each(?)'),
}));

/**
 * The matching view of an expert's stored data, or null when it has none (deleted, or not
 * yet complete). The fields as experts/read.ts's toExpertRecord gives them, without decoding
 * the stamps a profile does not need: a field the record lacks takes its default.
 */
function expertPerson(data: Record<string, unknown>): PersonForMatching | null {
  if (!isCompleteExpert(data) || data.deletedAt != null) return null;
  return personOf({ ...expertDefaults, ...data } as ExpertFields);
}

/** Recomputes one person's profile and keys from their record; writes only what differs. */
function reindexPerson(db: Db, row: Pending): void {
  const s = statements(db);
  const data = row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>);
  // An application's proposed profile uses the expert's field names: one reading serves both.
  const person = data === null ? null : expertPerson(data);
  if (!person) {
    if (row.person !== null) {
      s.deleteKeys.run(row.person);
      s.deletePerson.run(row.person);
    }
    return;
  }
  const profile = matchProfile(person);
  const json = JSON.stringify(profile);
  // Keys derive from the profile alone: an edit the matcher does not read (a career summary,
  // a status) leaves the profile's JSON, hence the keys, as they were.
  if (row.profile === json) return;
  // The agency and degree keys are counted by a check (find.ts), never looked up by.
  const agency = agencyKey(profile);
  const keys = [...blockingKeys(profile), ...(agency === null ? [] : [agency]), ...degreeKeys(profile)];
  if (row.person === null) {
    const id = Number(s.insertPerson.run(row.entity, row.id, json).lastInsertRowid);
    s.insertKeys.run(id, JSON.stringify(keys));
    return;
  }
  s.updatePerson.run(json, row.person);
  const held = new Set(s.keysOf.all(row.person) as string[]);
  const wanted = new Set(keys);
  for (const key of held) if (!wanted.has(key)) s.deleteKey.run(key, row.person);
  s.insertKeys.run(row.person, JSON.stringify(keys.filter((k) => !held.has(k))));
}

/**
 * Brings up to `limit` pending people up to date, in one transaction (a savepoint when the
 * caller holds one already). Returns how many it did; 0 when the index was current.
 */
export function drainDedupe(db: Db, limit = -1): number {
  const s = statements(db);
  if (!s.any.get()) return 0;
  return db.transaction(() => {
    // LIMIT -1 is no limit in SQLite.
    const rows = s.batch.all(limit) as Pending[];
    for (const row of rows) if (row.entity === 'expert' || row.entity === 'application') reindexPerson(db, row);
    s.done.run(limit);
    return rows.length;
  })();
}

/** True when some person waits to be re-indexed. */
export function dedupePending(db: Db): boolean {
  return statements(db).any.get() === 1;
}
