import { formatHlc } from '../../../shared/sync/hlc';
import { openDatabase, type Db } from '../db/open';
import { ChangeFunnel } from './funnel';
import type { Change, Projection } from './types';

/** Test helpers for the funnel: a node on an in-memory database, and changes as another node writes them. */
export function memoryNode(now: () => number = () => 1_700_000_000_000, projections: (db: Db) => Projection[] = () => []) {
  const db = openDatabase(':memory:');
  const funnel = new ChangeFunnel(db, projections(db), now);
  return { db, funnel };
}

export const recordIds = ['01900000-0000-7000-8000-000000000001', '01900000-0000-7000-8000-000000000002', '01900000-0000-7000-8000-000000000003'];

/** A change of `origin` numbered `seq`, stamped at wall time `wall`. */
export const changeOf = (origin: string, seq: number, fields: Record<string, unknown>, more: Partial<Change> & { wall?: number } = {}): Change => {
  const { wall, ...rest } = more;
  return {
    origin,
    seq,
    hlc: formatHlc({ wall: wall ?? 1_600_000_000_000 + seq, counter: 0 }),
    actor: 'budi',
    entity: 'expert',
    id: recordIds[0]!,
    op: 'put',
    fields,
    ...rest,
  };
};

export const records = (db: Db) =>
  db.prepare('SELECT entity, id, data, stamps FROM records ORDER BY entity, id').all() as { entity: string; id: string; data: string; stamps: string }[];
export const dataOf = (db: Db, id = recordIds[0]!) => JSON.parse((db.prepare('SELECT data FROM records WHERE id = ?').pluck().get(id) as string | undefined) ?? 'null');
export const changeLog = (db: Db) => db.prepare('SELECT origin, seq, hlc, actor, entity, id, fields FROM changes ORDER BY origin, seq').all();
export const refusedSet = (db: Db) => db.prepare('SELECT origin, seq, kind, code, reason, change FROM refused_changes ORDER BY origin, seq').all();
