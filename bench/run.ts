/**
 * npm run bench [-- --quick] [-- sync | dedupe | applications | import | figures | report]: performance figures of the core, printed as a table and
 * written to bench/results.json. Figures are reported, never asserted. `sync` runs only the
 * sync figures (bench/sync) and replaces them in bench/results.json, keeping the others;
 * `dedupe` likewise for duplicate detection (bench/dedupe), `import` for bulk import (bench/import).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DATABASE_FILE, openCore } from '../electron/core/app';
import { uuidv7 } from '../shared/ids';
import { expertDefaults } from '../shared/model/expert';
import { foldText } from '../shared/text/fold';
import { indexText } from '../shared/text/index-text';
import { ChangeFunnel } from '../electron/core/changes/funnel';
import { canonicalJson } from '../electron/core/changes/canonical';
import { encodeStamps } from '../electron/core/changes/stamps';
import { recordKey, type StoredRecord, type Write } from '../electron/core/changes/types';
import { openDatabase, type Db } from '../electron/core/db/open';
import { generateExperts } from '../electron/core/demo/generate';
import { expertProjection } from '../electron/core/services/experts/projection';
import { forgetQueryResults } from '../electron/core/services/experts/search-cache';
import { globalOrder } from '../electron/core/services/experts/search-order';
import { matchSet, queryWords, rowsOf } from '../electron/core/services/experts/search-plan';
import { facetCounts, searchExperts } from '../electron/core/services/experts/search';
import type { Input, MethodName, Output } from '../shared/contract/methods';
import { loadShippedTaxonomy } from '../electron/core/services/taxonomy-resource';
import { mergeSyncFigures, runSyncBench } from './sync/index';
import { runDedupeBench } from './dedupe/main';
import { runApplicationsBench } from './applications/main';
import { runImportBench } from './import/main';
import { runReportBench } from './report/main';
import { writeGroupOnly } from './only';
import { measureFigureCompute, runFiguresBench, writeFiguresOnly } from './figures/main';

interface Figure {
  name: string;
  value: number;
  unit: string;
}

const quick = process.argv.includes('--quick');
const resultsFile = new URL('./results.json', import.meta.url);
if (process.argv.includes('dedupe')) process.exit(writeGroupOnly(resultsFile, 'dedupe', runDedupeBench(quick)));
if (process.argv.includes('applications')) process.exit(writeGroupOnly(resultsFile, 'applications', runApplicationsBench(quick)));
if (process.argv.includes('import')) process.exit(writeGroupOnly(resultsFile, 'import', await runImportBench(quick)));
if (process.argv.includes('figures')) process.exit(writeFiguresOnly(resultsFile, await runFiguresBench(quick)));
if (process.argv.includes('report')) process.exit(writeGroupOnly(resultsFile, 'report', await runReportBench(quick)));
if (process.argv.includes('sync')) {
  const sync = runSyncBench(quick);
  const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Figure[]) : [];
  console.log('A-EXPECS Curator benchmark — sync figures only');
  console.table(sync);
  writeFileSync(resultsFile, `${JSON.stringify(mergeSyncFigures(previous, sync), null, 2)}\n`);
  console.log('Written to bench/results.json (the other figures kept as they were)');
  process.exit(0);
}
const N = quick ? 10_000 : 100_000;
const BATCH = 1000;
const figures: Figure[] = [];
const put = (name: string, value: number, unit: string) => figures.push({ name, value: Math.round(value * 100) / 100, unit });
const dir = mkdtempSync(join(tmpdir(), 'curator-bench-'));

/**
 * What curators type: common surnames of every member state, given names, prefixes typed so
 * far, agencies and expertise terms. search.rank_quality is measured over these.
 */
const RANKED_QUERIES = [
  // Viet Nam, Thailand, Cambodia, Lao PDR, Myanmar
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'somchai', 'somsak', 'saetang', 'sok', 'chea', 'heng', 'phommachanh', 'keomany', 'sayavong', 'aung', 'kyaw', 'khin',
  // Malaysia and Brunei, Singapore, Indonesia, the Philippines, Timor-Leste
  'abdul', 'rahman', 'ismail', 'abdullah', 'tan', 'lim', 'wong', 'santoso', 'wibowo', 'siregar', 'lestari', 'santos', 'reyes', 'cruz', 'garcia', 'soares', 'guterres', 'da costa', 'ximenes',
  // Given names and names typed in part
  'siti', 'budi', 'maria', 'joko', 'thi', 'ng', 'tr hu', 'ngu', 'san', 'le thi', 'tan wei', 'phom', 'tran van',
  // Agencies and expertise
  'civil service commission', 'ministry of home', 'bkn', 'training', 'leadership', 'recruitment', 'digital government', 'integrity', 'e-government', 'policy', 'kemen', 'dato',
];
/** Timed too: first keystrokes, nothing found, and typing mistakes. */
const QUERIES = [...RANKED_QUERIES, 'a', 't', 'n', 's', 'm', 'ส', 'ស', 'zzqx', 'qwertyuiop', 'nguyne', 'santso', 'recruitmnet', 'goverment'];
const noFilters = { country: [], expertise: [], language: [], status: [] };

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

