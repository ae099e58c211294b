/** One figure of `npm run bench`, as bench/results.json holds it. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export const figure = (name: string, value: number, unit: string): Figure => ({ name, value: Math.round(value * 100) / 100, unit });

/** Figures of the sync bench: `npm run bench -- sync` replaces these and keeps the others. */
export const isSyncFigure = (name: string) => name.startsWith('sync.') || name.startsWith('server.');

/** The sync bench's size and seed, one place for every process of it (main.ts, side.ts). */
export const SYNC_BENCH_EXPERTS = (quick: boolean) => (quick ? 5_000 : 50_000);
export const SYNC_BENCH_SEED = 2026;
