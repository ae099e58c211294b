import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase, type Db } from '../../db/open';
import { loadDemoData } from '../../demo/load';
import { loadShippedTaxonomy } from '../taxonomy-resource';
import { expertProjection } from './projection';

/**
 * The index a node derives while pages arrive (items read from the batch in memory, repeated
 * texts remembered, facet rows written many per statement) is the one a rebuild from the
 * records derives: compared row by row, by expert id (rowids follow the order of indexing),
 * down to every token the full-text tables hold.
 */

let dir: string;
const dbs: Db[] = [];
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
  rmSync(dir, { recursive: true, force: true });
});

const taxonomy = loadShippedTaxonomy();
function node(name: string) {
  const db = openDatabase(join(dir, `${name}.db`));
  dbs.push(db);
  const projection = expertProjection(db, taxonomy);
  return { db, projection, funnel: new ChangeFunnel(db, [projection]) };
}

/** Every row of the search tables, keyed by expert id rather than rowid. */
function indexRows(db: Db) {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, expert_fts, 'instance');
           CREATE VIRTUAL TABLE IF NOT EXISTS temp.name_terms USING fts5vocab(main, expert_name_fts, 'instance');`);
  const all = (sql: string) => db.prepare(sql).all();
  return {
    index: all('SELECT id, sort_name, updated_at, summary FROM expert_index ORDER BY id'),
    facets: all('SELECT i.id, f.facet, f.value FROM expert_facet f JOIN expert_index i ON i.rowid = f.expert_rowid ORDER BY 1, 2, 3'),
    sources: all('SELECT i.id, m.data FROM expert_match_source m JOIN expert_index i ON i.rowid = m.rowid ORDER BY 1'),
    fts: all('SELECT i.id, t.term, t.col, t.offset FROM temp.fts_terms t JOIN expert_index i ON i.rowid = t.doc ORDER BY 1, 2, 3, 4'),
    names: all('SELECT i.id, t.term, t.col, t.offset FROM temp.name_terms t JOIN expert_index i ON i.rowid = t.doc ORDER BY 1, 2, 3, 4'),
  };
}

describe('the expert index built page by page', () => {
  it('equals the index rebuilt from the records, and the source node’s', async () => {
    dir = mkdtempSync(join(tmpdir(), 'curator-proj-batch-'));
    const source = node('source');
    await loadDemoData(source.db, source.funnel, { experts: 80, seed: 11, actor: 'ana', batchSize: 9 });
    // Later edits: an item moves to another expert, one is deleted, an expert is deleted, one renamed.
    const items = source.db.prepare("SELECT id, json_extract(data, '$.expertId') AS owner FROM records WHERE entity = 'portfolio' ORDER BY id LIMIT 3").all() as { id: string; owner: string }[];
    const experts = source.db.prepare("SELECT id FROM records WHERE entity = 'expert' ORDER BY id").pluck().all() as string[];
    const other = experts.find((e) => e !== items[0]!.owner)!;
    source.funnel.write('ana', [
      { entity: 'portfolio', id: items[0]!.id, fields: { expertId: other } },
      { entity: 'portfolio', id: items[1]!.id, fields: { deletedAt: 1 } },
      { entity: 'expert', id: experts[5]!, fields: { deletedAt: 1 } },
      { entity: 'expert', id: experts[6]!, fields: { givenName: 'Nguyễn Thị', agency: 'สำนักงานคณะกรรมการข้าราชการพลเรือน' } },
    ]);

    // Pages that cut experts from their items, as a first sync's chunks do.
    const target = node('target');
    for (let after = 0; ; ) {
      const { entries } = source.funnel.feedAfter(after, 13);
      if (!entries.length) break;
      target.funnel.receive(entries, { from: 'upstream' });
      after = entries.at(-1)!.feedSeq;
    }
    const paged = indexRows(target.db);
    expect(paged.index.length).toBe(79);
    expect(paged.fts.length).toBeGreaterThan(1000);
    expect(paged).toEqual(indexRows(source.db));

    target.db.transaction(() => target.projection.rebuild())();
    expect(indexRows(target.db)).toEqual(paged);
  });
});
