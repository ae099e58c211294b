import { blockingKeys, matchProfile, personOf } from '../../../../shared/model/dedupe';
import type { Db } from '../../db/open';
import { recordKey, type Projection, type RecordStates, type StoredRecord } from '../../changes/types';
import { isCompleteExpert, readRaw, toExpertRecord } from '../experts/read';

/** The kinds of record duplicate detection compares; 'application' joins when that entity lands. */
export type DedupeEntity = 'expert' | 'application';

/**
 * Keeps dedupe_key and dedupe_person (migration 007) in step with the expert records: one
 * profile and its blocking keys per expert that is not deleted (archived experts stay: an
 * archived expert who applies again is still the same person). Runs inside applyChanges'
 * transaction and derives every row from the records alone, so all nodes hold the same keys.
 */
export function dedupeProjection(db: Db): Projection {
  const s = {
    ids: db.prepare("SELECT id FROM records WHERE entity = 'expert' ORDER BY id").pluck(),
    deleteKeys: db.prepare('DELETE FROM dedupe_key WHERE entity = ? AND id = ?'),
    insertKey: db.prepare('INSERT OR IGNORE INTO dedupe_key (key, entity, id) VALUES (?, ?, ?)'),
    deletePerson: db.prepare('DELETE FROM dedupe_person WHERE entity = ? AND id = ?'),
    putPerson: db.prepare('INSERT OR REPLACE INTO dedupe_person (entity, id, profile) VALUES (?, ?, ?)'),
  };

  const reindex = (id: string, state: StoredRecord | undefined) => {
    s.deleteKeys.run('expert', id);
    const raw = state ? { id, ...state } : readRaw(db, 'expert', id);
    if (!raw || !isCompleteExpert(raw.data)) return void s.deletePerson.run('expert', id);
    const record = toExpertRecord(raw);
    if (record.deleted) return void s.deletePerson.run('expert', id);
    const profile = matchProfile(personOf(record.fields));
    s.putPerson.run('expert', id, JSON.stringify(profile));
    for (const key of blockingKeys(profile)) s.insertKey.run(key, 'expert', id);
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
