import { describe, expect, it } from 'vitest';
import { ChangeFunnel } from '../changes/funnel';
import { openDatabase } from '../db/open';
import { expertProjection } from '../services/experts/projection';
import { searchExperts } from '../services/experts/search';
import { loadShippedTaxonomy } from '../services/taxonomy-resource';
import { expertCount, loadDemoData } from './load';

function setup() {
  const db = openDatabase(':memory:');
  const funnel = new ChangeFunnel(db, [expertProjection(db, loadShippedTaxonomy())]);
  return { db, funnel };
}

describe('loadDemoData', () => {
  it('loads experts from all member states through the funnel, reporting progress batch by batch', async () => {
    const { db, funnel } = setup();
    const progress: number[] = [];
    const result = await loadDemoData(db, funnel, { experts: 120, seed: 7, actor: 'demo', batchSize: 50, onProgress: (done) => progress.push(done) });
    expect(result).toEqual({ created: 120 });
    expect(progress).toEqual([0, 50, 100, 120]);
    expect(expertCount(db)).toBe(120);
    // Every record came through the change log.
    expect(db.prepare("SELECT count(*) FROM changes WHERE entity = 'expert'").pluck().get()).toBe(120);
    const all = { country: [], expertise: [], language: [], status: [] };
    expect(searchExperts(db, { query: '', filters: all, sort: 'name', cursor: null, offset: 0, limit: 1 }).total).toBe(120);
  });

  it('refuses a directory that already has experts, and adds nothing', async () => {
    const { db, funnel } = setup();
    await loadDemoData(db, funnel, { experts: 3, seed: 1, actor: 'demo' });
    await expect(loadDemoData(db, funnel, { experts: 3, seed: 2, actor: 'demo' })).rejects.toMatchObject({ code: 'NOT_EMPTY' });
    expect(expertCount(db)).toBe(3);
  });
});
