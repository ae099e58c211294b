import type { Facets, Output, ParsedInput, SearchFilters, SearchSort } from '../../../../shared/contract/methods';
import { AppError } from '../../../../shared/contract/result';
import type { ExpertSummary } from '../../../../shared/model/expert';
import { searchTokens } from '../../../../shared/text/fold';
import type { Db } from '../../db/open';
import { tagFilter, type TagFacet } from './tags';

/**
 * Directory search over the expert projection: FTS5 matching on folded text, facet filters
 * as tag terms in the same FTS5 expression (OR within a facet, AND across facets), and keyset
 * paging, so page 2,000 costs what page 1 costs.
 */

type SearchInput = ParsedInput<'experts.search'>;
const facetNames: TagFacet[] = ['country', 'expertise', 'language', 'status'];
/** The columns a typed query searches: everything but the tags. */
const TEXT_COLUMNS = '{names other_names agency position expertise portfolio}';

/**
 * `nguy han` → `"nguy"* "han"*`: every word typed must match the start of a word, so a
 * curator can type a few letters of each name ("tr hu" finds Trần Văn Hùng). A one-letter
 * word is kept only at the end, where it is being typed: elsewhere it is an initial or the
 * "e" of "e-government", and matches nearly everyone.
 */
export function ftsQuery(query: string): string | null {
  const all = searchTokens(query);
  const tokens = all.filter((t, i) => t.length > 1 || i === all.length - 1).slice(-12);
  return tokens.length ? tokens.map((t) => `"${t}"*`).join(' ') : null;
}

/** The whole FTS5 expression for a query and its filters, or null when nothing narrows the list. */
export function matchExpression(query: string, filters: SearchFilters, except?: TagFacet): string | null {
  const text = ftsQuery(query);
  const tags = tagFilter(filters, except);
  const parts = [text && `${TEXT_COLUMNS} : (${text})`, tags].filter(Boolean);
  return parts.length ? parts.join(' AND ') : null;
}

type Key = [number | string, number];

function encodeCursor(sort: SearchSort, key: Key): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key })).toString('base64url');
}

