import { blockingKeys, matchProfile, personOf } from '../../../../shared/model/dedupe';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import { isCompleteExpert, readRaw, toExpertRecord } from '../experts/read';

/**
 * The deferred half of the dedupe projection. The projection (projection.ts) only notes in
 * dedupe_pending (migration 008) which people a write touched; this module recomputes their
 * profile and keys from the records. Invariant: the index is what a rebuild from the records
 * would give for every person not in dedupe_pending, and every lookup drains the queue first
 * (find.ts), so no check ever reads a stale person. Draining is deterministic: its result
 * depends on the records alone, not on when or in which batches it runs.
 */

const statements = perConnection((db) => ({
  next: db.prepare('SELECT entity, id FROM dedupe_pending ORDER BY entity, id LIMIT ?'),
  any: db.prepare('SELECT EXISTS (SELECT 1 FROM dedupe_pending)').pluck(),
  done: db.prepare('DELETE FROM dedupe_pending WHERE entity = ? AND id = ?'),
  person: db.prepare('SELECT person, profile FROM dedupe_person WHERE entity = ? AND id = ?'),
  insertPerson: db.prepare('INSERT INTO dedupe_person (entity, id, profile) VALUES (?, ?, ?)'),
  updatePerson: db.prepare('UPDATE dedupe_person SET profile = ? WHERE person = ?'),
  deletePerson: db.prepare('DELETE FROM dedupe_person WHERE person = ?'),
  keysOf: db.prepare('SELECT key FROM dedupe_key WHERE person = ?').pluck(),
  deleteKey: db.prepare('DELETE FROM dedupe_key WHERE key = ? AND person = ?'),
  deleteKeys: db.prepare('DELETE FROM dedupe_key WHERE person = ?'),
  insertKey: db.prepare('INSERT OR IGNORE INTO dedupe_key (key, person) VALUES (?, ?)'),
}));

/** Recomputes one expert's profile and keys from its record; writes only what differs. */
function reindexExpert(db: Db, id: string): void {
  const s = statements(db);
  const existing = s.person.get('expert', id) as { person: number; profile: string } | undefined;
  const raw = readRaw(db, 'expert', id);
  const record = raw && isCompleteExpert(raw.data) ? toExpertRecord(raw) : null;
  if (!record || record.deleted) {
    if (existing) {
      s.deleteKeys.run(existing.person);
      s.deletePerson.run(existing.person);
    }
    return;
  }
  const profile = matchProfile(personOf(record.fields));
  const json = JSON.stringify(profile);
  // Keys derive from the profile alone: an edit the matcher does not read (a career summary,
  // a status) leaves the profile's JSON, hence the keys, as they were.
  if (existing?.profile === json) return;
  const keys = blockingKeys(profile);
  if (!existing) {
    const person = Number(s.insertPerson.run('expert', id, json).lastInsertRowid);
    for (const key of keys) s.insertKey.run(key, person);
    return;
  }
  s.updatePerson.run(json, existing.person);
  const wanted = new Set(keys);
  const held = new Set(s.keysOf.all(existing.person) as string[]);
  for (const key of held) if (!wanted.has(key)) s.deleteKey.run(key, existing.person);
  for (const key of wanted) if (!held.has(key)) s.insertKey.run(key, existing.person);
}

/**
 * Brings up to `limit` pending people up to date, in one transaction (a savepoint when the
 * caller holds one already). Returns how many it did; 0 when the index was current.
 */
export function drainDedupe(db: Db, limit = Number.MAX_SAFE_INTEGER): number {
  const s = statements(db);
  if (!s.any.get()) return 0;
  return db.transaction(() => {
    const rows = s.next.all(limit) as { entity: string; id: string }[];
    for (const { entity, id } of rows) {
      if (entity === 'expert') reindexExpert(db, id);
      s.done.run(entity, id);
    }
    return rows.length;
  })();
}

/** True when some person waits to be re-indexed. */
export function dedupePending(db: Db): boolean {
  return statements(db).any.get() === 1;
}
