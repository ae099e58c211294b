import { existsSync, readFileSync, writeFileSync } from 'node:fs';

interface Figure {
  name: string;
  value: number;
  unit: string;
}

/**
 * `npm run bench -- <group>`: one group's figures alone (dedupe, applications, import, report),
 * printed and written to bench/results.json in place of the same figures of an earlier run (by
 * name), every other figure kept as it was. By name, not by the `<group>.` prefix: two groups
 * may share one (bench/figures' `report.figure_compute_ms` is not bench/report's to drop).
 * Returns the process's exit code.
 */
export function writeGroupOnly(resultsFile: URL, group: string, figures: Figure[]): number {
  const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Figure[]) : [];
  console.log(`A-EXPECS Curator benchmark — ${group} figures only`);
  console.table(figures);
  const names = new Set(figures.map((f) => f.name));
  writeFileSync(resultsFile, `${JSON.stringify([...previous.filter((f) => !names.has(f.name)), ...figures], null, 2)}\n`);
  console.log('Written to bench/results.json (the other figures kept as they were)');
  return 0;
}
