import type { Facets, ParsedInput, SearchFilters } from '../../../../shared/contract/methods';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import { Lru, onExpertsChanged, onForgetQueryResults } from './search-cache';
import { matchSet, rowsOf, type RowSet } from './search-plan';

const none: SearchFilters = { country: [], expertise: [], language: [], status: [] };
import type { TagFacet } from './tags';

/**
 * Facet counts. Each facet is counted with every filter but its own applied, so choosing
 * Thailand still shows how many experts the other countries have; facets without a filter of
 * their own share one matching set.
 *
 * A few matches are counted by reading each match's facet values (expert_index.facets). Many (a broad word
 * at 100,000 experts matches tens of thousands) are counted in memory: a snapshot of every
 * facet value's experts, against a bitmap of the matches, which is a pass over typed arrays
 * instead of reading each match's values. The snapshot is built once per connection; a write marks the
 * experts it touched, whose rows are then read fresh from the database and counted apart
 * until enough have piled up to rebuild it.
 */
const facetNames: TagFacet[] = ['country', 'expertise', 'language', 'status'];
/** Up to this many matches, reading each match's facet rows (a few µs each) beats the in-memory pass. */
const FACET_WALK_LIMIT = 1000;
/** Experts written since the snapshot, counted apart, before it is rebuilt. */
const DIRTY_LIMIT = 2000;

interface Snapshot {
  values: { facet: TagFacet; value: string; rowids: Int32Array }[];
  /** dirty[rowid] = 1: written since the snapshot; its entries there are ignored. */
  dirty: Uint8Array;
  dirtyRows: Set<number>;
}

const snapshots = new WeakMap<Db, Snapshot>();
let recent = new WeakMap<Db, Lru<string, Facets>>();
onForgetQueryResults(() => (recent = new WeakMap()));
onExpertsChanged((db, rowids) => {
  recent.delete(db);
  const snap = snapshots.get(db);
  if (!snap) return;
  if (rowids === 'all' || snap.dirtyRows.size + rowids.length > DIRTY_LIMIT) {
    snapshots.delete(db);
    return;
  }
  for (const r of rowids) {
    snap.dirtyRows.add(r);
    if (r < snap.dirty.length) snap.dirty[r] = 1;
  }
});

const statements = perConnection((db) => ({
  // Each expert's facet values, one JSON text per expert (expert_index.facets, migration 012).
  all: db.prepare('SELECT rowid, facets FROM expert_index').raw(),
  ofExpert: db.prepare('SELECT facets FROM expert_index WHERE rowid = ?').pluck(),
}));

/** "facet:value" as the projection stores it (projection.ts facetsJson), split. */
const pairOf = (text: string): [TagFacet, string] => {
  const at = text.indexOf(':');
  return [text.slice(0, at) as TagFacet, text.slice(at + 1)];
};

/** An expert's [facet, value] pairs, as the projection stored them. */
const ofExpert = (db: Db, rowid: number): [TagFacet, string][] => (JSON.parse((statements(db).ofExpert.get(rowid) as string | undefined) ?? '[]') as string[]).map(pairOf);

function snapshot(db: Db): Snapshot {
  let snap = snapshots.get(db);
  if (snap) return snap;
  // Each value's experts, gathered in plain arrays first (rowids arrive in order), then typed.
  const lists = new Map<string, number[]>();
  let max = 0;
  for (const [rowid, facets] of statements(db).all.all() as [number, string][]) {
    if (rowid > max) max = rowid;
    for (const key of JSON.parse(facets) as string[]) {
      let list = lists.get(key);
      if (!list) lists.set(key, (list = []));
      list.push(rowid);
    }
  }
  const values: Snapshot['values'] = [];
  for (const [key, rows] of lists) {
    const [facet, value] = pairOf(key);
    values.push({ facet, value, rowids: Int32Array.from(rows) });
  }
  snapshots.set(db, (snap = { values, dirty: new Uint8Array(max + 1), dirtyRows: new Set() }));
  return snap;
}

type Counts = Map<string, number>;
const add = (counts: Counts, facet: string, value: string, n: number) => {
  const key = `${facet}\u0000${value}`;
  counts.set(key, (counts.get(key) ?? 0) + n);
};

