/**
 * npm run bench [-- --quick]: performance figures of the core, printed as a table and
 * written to bench/results.json. Figures are reported, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DATABASE_FILE } from '../electron/core/app';
import { uuidv7 } from '../shared/ids';
import { expertDefaults } from '../shared/model/expert';
import { searchTokens } from '../shared/text/fold';
import { ChangeFunnel } from '../electron/core/changes/funnel';
import { canonicalJson } from '../electron/core/changes/canonical';
import { encodeStamps } from '../electron/core/changes/stamps';
import { recordKey, type StoredRecord, type Write } from '../electron/core/changes/types';
import { openDatabase, type Db } from '../electron/core/db/open';
import { generateExperts } from '../electron/core/demo/generate';
import { expertProjection } from '../electron/core/services/experts/projection';
import { facetCounts, searchExperts } from '../electron/core/services/experts/search';
import { loadShippedTaxonomy } from '../electron/core/services/taxonomy-resource';

interface Figure {
  name: string;
  value: number;
  unit: string;
}

const quick = process.argv.includes('--quick');
const N = quick ? 10_000 : 100_000;
const BATCH = 1000;
const figures: Figure[] = [];
const put = (name: string, value: number, unit: string) => figures.push({ name, value: Math.round(value * 100) / 100, unit });
const dir = mkdtempSync(join(tmpdir(), 'curator-bench-'));

/** Typical directory queries: surnames, prefixes typed so far, given names, domains, agencies. */
const QUERIES = [
  'nguyen', 'ngu', 'tran van', 'somchai', 'wong', 'siti', 'rahman', 'aung', 'sok', 'santos',
  'tan wei', 'da costa', 'phommachanh', 'digital government', 'leadership', 'recruitment', 'integrity',
  'competency', 'performance management', 'civil service commission', 'ministry of home', 'training',
  'e-government', 'policy', 'bkn', 'kemen', 'dato', 'maria', 'hoang', 'le thi',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

// One data set for both write paths, generated before any clock starts.
const t0 = performance.now();
const rows: { id: string; fields: Record<string, unknown>; portfolio: { id: string; fields: Record<string, unknown> }[] }[] = [];
for (const { expert, portfolio } of generateExperts(N, 1)) {
  const id = uuidv7();
  rows.push({
    id,
    fields: { ...expertDefaults, ...expert, status: 'active', statusReason: '' },
    portfolio: portfolio.map((p) => ({ id: uuidv7(), fields: { ...p, expertId: id } })),
  });
}
put('demo.generate_per_s', N / ((performance.now() - t0) / 1000), 'experts/s');
const portfolioRows = rows.reduce((n, r) => n + r.portfolio.length, 0);

// Through the change funnel: change log, field merge, search projection.
const funnelDir = join(dir, 'funnel');
const funnelFile = join(funnelDir, DATABASE_FILE);
let db: Db = openDatabase(funnelFile);
const taxonomy = loadShippedTaxonomy();
const funnel = new ChangeFunnel(db, [expertProjection(db, taxonomy)]);
const funnelMs = time(() => {
  for (let i = 0; i < rows.length; i += BATCH) {
    const writes: Write[] = [];
    for (const r of rows.slice(i, i + BATCH)) {
      writes.push({ entity: 'expert', id: r.id, fields: r.fields });
      for (const p of r.portfolio) writes.push({ entity: 'portfolio', id: p.id, fields: p.fields });
    }
    funnel.write('bench', writes);
  }
});
put('funnel.rows_per_s', N / (funnelMs / 1000), 'experts/s');

/**
 * The same data inserted with plain better-sqlite3 prepared statements, no funnel logic (no
 * clock, no seq, no merge, no stamps), in the same batches:
 * - `raw`: the same rows the funnel leaves behind (change log rows, records, search index);
 *   the ratio to it is the cost of the funnel's own work;
 * - `raw_records_only`: only the record rows, the floor of any write path; the gap to it is
 *   the change log and the search index, which the app needs whoever writes them.
 */
function rawInsert(file: string, mode: 'same-rows' | 'records-only'): number {
  const rawDb = openDatabase(join(dir, file));
  const projection = expertProjection(rawDb, taxonomy);
  const insertRecord = rawDb.prepare('INSERT INTO records (entity, id, data, stamps) VALUES (?, ?, ?, ?)');
  const insertChange = rawDb.prepare("INSERT INTO changes (origin, seq, hlc, actor, entity, id, op, fields) VALUES ('raw', ?, ?, 'bench', ?, ?, 'put', ?)");
  const stamps = encodeStamps({});
  const hlc = '000001700000000-000000';
  let seq = 0;
  const ms = time(() => {
    for (let i = 0; i < rows.length; i += BATCH) {
      rawDb.transaction(() => {
        const experts = new Set<string>();
        const states = new Map<string, StoredRecord>();
        const put = (entity: string, id: string, fields: Record<string, unknown>) => {
          const json = canonicalJson(fields);
          insertRecord.run(entity, id, json, stamps);
          if (mode === 'same-rows') insertChange.run(++seq, hlc, entity, id, json);
        };
        for (const r of rows.slice(i, i + BATCH)) {
          put('expert', r.id, r.fields);
          experts.add(r.id);
          states.set(recordKey('expert', r.id), { data: r.fields, stamps: {} });
          for (const p of r.portfolio) put('portfolio', p.id, p.fields);
        }
        if (mode === 'same-rows') projection.update(new Map([['expert', experts]]), states);
      })();
    }
  });
  rawDb.close();
  return ms;
}
const rawMs = rawInsert('raw.db', 'same-rows');
put('raw.rows_per_s', N / (rawMs / 1000), 'experts/s');
put('funnel.ratio_vs_raw', (rawMs / funnelMs) * 100, '%');
const recordsOnlyMs = rawInsert('raw-records.db', 'records-only');
put('raw_records_only.rows_per_s', N / (recordsOnlyMs / 1000), 'experts/s');
put('funnel.ratio_vs_records_only', (recordsOnlyMs / funnelMs) * 100, '%');

// Open + migrate the populated database.
db.close();
const openMs = time(() => {
  db = openDatabase(funnelFile);
});
put('db.open_ms', openMs, 'ms');

// Search: first page (50) with its total, warm, each query several times.
const searchTimes: number[] = [];
const likeTimes: number[] = [];
const like = db.prepare("SELECT id FROM records WHERE entity = 'expert' AND data LIKE ? LIMIT 50");
const likeCount = db.prepare("SELECT count(*) FROM records WHERE entity = 'expert' AND data LIKE ?").pluck();
for (const q of QUERIES) searchExperts(db, { query: q, filters: { country: [], expertise: [], language: [], status: [] }, sort: 'relevance', cursor: null, offset: 0, limit: 50 });
for (let round = 0; round < 5; round++) {
  for (const q of QUERIES) {
    searchTimes.push(time(() => searchExperts(db, { query: q, filters: { country: [], expertise: [], language: [], status: [] }, sort: 'relevance', cursor: null, offset: 0, limit: 50 })));
    const pattern = `%${searchTokens(q).join(' ')}%`;
    likeTimes.push(time(() => {
      like.all(pattern);
      likeCount.get(pattern);
    }));
  }
}
searchTimes.sort((a, b) => a - b);
likeTimes.sort((a, b) => a - b);
put('search.p50_ms', percentile(searchTimes, 50), 'ms');
put('search.p95_ms', percentile(searchTimes, 95), 'ms');
put('search.like_p95_ms', percentile(likeTimes, 95), 'ms');
put('search.speedup_vs_like', percentile(likeTimes, 95) / percentile(searchTimes, 95), 'x');

// The same queries narrowed by facets, as a curator does: two countries, or a broad expertise area.
const filteredTimes: number[] = [];
const FILTERS = [
  { country: ['VN' as const, 'TH' as const], expertise: [], language: [], status: [] },
  { country: [], expertise: ['hrm'], language: [], status: ['active' as const] },
];
for (let round = 0; round < 3; round++) {
  for (const q of QUERIES) {
    for (const filters of FILTERS) filteredTimes.push(time(() => searchExperts(db, { query: q, filters, sort: 'relevance', cursor: null, offset: 0, limit: 50 })));
  }
}
filteredTimes.sort((a, b) => a - b);
put('search.filtered_p95_ms', percentile(filteredTimes, 95), 'ms');

// Deep paging by name: the 20th page costs what the first does.
let cursor: string | null = null;
const pageTimes: number[] = [];
for (let page = 0; page < 20; page++) {
  pageTimes.push(time(() => {
    cursor = searchExperts(db, { query: '', filters: { country: [], expertise: [], language: [], status: [] }, sort: 'name', cursor, offset: 0, limit: 50 }).nextCursor;
  }));
}
put('search.page20_by_name_ms', pageTimes[19]!, 'ms');

const facetTimes = QUERIES.slice(0, 10).map((q) => time(() => facetCounts(db, { query: q, filters: { country: [], expertise: [], language: [], status: [] } }))).sort((a, b) => a - b);
put('facets.p95_ms', percentile(facetTimes, 95), 'ms');
put('facets.all_ms', time(() => facetCounts(db, { query: '', filters: { country: [], expertise: [], language: [], status: [] } })), 'ms');

db.close();
const child = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./core-rss.ts', import.meta.url)), funnelDir], { encoding: 'utf8' });
put('core.rss_mb', (JSON.parse(child.trim().split('\n').pop()!) as { rssMb: number }).rssMb, 'MB');
rmSync(dir, { recursive: true, force: true });

console.log(`A-EXPECS Curator benchmark — ${N.toLocaleString('en')} experts, ${portfolioRows.toLocaleString('en')} portfolio items`);
console.table(figures.map((f) => ({ name: f.name, value: f.value, unit: f.unit })));
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
console.log('Written to bench/results.json');
