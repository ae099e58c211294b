/** One figure of `npm run bench`, as bench/results.json holds it. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export const figure = (name: string, value: number, unit: string): Figure => ({ name, value: Math.round(value * 100) / 100, unit });

/** Figures of the sync bench: `npm run bench -- sync` replaces these and keeps the others. */
export const isSyncFigure = (name: string) => name.startsWith('sync.') || name.startsWith('server.');
