import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expertDefaults } from '../../../../shared/model/expert';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase, type Db } from '../../db/open';
import { findDuplicates } from './find';
import { dedupePending, drainDedupe } from './pending';
import { dedupeProjection } from './projection';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const ids = Array.from({ length: 6 }, (_, i) => `01900000-0000-7000-8000-00000000000${i + 1}`);

/** The projection as (entity, id) → profile and sorted keys: what a check can read. */
function snapshot(db: Db) {
  const people = db.prepare('SELECT person, entity, id, profile FROM dedupe_person ORDER BY entity, id').all() as { person: number; entity: string; id: string; profile: string }[];
  const keysOf = db.prepare('SELECT key FROM dedupe_key WHERE person = ? ORDER BY key').pluck();
  const orphans = db.prepare('SELECT count(*) FROM dedupe_key WHERE person NOT IN (SELECT person FROM dedupe_person)').pluck().get();
  return { orphans, people: people.map((p) => ({ entity: p.entity, id: p.id, profile: JSON.parse(p.profile) as unknown, keys: keysOf.all(p.person) })) };
}

const edit = fc.record({
  id: fc.constantFrom(...ids),
  fields: fc.oneof(
    fc.record({
      givenName: fc.constantFrom('Văn Hùng', 'Somchai', 'สมชาย', 'Siti Nurhaliza', "Dato' Ahmad bin Ali", 'Aung Kyaw Moe'),
      familyName: fc.constantFrom('', 'Nguyễn', 'Jaidee', 'Santoso'),
      country: fc.constantFrom('VN' as const, 'TH' as const, 'MY' as const, 'ID' as const, 'MM' as const),
    }),
    fc.record({ email: fc.constantFrom('', 'a@bkn.go.id', 'B.Tan@gmail.com') }),
    fc.record({ phone: fc.constantFrom('', '0812 3456 7890', '+84 24 3825 1234') }),
    fc.record({ otherNames: fc.constantFrom([], ['Nguyen Van Hung'], ['ဦးအောင်ကျော်မိုး', 'Aung Kyaw Moe']) }),
    fc.record({ agency: fc.constantFrom('', 'BKN', 'Ministry of Home Affairs') }),
    fc.record({ deletedAt: fc.constantFrom(null, 1_700_000_000_000) }),
    fc.record({ status: fc.constantFrom('active', 'archived') }),
  ),
});

describe('dedupe projection', () => {
  it('after any edits, equals the projection rebuilt from the records', () => {
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (batches) => {
        const dir = mkdtempSync(join(tmpdir(), 'curator-dedupe-proj-'));
        dirs.push(dir);
        const db = openDatabase(join(dir, 'curator.db'));
        try {
          const projection = dedupeProjection(db);
          const funnel = new ChangeFunnel(db, [projection]);
          // Some records start complete, others arrive as partial writes (no name yet): both kinds.
          funnel.write('ana', [{ entity: 'expert', id: ids[0]!, fields: { ...expertDefaults, givenName: 'Budi', country: 'ID' } }]);
          // Drained at random points and in random batch sizes, as lookups and the idle indexer do.
          batches.forEach((batch, i) => {
            funnel.write('ana', batch.map((e) => ({ entity: 'expert', ...e })));
            if (i % 3 === 1) drainDedupe(db, 1 + (i % 2));
          });
          drainDedupe(db);
          const incremental = snapshot(db);
          db.transaction(() => projection.rebuild())();
          drainDedupe(db);
          expect(incremental).toEqual(snapshot(db));
          expect(incremental.orphans).toBe(0);
        } finally {
          db.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('holds one profile per complete, undeleted expert, archived ones included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'curator-dedupe-proj-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'curator.db'));
    try {
      const funnel = new ChangeFunnel(db, [dedupeProjection(db)]);
      funnel.write('ana', [
        { entity: 'expert', id: ids[0]!, fields: { ...expertDefaults, givenName: 'Budi', country: 'ID', status: 'archived' } },
        { entity: 'expert', id: ids[1]!, fields: { email: 'only@an.email' } },
        { entity: 'expert', id: ids[2]!, fields: { ...expertDefaults, givenName: 'Siti', country: 'ID', deletedAt: 1 } },
        { entity: 'portfolio', id: ids[3]!, fields: { expertId: ids[0], title: 'x' } },
      ]);
      drainDedupe(db);
      expect(snapshot(db).people.map((p) => p.id)).toEqual([ids[0]]);
    } finally {
      db.close();
    }
  });

  it('a write only queues the people it touched; a lookup reads them as they are now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'curator-dedupe-proj-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'curator.db'));
    try {
      const funnel = new ChangeFunnel(db, [dedupeProjection(db)]);
      const person = { ...expertDefaults, givenName: 'Siti Nurhaliza', familyName: 'Santoso', country: 'ID' as const, email: 'siti@bkn.go.id' };
      funnel.write('ana', [{ entity: 'expert', id: ids[0]!, fields: person }]);
      expect(dedupePending(db)).toBe(true);
      expect(snapshot(db).people).toEqual([]);
      const probe = { ...person, otherNames: [], phone: '', agency: '' };
      expect(findDuplicates(db, probe).map((c) => c.id)).toEqual([ids[0]]);
      expect(dedupePending(db)).toBe(false);

      // A renamed and re-mailed person is found under the new name only, with no drain between.
      funnel.write('ana', [{ entity: 'expert', id: ids[0]!, fields: { givenName: 'Aung Kyaw Moe', familyName: '', country: 'MM', email: 'akm@mm.gov' } }]);
      expect(findDuplicates(db, probe)).toEqual([]);
      expect(findDuplicates(db, { ...probe, givenName: 'Aung Kyaw Moe', familyName: '', country: 'MM', email: 'akm@mm.gov' }).map((c) => c.id)).toEqual([ids[0]]);
      funnel.write('ana', [{ entity: 'expert', id: ids[0]!, fields: { deletedAt: 1 } }]);
      expect(findDuplicates(db, { ...probe, givenName: 'Aung Kyaw Moe', familyName: '', country: 'MM', email: 'akm@mm.gov' })).toEqual([]);
    } finally {
      db.close();
    }
  });
});
