import { blockingKeys, matchProfile, personOf } from '../../../../shared/model/dedupe';
import type { Db } from '../../db/open';
import { recordKey, type Projection, type RecordStates, type StoredRecord } from '../../changes/types';
import { isCompleteExpert, readRaw, toExpertRecord } from '../experts/read';

/** The kinds of record duplicate detection compares; 'application' joins when that entity lands. */
export type DedupeEntity = 'expert' | 'application';

/**
 * Keeps dedupe_person and dedupe_key (migration 007) in step with the expert records: one
 * profile and its blocking keys per expert that is not deleted (archived experts stay: an
 * archived expert who applies again is still the same person). Runs inside applyChanges'
 * transaction and derives every row from the records alone, so all nodes hold the same keys.
 */
export function dedupeProjection(db: Db): Projection {
  const s = {
    ids: db.prepare("SELECT id FROM records WHERE entity = 'expert' ORDER BY id").pluck(),
    personOf: db.prepare('SELECT person FROM dedupe_person WHERE entity = ? AND id = ?').pluck(),
    insertPerson: db.prepare('INSERT INTO dedupe_person (entity, id, profile) VALUES (?, ?, ?)'),
    updatePerson: db.prepare('UPDATE dedupe_person SET profile = ? WHERE person = ?'),
    deletePerson: db.prepare('DELETE FROM dedupe_person WHERE person = ?'),
    deleteKeys: db.prepare('DELETE FROM dedupe_key WHERE person = ?'),
    insertKey: db.prepare('INSERT OR IGNORE INTO dedupe_key (key, person) VALUES (?, ?)'),
  };

  const reindex = (id: string, state: StoredRecord | undefined) => {
    const existing = s.personOf.get('expert', id) as number | undefined;
    if (existing !== undefined) s.deleteKeys.run(existing);
    const raw = state ? { id, ...state } : readRaw(db, 'expert', id);
    const record = raw && isCompleteExpert(raw.data) ? toExpertRecord(raw) : null;
    if (!record || record.deleted) {
      if (existing !== undefined) s.deletePerson.run(existing);
      return;
    }
    const profile = matchProfile(personOf(record.fields));
    const json = JSON.stringify(profile);
    let person = existing;
    if (person === undefined) person = Number(s.insertPerson.run('expert', id, json).lastInsertRowid);
    else s.updatePerson.run(json, person);
    for (const key of blockingKeys(profile)) s.insertKey.run(key, person);
  };

  return {
    name: 'dedupe',
    version: 1,
    rebuild() {
      db.exec('DELETE FROM dedupe_key; DELETE FROM dedupe_person;');
      for (const id of s.ids.all() as string[]) reindex(id, undefined);
    },
    update(touched, states: RecordStates) {
      for (const id of touched.get('expert') ?? []) reindex(id, states.get(recordKey('expert', id)));
    },
  };
}
