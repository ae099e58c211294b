import type { SearchFilters, SearchSort } from '../../../../shared/contract/methods';
import { searchTokens } from '../../../../shared/text/fold';
import type { Db } from '../../db/open';
import { Lru, onExpertsChanged, onForgetQueryResults } from './search-cache';
import { globalOrder, type Order, type OrderName } from './search-order';
import { tagFilter, type TagFacet } from './tags';

/**
 * How a query becomes an ordered list. A list is a chain of nested sets S1 ⊆ S2 ⊆ … (each
 * an FTS5 query, or every expert); its k-th part is Sk minus S(k-1), and each part is in
 * name (or update) order. For relevance with text the sets are
 *   S1 every word is a whole word of the name       (`tran` → Trần)
 *   S2 every word starts a word of the name          (`tran` → Trang, Tranh)
 *   S3 every word starts a word of any text column   (`tran` → Transformation, as agency)
 * so whole-word name matches come first, then typed-prefix name matches, then the rest, and
 * ranking a broad word costs three counts and ordering only the rows a page needs. A
 * position maps to (part, index in part); a part is materialised once per query and kept
 * until the next write, so End and the scrollbar reach any row at the price of one.
 */

/** A set of experts: the rows of `table` that match `match`, or every expert when table is null. */
export interface RowSet {
  table: 'expert_fts' | 'expert_name_fts' | null;
  match: string | null;
}
export interface Plan {
  sort: SearchSort;
  /** The order within each part. */
  order: OrderName;
  /** The folded words typed, as searched (all as prefixes). */
  words: string[];
  sets: RowSet[];
}

/**
 * The words a query searches: folded, at most 12; a one-letter word only at the end, where it
 * is being typed (elsewhere it is an initial or the "e" of "e-government").
 */
export function queryWords(query: string): string[] {
  const all = searchTokens(query);
  return all.filter((t, i) => t.length > 1 || i === all.length - 1).slice(-12);
}

const quoted = (words: string[], prefix: boolean) => words.map((w) => `"${w}"${prefix ? '*' : ''}`).join(' ');

/**
 * The set of experts a query and filters select, as the list's total counts it. A lone
 * letter (the first keystroke) searches names only: it starts a word of nearly every
 * agency, position and portfolio, and a list of every expert helps nobody. A lone letter of
 * another script (the ส of สมชาย, the ស of សុខា) searches the names and their other
 * spellings, where native-script names are kept: in names only, the first keystroke of a
 * Thai, Lao, Khmer or Myanmar name would find nobody. Those letters start few words, so the
 * prefix needs no one-letter index there.
 */
export function matchSet(query: string, filters: SearchFilters, except?: TagFacet): RowSet {
  const words = queryWords(query);
  const tags = tagFilter(filters, except);
  if (words.length === 0) return tags ? { table: 'expert_fts', match: tags } : { table: null, match: null };
  const lone = words.length === 1 && words[0]!.length === 1 ? words[0]! : null;
  if (lone && !LATIN_OR_DIGIT.test(lone)) return { table: 'expert_fts', match: withTags(`{names other_names} : ${quoted(words, true)}`, tags) };
  return { table: lone ? 'expert_name_fts' : 'expert_fts', match: withTags(quoted(words, true), tags) };
}

const LATIN_OR_DIGIT = /^[\p{Script=Latin}\p{N}]$/u;

const withTags = (text: string, tags: string | null) => (tags ? `(${text}) AND ${tags}` : text);

export function planFor(query: string, filters: SearchFilters, sort: SearchSort): Plan {
  const words = queryWords(query);
  const whole = matchSet(query, filters);
  if (words.length === 0 || sort !== 'relevance') {
    return { sort: sort === 'relevance' ? 'name' : sort, order: sort === 'updated' ? 'updated' : 'name', words, sets: [whole] };
  }
  const tags = tagFilter(filters);
  const sets: RowSet[] = [
    { table: 'expert_name_fts', match: withTags(quoted(words, false), tags) },
    { table: 'expert_name_fts', match: withTags(quoted(words, true), tags) },
  ];
  if (whole.table === 'expert_fts') sets.push(whole);
  return { sort, order: 'name', words, sets };
}

/**
 * The rows of a set. Kept per query until the next write: search and facets ask for the same
 * set on every keystroke, and scrolling asks again.
 */
export function rowsOf(db: Db, set: RowSet): Int32Array {
  if (!set.table) return globalOrder(db, 'name').rowids;
  let cache = memberSets.get(db);
  if (!cache) memberSets.set(db, (cache = new Lru(16)));
  const key = `${set.table}\u0000${set.match}`;
  let rows = cache.get(key);
  if (!rows) cache.set(key, (rows = Int32Array.from(db.prepare(`SELECT rowid FROM ${set.table} WHERE ${set.table} MATCH ?`).pluck().all(set.match) as number[])));
  return rows;
}
let memberSets = new WeakMap<Db, Lru<string, Int32Array>>();
onExpertsChanged((db) => memberSets.delete(db));
onForgetQueryResults(() => (memberSets = new WeakMap()));

