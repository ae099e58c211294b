/**
 * The sync figures (issue 6, point 8), run as a child process of bench/run.ts so that their
 * servers, memory and PouchDB's globals never mix with the other figures. Progress goes to
 * stderr; the last line of stdout is the figures as JSON.
 *
 * usage: tsx bench/sync/main.ts [--quick] [--no-pouchdb]
 * SYNC_BENCH_PROFILE=<dir> writes a CPU profile of every process (this one, each server) there.
 */
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { benchSet } from './dataset';
import { figure, type Figure } from './figure';
import { ourFigures } from './ours';
import { pouchInitialReplication } from './pouchdb';

const quick = process.argv.includes('--quick');
const EXPERTS = quick ? 5_000 : 50_000;
const SEED = 2026;
const log = (line: string) => process.stderr.write(`[sync] ${line}\n`);

const figures: Figure[] = [];
const t0 = performance.now();
const records = benchSet(EXPERTS, SEED);
log(`${EXPERTS.toLocaleString('en')} experts, ${records.count.toLocaleString('en')} records generated in ${Math.round(performance.now() - t0)} ms; load ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`);

let pouchRate: number | null = null;
let pouchCpuMs = 0;
let pouchMemoryRate: number | null = null;
if (!process.argv.includes('--no-pouchdb')) {
  // The reference: PouchDB keeping its copy on disk (LevelDB), as the desktop keeps its SQLite file.
  const pouch = await pouchInitialReplication(EXPERTS, SEED, records, { local: 'disk' });
  pouchRate = pouch.docs / (pouch.ms / 1000);
  pouchCpuMs = pouch.clientCpuMs + pouch.serverCpuMs;
  figures.push(figure('sync.pouchdb_initial_docs_per_s', pouchRate, `docs/s (${pouch.docs} docs, client store LevelDB on disk)`));
  figures.push(figure('sync.pouchdb_initial_cpu_ms', pouchCpuMs, 'ms CPU, client + server'));
  log(`PouchDB (LevelDB on disk): ${pouch.docs} docs replicated in ${Math.round(pouch.ms)} ms (${Math.round(pouchRate)} docs/s), CPU ${Math.round(pouch.clientCpuMs)} ms client + ${Math.round(pouch.serverCpuMs)} ms server; client holds ${pouch.clientDocs}`);
  // Beside it, PouchDB writing nothing anywhere (memory adapter): the ratio against it is shown too.
  const memory = await pouchInitialReplication(EXPERTS, SEED, records, { local: 'memory' });
  pouchMemoryRate = memory.docs / (memory.ms / 1000);
  figures.push(figure('sync.pouchdb_memory_initial_docs_per_s', pouchMemoryRate, `docs/s (${memory.docs} docs, client store in memory: nothing written to disk)`));
  log(`PouchDB (memory): ${memory.docs} docs replicated in ${Math.round(memory.ms)} ms (${Math.round(pouchMemoryRate)} docs/s), CPU ${Math.round(memory.clientCpuMs)} ms client + ${Math.round(memory.serverCpuMs)} ms server; client holds ${memory.clientDocs}`);
}

const ours = await ourFigures(records, { experts: EXPERTS, seed: SEED, pushExperts: quick ? 150 : 1500, noopRuns: 21, log });
figures.push(...ours.figures);
if (pouchRate !== null) {
  figures.push(figure('sync.initial_ratio_vs_pouchdb', ours.initialDocsPerS / pouchRate, 'x (goal ≥ 2; PouchDB with its client store on disk)'));
  if (pouchMemoryRate !== null) figures.push(figure('sync.initial_ratio_vs_pouchdb_memory', ours.initialDocsPerS / pouchMemoryRate, 'x (PouchDB writing nothing to disk)'));
  // The same comparison by CPU time (client + server): what each first sync costs, which a busy
  // machine distorts far less than the wall-clock ratio when the load changes between the two runs.
  figures.push(figure('sync.initial_cpu_ratio_vs_pouchdb', pouchCpuMs / ours.initialCpuMs, 'x (PouchDB CPU / ours)'));
}

figures.push(figure('sync.load_avg_1m', loadavg()[0]!, `load (${cpus().length} cores)`));
process.stdout.write(`${JSON.stringify(figures)}\n`);