/**
 * The fair baseline: one folded text column holding what the index holds (names, other
 * spellings, honorific, agency, position, expertise labels in both languages, portfolio titles), words
 * separated by one space, searched for the same words AND-ed, each at the start of a word as
 * FTS5 matches them (a lone first letter searches the names, and one of another script than
 * Latin the names and other spellings, as the index does).
 */
db.exec('CREATE TABLE bench_like (rowid INTEGER PRIMARY KEY, names TEXT NOT NULL, spellings TEXT NOT NULL, text TEXT NOT NULL)');
{
  // Names, other spellings, agency and position are indexed with their native-script words and
  // romanised forms (indexText), expertise and portfolio folded only: the same here.
  const words = (s: string, fold: (s: string) => string = indexText) => ` ${(fold(s).match(/[\p{L}\p{N}\p{Co}\p{M}]+/gu) ?? []).join(' ')}`;
  const rowidOf = db.prepare('SELECT rowid FROM expert_index WHERE id = ?').pluck();
  const insert = db.prepare('INSERT INTO bench_like (rowid, names, spellings, text) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of rows) {
      const f = r.fields as { honorific: string; givenName: string; familyName: string; otherNames: string[]; agency: string; position: string; expertise: string[] };
      const terms = [...new Set(f.expertise.flatMap((t) => taxonomy.lineage(t)))];
      // The name tiers search the name without the honorific; the other fields hold it.
      const names = words(`${f.givenName} ${f.familyName}`);
      const other = [f.honorific, f.otherNames.join(' '), f.agency, f.position].map((x) => words(x));
      const folded = [terms.map((t) => `${t.label.en} ${t.label.id}`).join(' '), r.portfolio.map((p) => p.fields.title).join(' ')].map((x) => words(x, foldText));
      // The names column of the full index holds the honorific too.
      const spellings = `${words(`${f.honorific} ${f.givenName} ${f.familyName}`)}${other[1]}`;
      insert.run(rowidOf.get(r.id), names, spellings, `${names}${[...other, ...folded].join('')}`);
    }
  })();
}
const likeWhere = (q: string) => {
  const w = queryWords(q);
  const lone = w.length === 1 && w[0]!.length === 1;
  const column = !lone ? 'text' : /^[\p{Script=Latin}\p{N}]$/u.test(w[0]!) ? 'names' : 'spellings';
  return { sql: w.length ? w.map(() => `${column} LIKE ?`).join(' AND ') : '1', params: w.map((x) => `% ${x}%`) };
};
const likeRows = (q: string) => {
  const { sql, params } = likeWhere(q);
  return db.prepare(`SELECT rowid FROM bench_like WHERE ${sql} ORDER BY rowid`).pluck().all(...params) as number[];
};
for (const q of QUERIES) {
  const fts = [...rowsOf(db, matchSet(q, noFilters))].sort((a, b) => a - b);
  const baseline = likeRows(q);
  if (fts.length !== baseline.length || fts.some((r, i) => r !== baseline[i])) {
    throw new Error(`The LIKE baseline and the index disagree on "${q}": ${baseline.length} against ${fts.length} experts. Fix the baseline before timing.`);
  }
}

// Search as the app calls it: through the core's dispatch, input validation included.
const core = openCore({ dataDir: funnelDir, mode: 'test', actor: 'bench' });
const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as Output<M>;
};
const timeAsync = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

// Ranking: the share of the first 10 rows whose name holds every word typed, over the
// queries for which such names exist (the best possible is min(10, how many exist)).
{
  let good = 0;
  let possible = 0;
  let used = 0;
  for (const q of RANKED_QUERIES) {
    const w = queryWords(q);
    const named = db.prepare(`SELECT count(*) FROM bench_like WHERE ${w.map(() => 'names LIKE ?').join(' AND ')}`).pluck().get(...w.map((x) => `% ${x}%`)) as number;
    if (named === 0) continue;
    used++;
    const top = (await call('experts.search', { query: q, limit: 10 })).items;
    const hasWords = (name: string) => {
      const tokens = foldText(name).match(/[\p{L}\p{N}\p{Co}\p{M}]+/gu) ?? [];
      return w.every((x) => tokens.some((t) => t.startsWith(x)));
    };
    good += top.filter((h) => hasWords(h.displayName)).length;
    possible += Math.min(10, named);
  }
  put('search.rank_quality', good / possible, `share (${used} queries)`);
}

