import { compareStamps } from '../../../shared/sync/hlc';
import type { Db } from '../db/open';
import { perConnection } from '../db/statements';
import { canonicalJson } from './canonical';
import { encodeStamps } from './stamps';
import { recordKey, type FieldStamp, type Projection, type StoredRecord, type Touched } from './types';

const statements = perConnection((db: Db) => ({
  changesOf: db.prepare('SELECT origin, hlc, actor, fields FROM changes WHERE entity = ? AND id = ?'),
  ownerOf: db.prepare("SELECT json_extract(data, '$.expertId') FROM records WHERE entity = 'portfolio' AND id = ?").pluck(),
  putRecord: db.prepare(
    'INSERT INTO records (entity, id, data, stamps) VALUES (?, ?, ?, ?) ON CONFLICT (entity, id) DO UPDATE SET data = excluded.data, stamps = excluded.stamps',
  ),
  deleteRecord: db.prepare('DELETE FROM records WHERE entity = ? AND id = ?'),
}));

/**
 * Recomputes records from the changes the log now holds for them, after entries were replaced
 * or taken out (upstream's verdict, a fork), then lets projections catch up once. The merge is
 * the one applyChanges does (per field, the greatest (hlc, origin) wins), which does not depend
 * on order, so a record replayed here equals the record any node built change by change.
 * A record left with no change is removed. Must run inside the caller's transaction.
 */
export function recomputeRecords(db: Db, keys: Touched, projections: readonly Projection[]): Touched {
  const s = statements(db);
  const touched: Touched = new Map();
  const states = new Map<string, StoredRecord>();
  const touch = (entity: string, id: string) => {
    let ids = touched.get(entity);
    if (!ids) touched.set(entity, (ids = new Set()));
    ids.add(id);
  };
  for (const [entity, ids] of keys) {
    for (const id of ids) {
      // A portfolio item that moves, or goes, takes its title out of its former expert's index.
      if (entity === 'portfolio') {
        const owner = s.ownerOf.get(id);
        if (typeof owner === 'string') touch('expert', owner);
      }
      touch(entity, id);
      const rows = s.changesOf.all(entity, id) as { origin: string; hlc: string; actor: string; fields: string }[];
      if (!rows.length) {
        s.deleteRecord.run(entity, id);
        continue;
      }
      const record: StoredRecord = { data: {}, stamps: {} };
      for (const row of rows) {
        for (const [field, value] of Object.entries(JSON.parse(row.fields) as Record<string, unknown>)) {
          const held = record.stamps[field];
          if (held && compareStamps({ hlc: row.hlc, origin: row.origin }, { hlc: held[0], origin: held[1] }) <= 0) continue;
          record.data[field] = value;
          record.stamps[field] = [row.hlc, row.origin, row.actor] satisfies FieldStamp;
        }
      }
      s.putRecord.run(entity, id, canonicalJson(record.data), encodeStamps(record.stamps));
      states.set(recordKey(entity, id), record);
    }
  }
  if (touched.size) for (const p of projections) p.update(touched, states);
  return touched;
}