function decodeCursor(cursor: string, allowed: readonly SearchSort[]): { sort: SearchSort; key: Key } {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s: unknown; k: unknown };
    const k = c.k as Key;
    if (allowed.includes(c.s as SearchSort) && Array.isArray(k) && k.length === 2 && ['number', 'string'].includes(typeof k[0]) && Number.isInteger(k[1])) {
      return { sort: c.s as SearchSort, key: k };
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
/** Above this many matches, walking the name or date index beats sorting the matches. */
const DENSE_MATCHES = 2000;

const ORDER: Record<'name' | 'updated', { key: string; order: string; after: string; index: string }> = {
  name: { key: 'i.sort_name', order: 'i.sort_name, i.rowid', after: '(i.sort_name, i.rowid) > (?, ?)', index: 'expert_index_by_name' },
  updated: { key: 'i.updated_at', order: 'i.updated_at DESC, i.rowid DESC', after: '(i.updated_at, i.rowid) < (?, ?)', index: 'expert_index_by_updated' },
};

type Row = { rowid: number; k: number | string; summary: string };

export function searchExperts(db: Db, input: SearchInput, limits = { rank: RANK_LIMIT, dense: DENSE_MATCHES }): Output<'experts.search'> {
  const hasText = ftsQuery(input.query) !== null;
  const match = matchExpression(input.query, input.filters);
  const total = countMatches(db, match);
  const limit = input.limit + 1;
  // A cursor continues a list; without one the page starts at a position.
  const offset = input.cursor ? 0 : input.offset;

  let sort: SearchSort = input.sort === 'relevance' && (!hasText || total > limits.rank) ? 'name' : input.sort;
  let after: Key | null = null;
  if (input.cursor) {
    // The cursor fixes the order for the rest of the list, even if the data changed meanwhile.
    ({ sort, key: after } = decodeCursor(input.cursor, input.sort === 'relevance' && hasText ? ['relevance', 'name'] : [sort]));
  }

  let rows: Row[];
  if (sort === 'relevance') {
    // Rank and cut inside FTS5 (only rows matching text and filters are scored), then read
    // only the page's rows.
    const keyset = after ? 'AND (rank > ? OR (rank = ? AND rowid > ?))' : '';
    rows = db
      .prepare(
        `SELECT r.rowid AS rowid, r.rank AS k, i.summary AS summary
         FROM (SELECT rowid, rank FROM expert_fts WHERE expert_fts MATCH ? ${keyset} ORDER BY rank, rowid LIMIT ? OFFSET ?) r
         JOIN expert_index i ON i.rowid = r.rowid ORDER BY r.rank, r.rowid`,
      )
      .all(match, ...(after ? [after[0], after[0], after[1]] : []), limit, offset) as Row[];
  } else {
    const o = ORDER[sort];
    const where: string[] = [];
    const params: unknown[] = [];
    if (match) {
      where.push('i.rowid IN (SELECT rowid FROM expert_fts WHERE expert_fts MATCH ?)');
      params.push(match);
    }
    if (after) {
      where.push(o.after);
      params.push(...after);
    }
    // Many matches: walk the sorted index and stop after a page. Few: sort just those.
    const from = !match || total > limits.dense ? `expert_index i INDEXED BY ${o.index}` : 'expert_index i';
    rows = db
      .prepare(`SELECT i.rowid AS rowid, ${o.key} AS k, i.summary AS summary FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${o.order} LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as Row[];
  }

  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ ...(JSON.parse(r.summary) as ExpertSummary), match: null })),
    offset,
    total,
    sort,
    nextCursor: rows.length > input.limit && last ? encodeCursor(sort, [last.k, last.rowid]) : null,
  };
}

function countMatches(db: Db, match: string | null): number {
  return (match
    ? db.prepare('SELECT count(*) FROM expert_fts WHERE expert_fts MATCH ?').pluck().get(match)
    : db.prepare('SELECT count(*) FROM expert_index').pluck().get()) as number;
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
  const unfiltered = matchExpression(input.query, input.filters) === null;
  if (unfiltered) {
    const cached = globalFacets.get(db);
    if (cached) return cached;
  }
  const out: Facets = { country: [], expertise: [], language: [], status: [] };
  const groups = new Map<TagFacet | undefined, TagFacet[]>();
  for (const facet of facetNames) {
    const key = input.filters[facet].length > 0 ? facet : undefined;
    groups.set(key, [...(groups.get(key) ?? []), facet]);
  }
  for (const [except, facets] of groups) {
    const match = matchExpression(input.query, input.filters, except);
    const facetList = facets.map(() => '?').join(', ');
    let sql: string;
    let params: unknown[];
    if (!match) {
      sql = `SELECT facet, value, count(*) AS count FROM expert_facet WHERE facet IN (${facetList}) GROUP BY facet, value`;
      params = facets;
    } else if (countMatches(db, match) <= walkLimit) {
      // Few matches: walk them and read their facet rows through the by-expert index.
      sql = `SELECT f.facet AS facet, f.value AS value, count(*) AS count FROM (SELECT rowid AS rid FROM expert_fts WHERE expert_fts MATCH ?) m
             JOIN expert_facet f INDEXED BY expert_facet_by_expert ON f.expert_rowid = m.rid
             WHERE f.facet IN (${facetList}) GROUP BY f.facet, f.value`;
      params = [match, ...facets];
    } else {
      // Many: one pass over the facet rows, probing the set of matches.
      sql = `SELECT facet, value, count(*) AS count FROM expert_facet
             WHERE facet IN (${facetList}) AND expert_rowid IN (SELECT rowid FROM expert_fts WHERE expert_fts MATCH ?) GROUP BY facet, value`;
      params = [...facets, match];
    }
    const rows = db.prepare(sql).all(...params) as { facet: TagFacet; value: string; count: number }[];
    for (const r of rows) out[r.facet].push({ value: r.value, count: r.count });
  }
  for (const facet of facetNames) out[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  if (unfiltered) globalFacets.set(db, out);
  return out;
}
