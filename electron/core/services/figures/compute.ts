import type { SearchFilters } from '../../../../shared/contract/methods';
import type { FigureData } from '../../../../shared/contract/figures';
import { AppError } from '../../../../shared/contract/result';
import { figureRows, metricFacet, otherRowLabel, type FigureFilters, type FigureLang, type FigureMetric, type FigureRow } from '../../../../shared/model/reports/figure';
import { figureNames } from '../../../../shared/model/reports/figure-names';
import type { Db } from '../../db/open';
import { matchSet } from '../experts/search-plan';
import type { TaxonomyIndex } from '../taxonomy';

/**
 * A figure counted from the directory now. The experts counted are the ones the directory's
 * search lists for the same filters (search-plan.ts matchSet: the facet tags in the FTS index),
 * archived experts left out unless asked for — the directory's status filter — and demo
 * experts counted as the directory lists them (demo data exists only in development and demo
 * builds). Each row is how many of them hold a value of the metric's facet (expert_facet,
 * which the expert projection keeps); the metric's own filter, when set, also chooses which
 * values become rows. Expertise rows are the top-level areas unless areas are chosen: a term's
 * facet rows include every ancestor, so mixing levels would count an expert twice in one chart.
 *
 * One statement counts the set and groups its facet rows, so total and rows come from one
 * read of the database (a consistent snapshot). About 50–100 ms at 100,000 experts for the
 * broadest figure (npm run bench: report.figure_compute_ms).
 */

export interface FigureInput {
  metric: FigureMetric;
  filters: FigureFilters;
  lang: FigureLang;
}

/** The directory search's filters for a figure's. */
export function searchFiltersOf(filters: FigureFilters): SearchFilters {
  return {
    country: filters.countries ?? [],
    expertise: filters.expertise ?? [],
    language: filters.languages ?? [],
    status: filters.includeArchived ? [] : ['active'],
  };
}

/** Refuses expertise areas the taxonomy does not hold: counting them would show a silent 0. */
function checkTerms(taxonomy: TaxonomyIndex, filters: FigureFilters): void {
  const unknown = taxonomy.unknown(filters.expertise ?? []);
  if (unknown.length === 0) return;
  throw new AppError('UNKNOWN_TERM', `These expertise areas are not in the taxonomy: ${unknown.join(', ')}. Choose areas from the list; no figure was made.`, [
    { path: ['filters', 'expertise'], message: `Unknown: ${unknown.join(', ')}` },
  ]);
}

/** The values that become rows: the metric's own filter, else every top-level area for expertise, else any. */
function rowValues(taxonomy: TaxonomyIndex, input: FigureInput): string[] | null {
  const own = { country: input.filters.countries, expertise: input.filters.expertise, language: input.filters.languages }[metricFacet[input.metric]];
  if (own?.length) return own;
  if (input.metric === 'experts_by_expertise') return taxonomy.terms.filter((t) => t.parent === null).map((t) => t.id);
  return null;
}

/** The experts a figure counts, as SQL: a CTE, their number, and the condition on a facet row `f`. */
function scopeOf(filters: FigureFilters): { with: string; total: string; where: string; params: string[] } {
  const set = matchSet('', searchFiltersOf(filters));
  // With other filters than the status, the set the directory's search selects (FTS5 tags).
  if (matchSet('', { ...searchFiltersOf(filters), status: [] }).table !== null && set.table) {
    return {
      with: `WITH m AS MATERIALIZED (SELECT rowid AS rid FROM ${set.table} WHERE ${set.table} MATCH ?)`,
      total: 'SELECT count(*) FROM m',
      where: 'AND +f.expert_rowid IN (SELECT rid FROM m)',
      params: [set.match!],
    };
  }
  if (filters.includeArchived) return { with: '', total: 'SELECT count(*) FROM expert_index', where: '', params: [] };
  // Every active expert: the archived, few, are left out by their status rows, which is
  // twice as fast as checking each facet row against the tens of thousands of active ones.
  return {
    with: "WITH x AS MATERIALIZED (SELECT expert_rowid AS rid FROM expert_facet WHERE facet = 'status' AND value = 'archived')",
    total: 'SELECT (SELECT count(*) FROM expert_index) - (SELECT count(*) FROM x)',
    where: 'AND +f.expert_rowid NOT IN (SELECT rid FROM x)',
    params: [],
  };
}

export function computeFigure(db: Db, taxonomy: TaxonomyIndex, input: FigureInput, now = Date.now()): FigureData {
  checkTerms(taxonomy, input.filters);
  const values = rowValues(taxonomy, input);
  const scope = scopeOf(input.filters);
  // The NULL row carries the number of experts counted; the others, the experts per value.
  // A facet row's PRIMARY KEY (facet, value, expert_rowid) makes the grouping an index walk,
  // each row checked against the scope. The unary + keeps SQLite from probing the key once
  // per (value, member) instead: 16 expertise areas × 100,000 members is twenty times slower.
  const sql = `${scope.with} SELECT NULL, (${scope.total})
    UNION ALL SELECT f.value, count(*) FROM expert_facet f
    WHERE f.facet = ? ${values ? `AND f.value IN (${values.map(() => '?').join(', ')})` : ''} ${scope.where}
    GROUP BY f.value`;
  const params = [...scope.params, metricFacet[input.metric], ...(values ?? [])];
  const result = db.prepare(sql).raw().all(...params) as [string | null, number][];
  const counted = result.find(([value]) => value === null)?.[1] ?? 0;
  const names = figureNames(input.lang, taxonomy.terms);
  const label = { experts_by_country: names.country, experts_by_expertise: names.term, experts_by_language: names.language }[input.metric];
  const counts: FigureRow[] = result.filter((r): r is [string, number] => r[0] !== null).map(([key, count]) => ({ key, label: label(key), count }));
  return { metric: input.metric, filters: input.filters, takenAt: now, total: counted, rows: figureRows(counts, otherRowLabel(input.lang)) };
}
