import type { Facets, Output, ParsedInput, SearchFilters, SearchSort } from '../../../../shared/contract/methods';
import { AppError } from '../../../../shared/contract/result';
import type { ExpertSummary } from '../../../../shared/model/expert';
import { searchTokens } from '../../../../shared/text/fold';
import type { Db } from '../../db/open';

/**
 * Directory search over the expert projection: FTS5 prefix matching on folded text, facet
 * filters (OR within a facet, AND across facets), and keyset paging, so page 2,000 costs
 * what page 1 costs.
 */

type SearchInput = ParsedInput<'experts.search'>;
type FacetName = keyof SearchFilters;
const facetNames: FacetName[] = ['country', 'expertise', 'language', 'status'];

/**
 * `tran van h` → `"tran" "van" "h"*`: the words typed so far must each appear, the last one
 * as the start of a word, since the curator may still be typing it ("prefix last", as most
 * search-as-you-type does; it also spares FTS5 expanding every earlier word into all words
 * that start with it). A one-letter word is kept only at the end: elsewhere it is an initial
 * or the "e" of "e-government", and matches nearly everyone.
 */
export function ftsQuery(query: string): string | null {
  const all = searchTokens(query);
  const tokens = all.filter((t, i) => t.length > 1 || i === all.length - 1).slice(-12);
  if (tokens.length === 0) return null;
  // A query ending in a space or punctuation has finished its last word too.
  const lastIsComplete = /[^\p{L}\p{N}]$/u.test(query);
  return tokens.map((t, i) => (i === tokens.length - 1 && !lastIsComplete ? `"${t}"*` : `"${t}"`)).join(' ');
}

interface Clause {
  where: string[];
  params: unknown[];
}

/** Facet filters on expert_index (alias i): OR within a facet, AND across facets. */
function filterClause(filters: SearchFilters, except?: FacetName): Clause {
  const c: Clause = { where: [], params: [] };
  const inList = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  for (const facet of facetNames) {
    const values = filters[facet];
    if (facet === except || values.length === 0) continue;
    if (facet === 'country' || facet === 'status') {
      c.where.push(`i.${facet} IN (${inList(values.length)})`);
    } else {
      c.where.push(`i.rowid IN (SELECT expert_rowid FROM expert_facet WHERE facet = '${facet}' AND value IN (${inList(values.length)}))`);
    }
    c.params.push(...values);
  }
  return c;
}

const whereSql = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

type Key = [number | string, number];
type AppliedSort = SearchSort;

function encodeCursor(sort: AppliedSort, key: Key): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key })).toString('base64url');
}

function decodeCursor(cursor: string, allowed: readonly AppliedSort[]): { sort: AppliedSort; key: Key } {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s: unknown; k: unknown };
    const k = c.k as Key;
    if (allowed.includes(c.s as AppliedSort) && Array.isArray(k) && k.length === 2 && ['number', 'string'].includes(typeof k[0]) && Number.isInteger(k[1])) {
      return { sort: c.s as AppliedSort, key: k };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('INVALID_INPUT', 'The list position is no longer valid. Search again from the top.');
}

/**
 * Ranking every match by bm25 costs about a microsecond a match: fine for a name, which
 * matches hundreds, too slow as you type for a broad word that matches tens of thousands
 * ("training"). Above this many matches the list is ordered by name instead, and the
 * answer says so (`sort`), so the curator can narrow the search with facets.
 */
export const RANK_LIMIT = 5000;
/** The same weights as the table's rank setting (migration 001): names count most. */
const BM25 = 'bm25(expert_fts, 10.0, 6.0, 2.0, 2.0, 3.0, 1.0)';
/** Above this many matches, walking the name or date index beats sorting the matches. */
const DENSE_MATCHES = 2000;

const ORDER: Record<'name' | 'updated', { key: string; order: string; after: string; index: string }> = {
  name: { key: 'i.sort_name', order: 'i.sort_name, i.rowid', after: '(i.sort_name, i.rowid) > (?, ?)', index: 'expert_index_by_name' },
  updated: { key: 'i.updated_at', order: 'i.updated_at DESC, i.rowid DESC', after: '(i.updated_at, i.rowid) < (?, ?)', index: 'expert_index_by_updated' },
};

