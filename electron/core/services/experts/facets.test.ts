import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Facets, Input, MethodName, Output, SearchFilters } from '../../../../shared/contract/methods';
import { openCore, type Core } from '../../app';
import { openDatabase, type Db } from '../../db/open';
import { facetCounts } from './facets';
import { matchSet } from './search-plan';

let cores: Core[] = [];
let dbs: Db[] = [];
afterEach(() => {
  cores.forEach((c) => c.close());
  dbs.forEach((d) => d.close());
  cores = [];
  dbs = [];
});

const none: SearchFilters = { country: [], expertise: [], language: [], status: [] };

/** The plain SQL count, one facet at a time, as slow as it is obviously right. */
function exactCounts(db: Db, query: string, filters: SearchFilters): Facets {
  const out: Facets = { country: [], expertise: [], language: [], status: [] };
  for (const facet of ['country', 'expertise', 'language', 'status'] as const) {
    const set = matchSet(query, filters, filters[facet].length ? facet : undefined);
    const members = set.table ? `AND expert_rowid IN (SELECT rowid FROM ${set.table} WHERE ${set.table} MATCH ?)` : '';
    const rows = db
      .prepare(`SELECT value, count(*) AS count FROM expert_facet WHERE facet = ? ${members} GROUP BY value`)
      .all(facet, ...(set.table ? [set.match] : [])) as { value: string; count: number }[];
    out[facet] = rows.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return out;
}

describe('facet counts', () => {
  it('equal the exact count for few and many matches, in memory or in SQL, before and after writes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'curator-facets-'));
    const core = openCore({ dataDir, mode: 'test', actor: 'ana' });
    cores.push(core);
    const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
      const r = await core.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as Output<M>;
    };
    await call('demo.load', { experts: 300, seed: 7 });
    const db = openDatabase(join(dataDir, 'curator.db'));
    dbs.push(db);
    const cases: [string, SearchFilters][] = [
      ['', none],
      ['', { ...none, country: ['VN', 'TH'] }],
      ['nguyen', none],
      ['ministry', { ...none, status: ['active'] }],
      ['a', { ...none, expertise: ['hrm'] }],
      ['training', { ...none, country: ['ID'], language: ['en'] }],
      ['zzqx', none],
    ];
    const check = () => {
      for (const [query, filters] of cases) {
        const exact = exactCounts(db, query, filters);
        // walkLimit 0: always the in-memory snapshot; a huge one: always SQL.
        expect(facetCounts(db, { query, filters }, 0), `${query} in memory`).toEqual(exact);
        expect(facetCounts(db, { query, filters }, 1e9), `${query} in SQL`).toEqual(exact);
      }
    };
    check();
    expect(exactCounts(db, 'ministry', none).country.length).toBeGreaterThan(1);

    // Writes through this connection's funnel mark rows the snapshot then counts apart.
    const { ExpertsService } = await import('./service');
    const { ChangeFunnel } = await import('../../changes/funnel');
    const { expertProjection } = await import('./projection');
    const { loadShippedTaxonomy } = await import('../taxonomy-resource');
    const taxonomy = loadShippedTaxonomy();
    const service = new ExpertsService(db, new ChangeFunnel(db, [expertProjection(db, taxonomy)]), taxonomy, () => 'ana');
    const ids = (db.prepare('SELECT id FROM expert_index ORDER BY rowid LIMIT 3').pluck().all() as string[]);
    service.update({ id: ids[0]!, patch: { country: 'TL', expertise: ['hrm.recruitment'] } });
    service.setStatus(ids[1]!, 'archived', 'Retired from the service');
    service.create({ expert: { givenName: 'Anh', familyName: 'Nguyen', country: 'VN', agency: 'Ministry of Home Affairs', languages: [{ code: 'en', proficiency: 'fluent' }] }, portfolio: [] });
    check();
  });
});
