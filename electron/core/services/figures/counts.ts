import type { SearchFilters } from '../../../../shared/contract/methods';
import type { Db } from '../../db/open';
import { facetCounts } from '../experts/facets';
import type { TagFacet } from '../experts/tags';

/**
 * How many experts hold each value of a facet, among the experts the directory's search
 * selects with `filters`: the directory's own facet counts (facets.ts, kept until the next
 * write), so a figure says what the directory's filter panel says for the same filters. A
 * facet is counted there with every filter but its own; a value of the facet's own filter is
 * held only by experts that filter keeps, so its count is the same. The total is the status
 * counts of the statuses kept: every expert has exactly one status.
 */

export interface FacetTally {
  total: number;
  counts: [string, number][];
}

/**
 * `filters`: the search's country, expertise and language filters (its status filter is not
 * read); `activeOnly`: archived experts left out, as the directory's status filter does;
 * `values`: the values that become rows, or null for every value.
 */
export function tallyFacet(db: Db, filters: SearchFilters, activeOnly: boolean, facet: TagFacet, values: string[] | null): FacetTally {
  const counted = facetCounts(db, { query: '', filters: { ...filters, status: activeOnly ? ['active'] : [] } });
  const total = counted.status.reduce((n, s) => n + (!activeOnly || s.value === 'active' ? s.count : 0), 0);
  const wanted = values && new Set(values);
  return { total, counts: counted[facet].filter((c) => !wanted || wanted.has(c.value)).map((c) => [c.value, c.count]) };
}