/** Counts over the in-memory snapshot; `members` null means every expert. */
function countInMemory(db: Db, facets: TagFacet[], members: Uint8Array | null): Counts {
  const snap = snapshot(db);
  const counts: Counts = new Map();
  const wanted = new Set(facets);
  // One 0/1 mask over the snapshot's rows, dirty rows cleared (they are counted below), so
  // the inner loop is a sum of bytes.
  const size = snap.dirty.length;
  let mask: Uint8Array | null = null;
  if (members || snap.dirtyRows.size > 0) {
    mask = new Uint8Array(size);
    if (members) mask.set(members.subarray(0, Math.min(members.length, size)));
    else mask.fill(1);
    for (const r of snap.dirtyRows) if (r < size) mask[r] = 0;
  }
  for (const v of snap.values) {
    if (!wanted.has(v.facet)) continue;
    let n = 0;
    if (!mask) n = v.rowids.length;
    else for (let i = 0; i < v.rowids.length; i++) n += mask[v.rowids[i]!]!;
    if (n > 0) add(counts, v.facet, v.value, n);
  }
  for (const r of snap.dirtyRows) {
    if (members && !(r < members.length && members[r])) continue;
    for (const [facet, value] of ofExpert(db, r)) if (facets.includes(facet)) add(counts, facet, value, 1);
  }
  return counts;
}

function countInSql(db: Db, facets: TagFacet[], set: RowSet): Counts {
  const rows = db
    .prepare(`SELECT i.facets FROM (SELECT rowid AS rid FROM ${set.table} WHERE ${set.table} MATCH ?) m JOIN expert_index i ON i.rowid = m.rid`)
    .pluck()
    .all(set.match) as string[];
  const wanted = new Set(facets);
  const counts: Counts = new Map();
  for (const text of rows)
    for (const pair of JSON.parse(text) as string[]) {
      const [facet, value] = pairOf(pair);
      if (wanted.has(facet)) add(counts, facet, value, 1);
    }
  return counts;
}

const bitmap = (ids: Int32Array) => {
  let max = 0;
  for (const r of ids) if (r > max) max = r;
  const bits = new Uint8Array(max + 1);
  for (const r of ids) bits[r] = 1;
  return bits;
};

/**
 * The experts a facet group counts: the text matches (`base`, null for all) narrowed by the
 * filters of every facet but the group's own, intersected from the snapshot's lists rather
 * than asked of FTS5 once per group. Rows written since the snapshot are judged by their
 * facet rows as the database holds them now.
 */
function narrowed(db: Db, snap: Snapshot, base: Uint8Array | null, filters: SearchFilters, except: TagFacet | undefined): Uint8Array | null {
  const applied = facetNames.filter((f) => f !== except && filters[f].length > 0);
  if (applied.length === 0) return base;
  let size = Math.max(snap.dirty.length, base?.length ?? 0);
  for (const r of snap.dirtyRows) size = Math.max(size, r + 1);
  const mask = new Uint8Array(size);
  if (base) mask.set(base);
  else mask.fill(1);
  const fresh = new Map<number, [TagFacet, string][]>();
  for (const r of snap.dirtyRows) fresh.set(r, ofExpert(db, r));
  for (const facet of applied) {
    const wanted = new Set<string>(filters[facet]);
    const hit = new Uint8Array(size);
    for (const v of snap.values) {
      if (v.facet !== facet || !wanted.has(v.value)) continue;
      for (const r of v.rowids) if (!snap.dirty[r]) hit[r] = 1;
    }
    for (const [r, rows] of fresh) if (rows.some(([f, value]) => f === facet && wanted.has(value))) hit[r] = 1;
    for (let i = 0; i < size; i++) mask[i]! &= hit[i]!;
  }
  return mask;
}

export function facetCounts(db: Db, input: ParsedInput<'experts.facets'>, walkLimit = FACET_WALK_LIMIT): Facets {
  let cache = recent.get(db);
  if (!cache) recent.set(db, (cache = new Lru(8)));
  const key = JSON.stringify([input.query, input.filters, walkLimit]);
  const cached = cache.get(key);
  if (cached) return cached;

  const groups = new Map<TagFacet | undefined, TagFacet[]>();
  for (const facet of facetNames) {
    const own = input.filters[facet].length > 0 ? facet : undefined;
    groups.set(own, [...(groups.get(own) ?? []), facet]);
  }
  // The words alone: few matches are counted in SQL per group, many in memory from one set.
  const text = matchSet(input.query, none);
  const textRows = text.table ? rowsOf(db, text) : null;
  const inSql = textRows !== null && textRows.length <= walkLimit;
  const base = textRows && !inSql ? bitmap(textRows) : null;
  const out: Facets = { country: [], expertise: [], language: [], status: [] };
  for (const [except, facets] of groups) {
    const counts = inSql
      ? countInSql(db, facets, matchSet(input.query, input.filters, except))
      : countInMemory(db, facets, narrowed(db, snapshot(db), base, input.filters, except));
    for (const [k, count] of counts) {
      const [facet, value] = k.split('\u0000') as [TagFacet, string];
      out[facet].push({ value, count });
    }
  }
  for (const facet of facetNames) out[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  cache.set(key, out);
  return out;
}
