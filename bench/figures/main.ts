/**
 * Figures from the directory (issue 8 point 4, services/figures): what `figures.compute` costs
 * through the core's dispatch, over every metric and the filters a curator sets (none, two
 * countries, an expertise area, languages, archived included).
 * - report.figure_compute_ms: the median computation;
 * - report.figure_compute_max_ms: the slowest one.
 * A figure is the directory's facet counts (services/figures/counts.ts): the answers kept
 * until the next write are forgotten before each computation, so each is counted afresh; the
 * slowest is the first, which builds the facets' in-memory snapshot as the directory's first
 * facet counts do. Run in the main bench over its 100,000 experts, or alone
 * (`npm run bench -- figures`) over a directory it builds. Figures are reported, never asserted.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Input, Output } from '../../shared/contract/methods';
import type { FigureFilters } from '../../shared/model/reports/figure';
import { uuidv7 } from '../../shared/ids';
import { expertDefaults } from '../../shared/model/expert';
import { DATABASE_FILE, openCore } from '../../electron/core/app';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import type { Write } from '../../electron/core/changes/types';
import { openDatabase } from '../../electron/core/db/open';
import { generateExperts } from '../../electron/core/demo/generate';
import { expertProjection } from '../../electron/core/services/experts/projection';
import { forgetQueryResults } from '../../electron/core/services/experts/search-cache';
import { loadShippedTaxonomy } from '../../electron/core/services/taxonomy-resource';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

type Compute = (input: Input<'figures.compute'>) => Promise<Output<'figures.compute'>>;

const FILTERS: FigureFilters[] = [
  {},
  { countries: ['VN', 'TH'] },
  { expertise: ['hrm'] },
  { languages: ['en', 'id', 'th'] },
  { includeArchived: true },
  { countries: ['ID'], expertise: ['digital'], languages: ['en'] },
];
const METRICS = ['experts_by_country', 'experts_by_expertise', 'experts_by_language'] as const;

/** Times every metric under every filter, three rounds; the median and the slowest. */
export async function measureFigureCompute(compute: Compute): Promise<Figure[]> {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const metric of METRICS) {
      for (const filters of FILTERS) {
        forgetQueryResults();
        const t = performance.now();
        const figure = await compute({ metric, filters });
        times.push(performance.now() - t);
        if (round === 0 && Object.keys(filters).length === 0 && figure.total === 0) throw new Error('figures.compute counted no expert: the bench directory is empty.');
      }
    }
  }
  times.sort((a, b) => a - b);
  const round2 = (v: number) => Math.round(v * 100) / 100;
  return [
    { name: 'report.figure_compute_ms', value: round2(times[Math.floor(times.length / 2)]!), unit: 'ms' },
    { name: 'report.figure_compute_max_ms', value: round2(times[times.length - 1]!), unit: 'ms' },
  ];
}

/** `npm run bench -- figures`: builds a directory of n experts (a tenth archived), then measures. */
export async function runFiguresBench(quick: boolean): Promise<Figure[]> {
  const n = quick ? 10_000 : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'curator-bench-figures-'));
  try {
    const db = openDatabase(join(dir, DATABASE_FILE));
    const funnel = new ChangeFunnel(db, [expertProjection(db, loadShippedTaxonomy())]);
    let writes: Write[] = [];
    let i = 0;
    for (const { expert } of generateExperts(n, 3)) {
      writes.push({ entity: 'expert', id: uuidv7(), fields: { ...expertDefaults, ...expert, status: i % 10 === 0 ? 'archived' : 'active', statusReason: '' } });
      if (++i % 1000 === 0) {
        funnel.write('bench', writes);
        writes = [];
      }
    }
    if (writes.length) funnel.write('bench', writes);
    db.close();
    const core = openCore({ dataDir: dir, mode: 'test', actor: 'bench' });
    try {
      return await measureFigureCompute(async (input) => {
        const r = await core.dispatch('figures.compute', input);
        if (!r.ok) throw new Error(`figures.compute: ${r.error.message}`);
        return r.value as Output<'figures.compute'>;
      });
    } finally {
      core.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes these figures into results.json in place of their earlier values, every other figure kept. */
export function writeFiguresOnly(resultsFile: URL, figures: Figure[]): number {
  const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Figure[]) : [];
  const names = new Set(figures.map((f) => f.name));
  console.log('A-EXPECS Curator benchmark — figures from the directory only');
  console.table(figures);
  writeFileSync(resultsFile, `${JSON.stringify([...previous.filter((f) => !names.has(f.name)), ...figures], null, 2)}\n`);
  console.log('Written to bench/results.json (the other figures kept as they were)');
  return 0;
}
