/**
 * npm run bench:dedupe-seed -- [seed] [--quick] [--log <file>]: the dedupe figures for another
 * seed of the labelled set, printed and not written to bench/results.json (which holds the
 * figures of SEED). A matcher tuned to one seed shows it here. --log writes every missed
 * duplicate and every wrong likely candidate, one a line, for reading.
 */
import { writeFileSync } from 'node:fs';
import { runDedupeBench, SEED } from './main';

const args = process.argv.slice(2);
const logAt = args.indexOf('--log');
const logFile = logAt >= 0 ? args[logAt + 1] : undefined;
const seed = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--log') ?? SEED);
const lines: string[] = [];
const figures = runDedupeBench(args.includes('--quick'), (line) => lines.push(line), seed);
console.log(`dedupe figures, seed ${seed}`);
console.table(figures);
if (logFile) writeFileSync(logFile, `${lines.join('\n')}\n`);
