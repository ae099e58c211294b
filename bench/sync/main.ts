/**
 * The sync figures (issue 6, point 8), run as a child process of bench/run.ts so that their
 * servers, memory and PouchDB's globals never mix with the other figures; each side of the
 * comparison (side.ts: PouchDB on disk, PouchDB in memory, ours) runs in a fresh process of its
 * own in turn. Progress goes to stderr; the last line of stdout is the figures as JSON.
 *
 * usage: tsx bench/sync/main.ts [--quick] [--no-pouchdb]
 * SYNC_BENCH_PROFILE=<dir> writes a CPU profile of every process (this one, each server) there.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { figure, SYNC_BENCH_EXPERTS, type Figure } from './figure';
import type { ourFigures } from './ours';
import type { PouchReplication } from './pouchdb';

const quick = process.argv.includes('--quick');
const EXPERTS = SYNC_BENCH_EXPERTS(quick);
const log = (line: string) => process.stderr.write(`[sync] ${line}\n`);

/** Runs one side (side.ts) in a fresh process and returns its result. */
function side<T>(name: 'ours' | 'pouch-disk' | 'pouch-memory'): T {
  const file = fileURLToPath(new URL('./side.ts', import.meta.url));
  const profile = process.env.SYNC_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SYNC_BENCH_PROFILE}`] : [];
  const out = execFileSync(process.execPath, ['--import', 'tsx', ...profile, file, name, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

const figures: Figure[] = [];
// Each side generates the records itself (side.ts): nothing here needs them.
log(`${EXPERTS.toLocaleString('en')} experts; load ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores; each side runs in a process of its own`);

let pouchRate: number | null = null;
let pouchCpuMs = 0;
let pouchMemoryRate: number | null = null;
if (!process.argv.includes('--no-pouchdb')) {
  // The reference: PouchDB keeping its copy on disk (LevelDB), as the desktop keeps its SQLite file.
  const pouch = side<PouchReplication>('pouch-disk');
  pouchRate = pouch.docs / (pouch.ms / 1000);
  pouchCpuMs = pouch.clientCpuMs + pouch.serverCpuMs;
  figures.push(figure('sync.pouchdb_initial_docs_per_s', pouchRate, `docs/s (${pouch.docs} docs, client store LevelDB on disk)`));
  figures.push(figure('sync.pouchdb_initial_cpu_ms', pouchCpuMs, 'ms CPU, client + server'));
  log(`PouchDB (LevelDB on disk): ${pouch.docs} docs replicated in ${Math.round(pouch.ms)} ms (${Math.round(pouchRate)} docs/s), CPU ${Math.round(pouch.clientCpuMs)} ms client + ${Math.round(pouch.serverCpuMs)} ms server; client holds ${pouch.clientDocs}`);
  // Beside it, PouchDB writing nothing anywhere (memory adapter): the ratio against it is shown too.
  const memory = side<PouchReplication>('pouch-memory');
  pouchMemoryRate = memory.docs / (memory.ms / 1000);
  figures.push(figure('sync.pouchdb_memory_initial_docs_per_s', pouchMemoryRate, `docs/s (${memory.docs} docs, client store in memory: nothing written to disk)`));
  log(`PouchDB (memory): ${memory.docs} docs replicated in ${Math.round(memory.ms)} ms (${Math.round(pouchMemoryRate)} docs/s), CPU ${Math.round(memory.clientCpuMs)} ms client + ${Math.round(memory.serverCpuMs)} ms server; client holds ${memory.clientDocs}`);
}

const ours = side<Awaited<ReturnType<typeof ourFigures>>>('ours');
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
