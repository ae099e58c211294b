/**
 * bench/run.ts's entry into the sync figures: runs bench/sync/main.ts in a child process and
 * returns its figures; `mergeSyncFigures` puts them into an existing results list in place of
 * the sync figures of an earlier run.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isSyncFigure, type Figure } from './figure';

export function runSyncBench(quick: boolean): Figure[] {
  const main = fileURLToPath(new URL('./main.ts', import.meta.url));
  const profile = process.env.SYNC_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SYNC_BENCH_PROFILE}`] : [];
  const out = execFileSync(process.execPath, ['--import', 'tsx', ...profile, main, ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Figure[];
}

export function mergeSyncFigures(previous: readonly Figure[], sync: readonly Figure[]): Figure[] {
  return [...previous.filter((f) => !isSyncFigure(f.name)), ...sync];
}
