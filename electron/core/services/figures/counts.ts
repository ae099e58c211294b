import type { SearchFilters } from '../../../../shared/contract/methods';
import type { Db } from '../../db/open';
import { matchSet } from '../experts/search-plan';
import type { TagFacet } from '../experts/tags';

/**
 * How many experts hold each value of a facet, among the experts the directory's search
 * selects with `filters` (search-plan.ts matchSet: facet tags in the FTS index). Read from
 * expert_facet, whose PRIMARY KEY (facet, value, expert_rowid) holds each value's experts in
 * order, in one read transaction so the total and the counts agree. The plan follows the set:
 * - no filter but the status: every value's experts counted straight from the key, less the
 *   archived ones (few) found through their own facet rows — no member is checked at all;
 * - a set of a few experts: each member's facet rows (expert_facet_by_expert, as facets.ts
 *   counts a few matches);
 * - a broad set: the facet's rows in key order, each checked against the set. The unary +
 *   keeps SQLite from probing the key once per (value, member) instead, which at 16 expertise
 *   areas × 100,000 members is twenty times slower.
 */

/** A set smaller than the directory over this reads its members' facet rows rather than the facet's. */
const FEW = 8;

export interface FacetTally {
  total: number;
  counts: [string, number][];
}

/**
 * `filters`: the search's country, expertise and language filters (its status filter is not
 * read); `activeOnly`: archived experts left out, as the directory's status filter does;
 * `few`: the plan's threshold (tests force either plan with 0 or Infinity).
 */
export function tallyFacet(db: Db, filters: SearchFilters, activeOnly: boolean, facet: TagFacet, values: string[] | null, few = FEW): FacetTally {
  const only = values ? `AND f.value IN (${values.map(() => '?').join(', ')})` : '';
  const valueParams = values ?? [];
  return db.transaction((): FacetTally => {
    const everyone = db.prepare('SELECT count(*) FROM expert_index').pluck().get() as number;
    if (matchSet('', { ...filters, status: [] }).table === null) {
      const all = db.prepare(`SELECT f.value, count(*) FROM expert_facet f WHERE f.facet = ? ${only} GROUP BY f.value`).raw().all(facet, ...valueParams) as [string, number][];
      if (!activeOnly) return { total: everyone, counts: all };
      const archived = db.prepare("SELECT count(*) FROM expert_facet WHERE facet = 'status' AND value = 'archived'").pluck().get() as number;
      const gone = db
        .prepare(
          `SELECT f.value, count(*) FROM expert_facet s JOIN expert_facet f INDEXED BY expert_facet_by_expert ON f.expert_rowid = s.expert_rowid
           WHERE s.facet = 'status' AND s.value = 'archived' AND f.facet = ? ${only} GROUP BY f.value`,
        )
        .raw()
        .all(facet, ...valueParams) as [string, number][];
      const out = new Map(all);
      for (const [value, n] of gone) out.set(value, (out.get(value) ?? 0) - n);
      return { total: everyone - archived, counts: [...out].filter(([, n]) => n > 0) };
    }
    const set = matchSet('', { ...filters, status: activeOnly ? ['active'] : [] });
    const members = `SELECT rowid AS rid FROM ${set.table} WHERE ${set.table} MATCH ?`;
    const total = db.prepare(`SELECT count(*) FROM ${set.table} WHERE ${set.table} MATCH ?`).pluck().get(set.match) as number;
    if (total === 0) return { total, counts: [] };
    const sql =
      total * few < everyone
        ? `SELECT f.value, count(*) FROM (${members}) m JOIN expert_facet f INDEXED BY expert_facet_by_expert ON f.expert_rowid = m.rid
           WHERE f.facet = ? ${only} GROUP BY f.value`
        : `WITH m AS MATERIALIZED (${members}) SELECT f.value, count(*) FROM expert_facet f
           WHERE f.facet = ? ${only} AND +f.expert_rowid IN (SELECT rid FROM m) GROUP BY f.value`;
    return { total, counts: db.prepare(sql).raw().all(set.match, facet, ...valueParams) as [string, number][] };
  })();
}
