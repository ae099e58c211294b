/**
 * One side of the first-sync comparison in a process of its own (bench/sync/main.ts runs each):
 * `ours` (ourFigures: our server and desktop core, every sync figure), `pouch-disk` or
 * `pouch-memory` (PouchDB's replication, its client store on disk or in memory). A fresh
 * process each, so no side runs on a heap the one before left behind: with PouchDB's runs
 * first in one process, our first sync used 15 % more CPU than alone. Progress goes to stderr;
 * the last line of stdout is the result as JSON.
 *
 * usage: tsx bench/sync/side.ts ours|pouch-disk|pouch-memory [--quick]
 */
import { benchSet } from './dataset';
import { ourFigures } from './ours';
import { pouchInitialReplication } from './pouchdb';
import { SYNC_BENCH_EXPERTS, SYNC_BENCH_SEED } from './figure';

const side = process.argv[2];
const quick = process.argv.includes('--quick');
const experts = SYNC_BENCH_EXPERTS(quick);
const log = (line: string) => process.stderr.write(`[sync] ${line}\n`);
const records = benchSet(experts, SYNC_BENCH_SEED);

let result: unknown;
if (side === 'ours') result = await ourFigures(records, { experts, seed: SYNC_BENCH_SEED, pushExperts: quick ? 150 : 1500, noopRuns: 21, log });
else if (side === 'pouch-disk' || side === 'pouch-memory') result = await pouchInitialReplication(experts, SYNC_BENCH_SEED, records, { local: side === 'pouch-disk' ? 'disk' : 'memory' });
else throw new Error(`usage: side.ts ours|pouch-disk|pouch-memory [--quick], not "${side}"`);
process.stdout.write(`${JSON.stringify(result)}\n`);
