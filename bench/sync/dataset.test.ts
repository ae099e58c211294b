import { describe, expect, it } from 'vitest';
import { idSchema } from '../../shared/model/expert';
import { checkReceivedChange } from '../../shared/sync/change';
import { benchSet, SAMPLE_EVERY, syncRecords, type BenchRecord } from './dataset';
import { pouchInitialReplication } from './pouchdb';

const take = (experts: number, seed: number): BenchRecord[] => [...syncRecords(experts, seed)];

describe('the sync bench data set', () => {
  it('is the same for the same seed, ids included, and another for another seed', () => {
    const a = take(200, 7);
    expect(take(200, 7)).toEqual(a);
    const b = take(200, 8);
    expect(b.map((r) => r.id)).not.toEqual(a.map((r) => r.id));
  });

  it('holds one record per expert and one per portfolio item, each a change other nodes accept', () => {
    const records = take(300, 3);
    const experts = records.filter((r) => r.entity === 'expert');
    expect(experts).toHaveLength(300);
    expect(records.length).toBeGreaterThan(300);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    const expertIds = new Set(experts.map((r) => r.id));
    records.forEach((r, i) => {
      expect(idSchema.safeParse(r.id).success).toBe(true);
      if (r.entity === 'portfolio') expect(expertIds.has(r.fields.expertId as string)).toBe(true);
      const change = { origin: '0123456789abcdef', seq: i + 1, hlc: '001767225600000-000000', actor: 'bench', entity: r.entity, id: r.id, op: 'put', fields: r.fields };
      expect(checkReceivedChange(change)).toEqual({ kind: 'ok' });
    });
  });
});

describe('benchSet', () => {
  it('keeps the count, every 97th record and the first experts\' ids of the records', () => {
    const records = take(120, 4);
    const set = benchSet(120, 4, 50);
    expect(set.count).toBe(records.length);
    expect(set.sample).toEqual(records.filter((_, i) => i % SAMPLE_EVERY === 0));
    expect(set.expertIds).toEqual(records.filter((r) => r.entity === 'expert').slice(0, 50).map((r) => r.id));
  });
});

describe('the PouchDB reference', () => {
  it('replicates every document to a fresh client over loopback HTTP', async () => {
    const records = benchSet(150, 5);
    expect(records.count).toBe(take(150, 5).length);
    const run = await pouchInitialReplication(150, 5, records, { timeoutMs: 60_000 });
    expect(run.docs).toBe(records.count);
    expect(run.clientDocs).toBe(records.count);
  });
});
