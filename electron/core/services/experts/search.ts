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

/** `nguy han` → `"nguy"* "han"*`: every word must match the start of a word. */
export function ftsQuery(query: string): string | null {
  const tokens = searchTokens(query).slice(0, 12);
  return tokens.length ? tokens.map((t) => `"${t}"*`).join(' ') : null;
}

interface Clause {
  from: string;
  where: string[];
  params: unknown[];
}

function matching(query: string, filters: SearchFilters, except?: FacetName): Clause {
  const fts = ftsQuery(query);
  const c: Clause = fts
    ? { from: 'expert_fts f JOIN expert_index i ON i.rowid = f.rowid', where: ['expert_fts MATCH ?'], params: [fts] }
    : { from: 'expert_index i', where: [], params: [] };
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

function encodeCursor(sort: SearchSort, key: Key): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key })).toString('base64url');
}

function decodeCursor(cursor: string, sort: SearchSort): Key {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s: unknown; k: unknown };
    const k = c.k as Key;
    if (c.s === sort && Array.isArray(k) && k.length === 2 && ['number', 'string'].includes(typeof k[0]) && Number.isInteger(k[1])) return k;
  } catch {
    // fall through to the error below
  }
  throw new AppError('INVALID_INPUT', 'The list position is no longer valid. Search again from the top.');
}

export function searchExperts(db: Db, input: SearchInput): Output<'experts.search'> {
  const hasQuery = ftsQuery(input.query) !== null;
  const sort: SearchSort = input.sort === 'relevance' && !hasQuery ? 'name' : input.sort;
  const base = matching(input.query, input.filters);
  const total = db.prepare(`SELECT count(*) FROM ${base.from} ${whereSql(base.where)}`).pluck().get(...base.params) as number;

  const where = [...base.where];
  const params = [...base.params];
  let keyExpr: string;
  let order: string;
  if (sort === 'relevance') {
    keyExpr = 'f.rank';
    order = 'f.rank, i.rowid';
    if (input.cursor) {
      const [rank, rowid] = decodeCursor(input.cursor, sort);
      where.push('(f.rank > ? OR (f.rank = ? AND i.rowid > ?))');
      params.push(rank, rank, rowid);
    }
  } else if (sort === 'name') {
    keyExpr = 'i.sort_name';
    order = 'i.sort_name, i.rowid';
    if (input.cursor) {
      where.push('(i.sort_name, i.rowid) > (?, ?)');
      params.push(...decodeCursor(input.cursor, sort));
    }
  } else {
    keyExpr = 'i.updated_at';
    order = 'i.updated_at DESC, i.rowid DESC';
    if (input.cursor) {
      where.push('(i.updated_at, i.rowid) < (?, ?)');
      params.push(...decodeCursor(input.cursor, sort));
    }
  }
  const rows = db
    .prepare(`SELECT i.rowid AS rowid, ${keyExpr} AS k, i.summary AS summary FROM ${base.from} ${whereSql(where)} ORDER BY ${order} LIMIT ?`)
    .all(...params, input.limit + 1) as { rowid: number; k: number | string; summary: string }[];
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => JSON.parse(r.summary) as ExpertSummary),
    total,
    nextCursor: rows.length > input.limit && last ? encodeCursor(sort, [last.k, last.rowid]) : null,
  };
}

/**
 * Counts per facet value. Each facet is counted with every filter but its own applied, so
 * choosing Thailand still shows how many experts the other countries have.
 */
export function facetCounts(db: Db, input: ParsedInput<'experts.facets'>): Facets {
  const out = {} as Facets;
  for (const facet of facetNames) {
    const m = matching(input.query, input.filters, facet);
    const scoped = m.where.length > 0 || m.from !== 'expert_index i';
    const sql = scoped
      ? `SELECT value, count(*) AS count FROM expert_facet WHERE facet = ? AND expert_rowid IN (SELECT i.rowid FROM ${m.from} ${whereSql(m.where)}) GROUP BY value`
      : 'SELECT value, count(*) AS count FROM expert_facet WHERE facet = ? GROUP BY value';
    const rows = db.prepare(sql).all(facet, ...(scoped ? m.params : [])) as { value: string; count: number }[];
    out[facet] = rows.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return out;
}
