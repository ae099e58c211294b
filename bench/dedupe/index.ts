/**
 * bench/run.ts's entry into the dedupe figures (main.ts): `npm run bench -- dedupe` runs them
 * alone and replaces them in bench/results.json, keeping the other figures.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { runDedupeBench, type Figure } from './main';

export { runDedupeBench };

export function runDedupeOnly(resultsFile: URL, quick: boolean): number {
  const figures = runDedupeBench(quick);
  const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Figure[]) : [];
  console.log('A-EXPECS Curator benchmark — dedupe figures only');
  console.table(figures);
  writeFileSync(resultsFile, `${JSON.stringify([...previous.filter((f) => !f.name.startsWith('dedupe.')), ...figures], null, 2)}\n`);
  console.log('Written to bench/results.json (the other figures kept as they were)');
  return 0;
}
