/**
 * Measures a first sync's apply side: N demo experts with portfolios, written on a source node,
 * served by its feed in pages and received as upstream pages by an empty node with the expert
 * projection (search index) — the work a client does per pulled page, without HTTP.
 *
 *   npx tsx electron/core/changes/measure-initial-sync.ts [experts=50000] [page=5000]
 *
 * Prints JSON: entries, seconds and entries/s of the receive side; the feed read is timed apart.
 * Checks that both nodes end with the same records and search index rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/open';
import { loadDemoData } from '../demo/load';
import { expertProjection } from '../services/experts/projection';
import { loadShippedTaxonomy } from '../services/taxonomy-resource';
import { ChangeFunnel } from './funnel';

const experts = Number(process.argv[2] ?? 50_000);
const page = Number(process.argv[3] ?? 5_000);
const dir = mkdtempSync(join(tmpdir(), 'measure-initial-sync-'));
try {
  const taxonomy = loadShippedTaxonomy();
  const srcDb = openDatabase(join(dir, 'source.db'));
  const source = new ChangeFunnel(srcDb, [expertProjection(srcDb, taxonomy)]);
  await loadDemoData(srcDb, source, { experts, seed: 6, actor: 'ana', batchSize: 1000 });

  const db = openDatabase(join(dir, 'target.db'));
  const target = new ChangeFunnel(db, [expertProjection(db, taxonomy)]);
  let cursor = 0;
  let entries = 0;
  let readMs = 0;
  let applyMs = 0;
  // CPU time of the receive side as well: on a shared machine the wall clock says more about the neighbours.
  let applyCpuUs = 0;
  for (;;) {
    const t0 = performance.now();
    const { entries: batch } = source.feedAfter(cursor, page);
    const t1 = performance.now();
    if (!batch.length) break;
    const cpu = process.cpuUsage();
    target.receive(batch, { from: 'upstream' });
    const used = process.cpuUsage(cpu);
    applyCpuUs += used.user + used.system;
    const t2 = performance.now();
    applyMs += t2 - t1;
    if (process.env.PAGE_TIMES) console.error(`page ${entries / page}: ${Math.round(t2 - t1)} ms`);
    readMs += t1 - t0;
    entries += batch.length;
    cursor = batch[batch.length - 1]!.feedSeq;
  }
  const same = (sql: string) => JSON.stringify(srcDb.prepare(sql).all()) === JSON.stringify(db.prepare(sql).all());
  console.log(
    JSON.stringify({
      experts,
      page,
      entries,
      applySeconds: +(applyMs / 1000).toFixed(2),
      entriesPerSecond: Math.round(entries / (applyMs / 1000)),
      expertsPerSecond: Math.round(experts / (applyMs / 1000)),
      applyCpuSeconds: +(applyCpuUs / 1e6).toFixed(2),
      entriesPerCpuSecond: Math.round(entries / (applyCpuUs / 1e6)),
      feedReadSeconds: +(readMs / 1000).toFixed(2),
      sameRecords: same('SELECT entity, id, data, stamps FROM records ORDER BY entity, id'),
      sameIndex: same('SELECT id, sort_name, summary FROM expert_index ORDER BY id') && same('SELECT facet, value, i.id FROM expert_facet JOIN expert_index i ON i.rowid = expert_rowid ORDER BY 1, 2, 3'),
    }),
  );
  srcDb.close();
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