// First page (50) with its total, each query as a first keystroke: nothing kept from before.
const searchTimes: number[] = [];
const likeTimes: number[] = [];
for (const q of QUERIES) await call('experts.search', { query: q });
for (let round = 0; round < 5; round++) {
  for (const q of QUERIES) {
    forgetQueryResults();
    searchTimes.push(await timeAsync(() => call('experts.search', { query: q })));
    const { sql, params } = likeWhere(q);
    const like = db.prepare(`SELECT rowid FROM bench_like WHERE ${sql} LIMIT 50`).pluck();
    const likeCount = db.prepare(`SELECT count(*) FROM bench_like WHERE ${sql}`).pluck();
    likeTimes.push(time(() => {
      like.all(...params);
      likeCount.get(...params);
    }));
  }
}
searchTimes.sort((a, b) => a - b);
likeTimes.sort((a, b) => a - b);
put('search.p50_ms', percentile(searchTimes, 50), 'ms');
put('search.p95_ms', percentile(searchTimes, 95), 'ms');
put('search.like_p95_ms', percentile(likeTimes, 95), 'ms');
put('search.speedup_vs_like', percentile(likeTimes, 95) / percentile(searchTimes, 95), 'x');

// Rows by position: End in the whole list and in broad results, the first time (the list
// is ordered then) and again (kept until the next write).
{
  const cold: number[] = [];
  const warm: number[] = [];
  for (const q of ['', 'tran', 'a', 'training', 'ministry of home']) {
    forgetQueryResults();
    const { total } = await call('experts.search', { query: q, limit: 1 });
    forgetQueryResults();
    cold.push(await timeAsync(() => call('experts.search', { query: q, offset: Math.max(0, total - 50) })));
    warm.push(await timeAsync(() => call('experts.search', { query: q, offset: Math.max(0, total - 50) })));
  }
  put('search.end_cold_max_ms', Math.max(...cold), 'ms');
  put('search.end_warm_max_ms', Math.max(...warm), 'ms');
}

// What the in-memory orders cost: built on a fresh connection, and the first search after a write.
{
  const fresh = openDatabase(funnelFile);
  put('search.order_build_ms', time(() => globalOrder(fresh, 'name')), 'ms');
  put('facets.first_broad_ms', time(() => facetCounts(fresh, { query: 'training', filters: noFilters })), 'ms');
  fresh.close();
  await call('experts.update', { id: rows[0]!.id, patch: { position: 'Director of Training' } });
  put('search.first_after_write_ms', await timeAsync(() => call('experts.search', { query: 'tran' })), 'ms');
}

// The same queries narrowed by facets, as a curator does: two countries, or a broad expertise area.
const filteredTimes: number[] = [];
const FILTERS = [
  { country: ['VN' as const, 'TH' as const], expertise: [], language: [], status: [] },
  { country: [], expertise: ['hrm'], language: [], status: ['active' as const] },
];
for (let round = 0; round < 3; round++) {
  for (const q of QUERIES) {
    for (const filters of FILTERS) {
      forgetQueryResults();
      filteredTimes.push(time(() => searchExperts(db, { query: q, filters, sort: 'relevance', cursor: null, offset: 0, limit: 50 })));
    }
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

// Facets as a first keystroke, through the dispatch: every query, and narrowed by a country.
const facetTimes: number[] = [];
for (const q of QUERIES) {
  for (const filters of [{}, { country: ['VN' as const] }]) {
    forgetQueryResults();
    facetTimes.push(await timeAsync(() => call('experts.facets', { query: q, filters })));
  }
}
facetTimes.sort((a, b) => a - b);
put('facets.p95_ms', percentile(facetTimes, 95), 'ms');
// A keystroke as the directory makes it: the list and its facets, which share the matching set.
const keystrokeTimes: number[] = [];
for (const q of QUERIES) {
  forgetQueryResults();
  keystrokeTimes.push(await timeAsync(async () => {
    await call('experts.search', { query: q });
    await call('experts.facets', { query: q });
  }));
}
keystrokeTimes.sort((a, b) => a - b);
put('keystroke.search_and_facets_p95_ms', percentile(keystrokeTimes, 95), 'ms');
forgetQueryResults();
put('facets.all_ms', await timeAsync(() => call('experts.facets', {})), 'ms');
figures.push(...(await measureFigureCompute((i) => call('figures.compute', i))));
core.close();

db.close();
const child = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./core-rss.ts', import.meta.url)), funnelDir], { encoding: 'utf8' });
put('core.rss_mb', (JSON.parse(child.trim().split('\n').pop()!) as { rssMb: number }).rssMb, 'MB');
// Documents (issue 8) over the same directory.
figures.push(...(await runReportBench(quick, funnelFile)));
rmSync(dir, { recursive: true, force: true });
figures.push(...runSyncBench(quick));
figures.push(...runDedupeBench(quick));
figures.push(...runApplicationsBench(quick));
figures.push(...(await runImportBench(quick)));

console.log(`A-EXPECS Curator benchmark — ${N.toLocaleString('en')} experts, ${portfolioRows.toLocaleString('en')} portfolio items`);
console.table(figures.map((f) => ({ name: f.name, value: f.value, unit: f.unit })));
writeFileSync(resultsFile, `${JSON.stringify(figures, null, 2)}\n`);
console.log('Written to bench/results.json');
