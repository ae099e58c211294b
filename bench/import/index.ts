/**
 * bench/run.ts's entry into the import figures (main.ts): `npm run bench -- import` runs them
 * alone and replaces them in bench/results.json, keeping the other figures.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { runImportBench, type Figure } from './main';

export { runImportBench };

export async function runImportOnly(resultsFile: URL, quick: boolean): Promise<number> {
  const figures = await runImportBench(quick);
  const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Figure[]) : [];
  console.log('A-EXPECS Curator benchmark — import figures only');
  console.table(figures);
  writeFileSync(resultsFile, `${JSON.stringify([...previous.filter((f) => !f.name.startsWith('import.')), ...figures], null, 2)}\n`);
  console.log('Written to bench/results.json (the other figures kept as they were)');
  return 0;
}