type Row = { rowid: number; k: number | string; summary: string };

export function searchExperts(db: Db, input: SearchInput, limits = { rank: RANK_LIMIT, dense: DENSE_MATCHES }): Output<'experts.search'> {
  const fts = ftsQuery(input.query);
  const filters = filterClause(input.filters);
  const total = countMatches(db, fts, filters);
  const limit = input.limit + 1;

  let sort: AppliedSort = input.sort === 'relevance' && (!fts || total > limits.rank) ? 'name' : input.sort;
  let after: Key | null = null;
  if (input.cursor) {
    // The cursor fixes the order for the rest of the list, even if the data changed meanwhile.
    ({ sort, key: after } = decodeCursor(input.cursor, input.sort === 'relevance' ? ['relevance', 'name'] : [input.sort]));
    if (sort === 'relevance' && !fts) throw new AppError('INVALID_INPUT', 'The list position is no longer valid. Search again from the top.');
  }

  let rows: Row[];
  if (sort === 'relevance') {
    const keyset = after ? ['(rank > ? OR (rank = ? AND rowid > ?))'] : [];
    const keyParams = after ? [after[0], after[0], after[1]] : [];
    if (filters.where.length === 0) {
      // Rank and cut inside FTS, then read only the page's rows.
      rows = db
        .prepare(
          `SELECT r.rowid AS rowid, r.rank AS k, i.summary AS summary
           FROM (SELECT rowid, rank FROM expert_fts WHERE expert_fts MATCH ? ${keyset.map((w) => `AND ${w}`).join(' ')} ORDER BY rank, rowid LIMIT ?) r
           JOIN expert_index i ON i.rowid = r.rowid ORDER BY r.rank, r.rowid`,
        )
        .all(fts, ...keyParams, limit) as Row[];
    } else {
      // Filters first, then score only the rows that pass: ordering by the rank column would
      // make FTS5 score every match before SQLite applies the filters.
      rows = db
        .prepare(
          `SELECT rowid, k, summary FROM (
             SELECT f.rowid AS rowid, ${BM25} AS k, i.summary AS summary FROM expert_fts f JOIN expert_index i ON i.rowid = f.rowid
             WHERE expert_fts MATCH ? AND ${filters.where.join(' AND ')})
           ${after ? 'WHERE (k > ? OR (k = ? AND rowid > ?))' : ''}
           ORDER BY k, rowid LIMIT ?`,
        )
        .all(fts, ...filters.params, ...keyParams, limit) as Row[];
    }
  } else {
    const o = ORDER[sort];
    const where = [...filters.where];
    const params = [...filters.params];
    if (fts) {
      where.unshift('i.rowid IN (SELECT rowid FROM expert_fts WHERE expert_fts MATCH ?)');
      params.unshift(fts);
    }
    if (after) {
      where.push(o.after);
      params.push(...after);
    }
    // Many matches: walk the sorted index and stop after a page. Few: sort just those.
    const from = !fts || total > limits.dense ? `expert_index i INDEXED BY ${o.index}` : 'expert_index i';
    rows = db.prepare(`SELECT i.rowid AS rowid, ${o.key} AS k, i.summary AS summary FROM ${from} ${whereSql(where)} ORDER BY ${o.order} LIMIT ?`).all(...params, limit) as Row[];
  }

  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => JSON.parse(r.summary) as ExpertSummary),
    total,
    sort,
    nextCursor: rows.length > input.limit && last ? encodeCursor(sort, [last.k, last.rowid]) : null,
  };
}

function countMatches(db: Db, fts: string | null, filters: Clause): number {
  if (!fts) return db.prepare(`SELECT count(*) FROM expert_index i ${whereSql(filters.where)}`).pluck().get(...filters.params) as number;
  if (filters.where.length === 0) return db.prepare('SELECT count(*) FROM expert_fts WHERE expert_fts MATCH ?').pluck().get(fts) as number;
  return db
    .prepare(`SELECT count(*) FROM expert_fts f JOIN expert_index i ON i.rowid = f.rowid WHERE expert_fts MATCH ? AND ${filters.where.join(' AND ')}`)
    .pluck()
    .get(fts, ...filters.params) as number;
}

