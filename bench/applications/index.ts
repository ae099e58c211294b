/**
 * bench/run.ts's entry into the applications figures (main.ts): `npm run bench -- applications`
 * runs them alone and replaces them in bench/results.json, keeping the other figures.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { runApplicationsBench, type Figure } from './main';

export { runApplicationsBench };

export function runApplicationsOnly(resultsFile: URL, quick: boolean): number {
  const figures = runApplicationsBench(quick);
  const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Figure[]) : [];
  console.log('A-EXPECS Curator benchmark — applications figures only');
  console.table(figures);
  writeFileSync(resultsFile, `${JSON.stringify([...previous.filter((f) => !f.name.startsWith('applications.')), ...figures], null, 2)}\n`);
  console.log('Written to bench/results.json (the other figures kept as they were)');
  return 0;
}
