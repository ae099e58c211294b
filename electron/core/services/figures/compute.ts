import type { SearchFilters } from '../../../../shared/contract/methods';
import type { FigureData } from '../../../../shared/contract/figures';
import { AppError } from '../../../../shared/contract/result';
import { figureRows, metricFacet, otherRowLabel, type FigureFilters, type FigureLang, type FigureMetric, type FigureRow } from '../../../../shared/model/reports/figure';
import { figureNames } from '../../../../shared/model/reports/figure-names';
import type { Db } from '../../db/open';
import type { TaxonomyIndex } from '../taxonomy';
import { tallyFacet } from './counts';

/**
 * A figure counted from the directory now. The experts counted are the ones the directory's
 * search lists for the same filters (search-plan.ts matchSet: the facet tags in the FTS index),
 * archived experts left out unless asked for — the directory's status filter — and demo
 * experts counted as the directory lists them (demo data exists only in development and demo
 * builds). Each row is how many of them hold a value of the metric's facet (expert_index.facets,
 * which the expert projection keeps); the metric's own filter, when set, also chooses which
 * values become rows. Expertise rows are the top-level areas unless areas are chosen: a term's
 * facet rows include every ancestor, so mixing levels would count an expert twice in one chart.
 *
 * The counting is the directory's facet counts (counts.ts tallyFacet; npm run bench -- figures:
 * report.figure_compute_ms).
 */

export interface FigureInput {
  metric: FigureMetric;
  filters: FigureFilters;
  lang: FigureLang;
}

/** The directory search's filters for a figure's (the status, active or any, is tallyFacet's `activeOnly`). */
export function searchFiltersOf(filters: FigureFilters): SearchFilters {
  return {
    country: filters.countries ?? [],
    expertise: filters.expertise ?? [],
    language: filters.languages ?? [],
    status: [],
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

export function computeFigure(db: Db, taxonomy: TaxonomyIndex, input: FigureInput, now = Date.now()): FigureData {
  checkTerms(taxonomy, input.filters);
  const { total, counts: tally } = tallyFacet(db, searchFiltersOf(input.filters), !input.filters.includeArchived, metricFacet[input.metric], rowValues(taxonomy, input));
  const names = figureNames(input.lang, taxonomy.terms);
  const label = { experts_by_country: names.country, experts_by_expertise: names.term, experts_by_language: names.language }[input.metric];
  const counts: FigureRow[] = tally.map(([key, count]) => ({ key, label: label(key), count }));
  return { metric: input.metric, filters: input.filters, takenAt: now, total, rows: figureRows(counts, otherRowLabel(input.lang)) };
}