/** How many rows a set holds: counted by FTS5 unless the rows are already at hand. */
export function sizeOf(db: Db, set: RowSet): number {
  if (!set.table) return globalOrder(db, 'name').rowids.length;
  const held = memberSets.get(db)?.get(`${set.table}\u0000${set.match}`);
  return held ? held.length : (db.prepare(`SELECT count(*) FROM ${set.table} WHERE ${set.table} MATCH ?`).pluck().get(set.match) as number);
}

/** A plan run against the data: set sizes now, sets and ordered parts as they are needed. */
export class PlannedList {
  readonly sizes: number[];
  readonly total: number;
  private readonly parts: (Int32Array | undefined)[] = [];

  /** `reach`: how far into the list the first request goes; a set needed for it is read whole, not counted. */
  constructor(
    private readonly db: Db,
    readonly plan: Plan,
    reach = 0,
  ) {
    const counts: number[] = [];
    for (const set of plan.sets) {
      const before = counts[counts.length - 1] ?? 0;
      // The last set is read anyway when the earlier ones do not fill the first request.
      if (set === plan.sets[plan.sets.length - 1] && before < reach) rowsOf(db, set);
      counts.push(sizeOf(db, set));
    }
    // Nested sets: each part holds what its set adds to the one before.
    this.sizes = counts.map((c, k) => c - (k > 0 ? counts[k - 1]! : 0));
    this.total = counts[counts.length - 1]!;
  }

  get order(): Order {
    return globalOrder(this.db, this.plan.order);
  }

  private set(k: number): Int32Array {
    return rowsOf(this.db, this.plan.sets[k]!);
  }

  /** Part k's rows, in order. */
  part(k: number): Int32Array {
    const done = this.parts[k];
    if (done) return done;
    const order = this.order;
    const set = this.plan.sets[k]!;
    let rows: Int32Array;
    if (!set.table && k === 0) {
      rows = order.rowids;
    } else {
      const members = this.set(k);
      const { pos } = order;
      let before: Uint8Array | null = null;
      if (k > 0) {
        before = new Uint8Array(pos.length);
        for (const r of this.set(k - 1)) if (r < pos.length) before[r] = 1;
      }
      // Positions in the global order of the rows this part adds (rows the order does not
      // know, written since it was built, cannot occur: a write drops the order).
      const at = new Int32Array(members.length);
      let n = 0;
      for (const r of members) if (r < pos.length && pos[r]! >= 0 && !(before && before[r])) at[n++] = pos[r]!;
      let sorted: Int32Array;
      if (n * 8 < order.rowids.length) {
        // Few rows: sort their positions.
        sorted = at.subarray(0, n).sort();
      } else {
        // Many: mark them and read the marks in order.
        const mark = new Uint8Array(order.rowids.length);
        for (let i = 0; i < n; i++) mark[at[i]!] = 1;
        sorted = new Int32Array(n);
        let j = 0;
        for (let p = 0; p < mark.length; p++) if (mark[p]) sorted[j++] = p;
      }
      rows = new Int32Array(n);
      for (let i = 0; i < n; i++) rows[i] = order.rowids[sorted[i]!]!;
    }
    this.parts[k] = rows;
    return rows;
  }

  /** The rows at positions [from, from + n), each with the part it belongs to. */
  slice(from: number, n: number): { rowid: number; part: number }[] {
    const out: { rowid: number; part: number }[] = [];
    let start = 0;
    for (let k = 0; k < this.sizes.length && out.length < n; k++) {
      const size = this.sizes[k]!;
      const end = start + size;
      if (size > 0 && from + out.length < end) {
        const rows = this.part(k);
        for (let i = from + out.length - start; i < rows.length && out.length < n; i++) out.push({ rowid: rows[i]!, part: k });
      }
      start = end;
    }
    return out;
  }

  /** The list position of the first row of part k at or after index `at` of the global order. */
  positionFrom(k: number, at: number): number {
    const rows = this.part(k);
    const pos = this.order.pos;
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pos[rows[mid]!]! < at) lo = mid + 1;
      else hi = mid;
    }
    return this.sizes.slice(0, k).reduce((a, b) => a + b, 0) + lo;
  }
}

/** Planned lists kept per connection and query until the next write: scrolling reuses them. */
let lists = new WeakMap<Db, Lru<string, PlannedList>>();
onExpertsChanged((db) => lists.delete(db));
onForgetQueryResults(() => (lists = new WeakMap()));

export function plannedList(db: Db, plan: Plan, reach = 0): PlannedList {
  let cache = lists.get(db);
  if (!cache) lists.set(db, (cache = new Lru(8)));
  const key = JSON.stringify([plan.order, plan.sets]);
  let list = cache.get(key);
  if (!list) cache.set(key, (list = new PlannedList(db, plan, reach)));
  return list;
}
