import { existsSync, readFileSync, writeFileSync } from 'node:fs';

interface Figure {
  name: string;
  value: number;
  unit: string;
}

/**
 * `npm run bench -- <group>`: one group's figures alone (dedupe, applications, import), printed
 * and written to bench/results.json in place of that group's earlier figures (those named
 * `<group>.…`), every other figure kept as it was. Returns the process's exit code.
 */
export function writeGroupOnly(resultsFile: URL, group: string, figures: Figure[]): number {
  const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Figure[]) : [];
  console.log(`A-EXPECS Curator benchmark — ${group} figures only`);
  console.table(figures);
  writeFileSync(resultsFile, `${JSON.stringify([...previous.filter((f) => !f.name.startsWith(`${group}.`)), ...figures], null, 2)}\n`);
  console.log('Written to bench/results.json (the other figures kept as they were)');
  return 0;
}