/** SQL for the rowids matching a query and filters, or null when that is every expert. */
function matchingRowids(query: string, filters: SearchFilters, except?: FacetName): { sql: string; params: unknown[] } | null {
  const fts = ftsQuery(query);
  const f = filterClause(filters, except);
  if (!fts && f.where.length === 0) return null;
  if (fts && f.where.length === 0) return { sql: 'SELECT rowid AS rid FROM expert_fts WHERE expert_fts MATCH ?', params: [fts] };
  const where = fts ? ['i.rowid IN (SELECT rowid FROM expert_fts WHERE expert_fts MATCH ?)', ...f.where] : f.where;
  return { sql: `SELECT i.rowid AS rid FROM expert_index i ${whereSql(where)}`, params: fts ? [fts, ...f.params] : f.params };
}

/**
 * The unfiltered facet counts (the directory's opening view) cost a scan of every facet row;
 * they are kept per connection until the next write to the experts (see expertProjection).
 */
const globalFacets = new WeakMap<Db, Facets>();
/** Up to this many matches, reading each match's facet rows beats scanning all of them. */
const FACET_WALK_LIMIT = 3000;
export function invalidateFacetCache(db: Db): void {
  globalFacets.delete(db);
}

/**
 * Counts per facet value. Each facet is counted with every filter but its own applied, so
 * choosing Thailand still shows how many experts the other countries have. Facets without a
 * filter of their own share one matching set, counted in one pass over its facet rows.
 */
export function facetCounts(db: Db, input: ParsedInput<'experts.facets'>, walkLimit = FACET_WALK_LIMIT): Facets {
  const unfiltered = !ftsQuery(input.query) && facetNames.every((f) => input.filters[f].length === 0);
  if (unfiltered) {
    const cached = globalFacets.get(db);
    if (cached) return cached;
  }
  const out: Facets = { country: [], expertise: [], language: [], status: [] };
  const groups = new Map<FacetName | null, FacetName[]>();
  for (const facet of facetNames) {
    const key = input.filters[facet].length > 0 ? facet : null;
    groups.set(key, [...(groups.get(key) ?? []), facet]);
  }
  for (const [except, facets] of groups) {
    const m = except ? matchingRowids(input.query, input.filters, except) : matchingRowids(input.query, input.filters);
    const facetList = facets.map(() => '?').join(', ');
    let sql: string;
    let params: unknown[];
    if (!m) {
      sql = `SELECT facet, value, count(*) AS count FROM expert_facet WHERE facet IN (${facetList}) GROUP BY facet, value`;
      params = facets;
    } else if ((db.prepare(`SELECT count(*) FROM (${m.sql})`).pluck().get(...m.params) as number) <= walkLimit) {
      // Few matches: walk them and read their facet rows through the by-expert index.
      sql = `SELECT f.facet AS facet, f.value AS value, count(*) AS count FROM (${m.sql}) m
             JOIN expert_facet f INDEXED BY expert_facet_by_expert ON f.expert_rowid = m.rid
             WHERE f.facet IN (${facetList}) GROUP BY f.facet, f.value`;
      params = [...m.params, ...facets];
    } else {
      // Many: one pass over the facet rows, probing the set of matches.
      sql = `SELECT facet, value, count(*) AS count FROM expert_facet WHERE facet IN (${facetList}) AND expert_rowid IN (${m.sql}) GROUP BY facet, value`;
      params = [...facets, ...m.params];
    }
    const rows = db.prepare(sql).all(...params) as { facet: FacetName; value: string; count: number }[];
    for (const r of rows) out[r.facet].push({ value: r.value, count: r.count });
  }
  for (const facet of facetNames) out[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  if (unfiltered) globalFacets.set(db, out);
  return out;
}
