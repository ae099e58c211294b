import type { Output, ParsedInput, SearchSort } from '../../../../shared/contract/methods';
import { AppError } from '../../../../shared/contract/result';
import type { ExpertSummary } from '../../../../shared/model/expert';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import { matchOf, type MatchSource } from './search-match';
import { indexAfter } from './search-order';
import { plannedList, planFor, type Plan } from './search-plan';

/**
 * Directory search over the expert projection: FTS5 matching on folded text, facet filters
 * as tag terms in the same FTS5 expression (OR within a facet, AND across facets), relevance
 * as tiers of nested matches (search-plan.ts), and rows fetched by position or by keyset
 * cursor from lists ordered in memory, so the last page costs what the first does.
 */

type SearchInput = ParsedInput<'experts.search'>;

/**
 * A cursor names the last row shown by its sort key: [sort_name, rowid] by name,
 * [updated_at, rowid] by update, ["<part>:<sort_name>", rowid] by relevance. It keeps its
 * place even when rows before it are added or removed.
 */
type Key = [number | string, number];

function encodeCursor(sort: SearchSort, key: Key): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key })).toString('base64url');
}

const staleCursor = () => new AppError('INVALID_INPUT', 'The list position is no longer valid. Search again from the top.');

function decodeCursor(cursor: string, sort: SearchSort): Key {
  let c: { s: unknown; k: unknown };
  try {
    c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s: unknown; k: unknown };
  } catch {
    throw staleCursor();
  }
  const k = c.k as Key;
  const keyType = sort === 'updated' ? 'number' : 'string';
  if (c.s === sort && Array.isArray(k) && k.length === 2 && typeof k[0] === keyType && Number.isInteger(k[1])) return k;
  throw staleCursor();
}

/** The list position just after the cursor's row. */
function positionAfter(db: Db, plan: Plan, list: ReturnType<typeof plannedList>, key: Key): number {
  let part = 0;
  let sortKey = key[0];
  if (plan.sort === 'relevance') {
    const m = /^(\d+):([^]*)$/.exec(String(key[0]));
    part = m ? Number(m[1]) : -1;
    if (!m || part >= plan.sets.length) throw staleCursor();
    sortKey = m[2]!;
  }
  return list.positionFrom(part, indexAfter(db, plan.order, sortKey, key[1]));
}

const statements = perConnection((db) => ({
  row: db.prepare('SELECT sort_name, updated_at, summary FROM expert_index WHERE rowid = ?'),
  source: db.prepare('SELECT data FROM expert_match_source WHERE rowid = ?').pluck(),
}));

export function searchExperts(db: Db, input: SearchInput): Output<'experts.search'> {
  const plan = planFor(input.query, input.filters, input.sort);
  const list = plannedList(db, plan, input.cursor ? Infinity : input.offset + input.limit);
  const offset = input.cursor ? positionAfter(db, plan, list, decodeCursor(input.cursor, plan.sort)) : input.offset;
  const page = list.slice(offset, input.limit);
  const s = statements(db);
  // In a relevance list the name parts matched by name; elsewhere each row is checked.
  const nameParts = plan.sort === 'relevance' ? 2 : 0;
  let lastKey: Key | null = null;
  const items = page.flatMap(({ rowid, part }) => {
    // Lists are dropped on every write through this connection; a row another connection
    // removed meanwhile is left out rather than failing the page.
    const row = s.row.get(rowid) as { sort_name: string; updated_at: number; summary: string } | undefined;
    if (!row) return [];
    const summary = JSON.parse(row.summary) as ExpertSummary;
    const sortKey = plan.sort === 'updated' ? row.updated_at : plan.sort === 'relevance' ? `${part}:${row.sort_name}` : row.sort_name;
    lastKey = [sortKey, rowid];
    let match = null;
    if (part >= nameParts && plan.words.length > 0) {
      const source = s.source.get(rowid) as string | undefined;
      match = matchOf(plan.words, summary, source ? (JSON.parse(source) as MatchSource) : null);
    }
    return [{ ...summary, match }];
  });
  const more = offset + items.length < list.total;
  return {
    items,
    offset,
    total: list.total,
    sort: plan.sort,
    nextCursor: more && lastKey ? encodeCursor(plan.sort, lastKey) : null,
  };
}

export { facetCounts } from './facets';
