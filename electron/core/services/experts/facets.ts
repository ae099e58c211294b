import type { Facets, ParsedInput } from '../../../../shared/contract/methods';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import { Lru, onExpertsChanged, onForgetQueryResults } from './search-cache';
import { matchSet, rowsOf, type RowSet } from './search-plan';
import type { TagFacet } from './tags';

/**
 * Facet counts. Each facet is counted with every filter but its own applied, so choosing
 * Thailand still shows how many experts the other countries have; facets without a filter of
 * their own share one matching set.
 *
 * A few matches are counted in SQLite by reading each match's facet rows. Many (a broad word
 * at 100,000 experts matches tens of thousands) are counted in memory: a snapshot of every
 * facet value's experts, against a bitmap of the matches, which is a pass over typed arrays
 * instead of a join per match. The snapshot is built once per connection; a write marks the
 * experts it touched, whose rows are then read fresh from the database and counted apart
 * until enough have piled up to rebuild it.
 */
const facetNames: TagFacet[] = ['country', 'expertise', 'language', 'status'];
/** Up to this many matches, reading each match's facet rows beats the in-memory pass. */
const FACET_WALK_LIMIT = 3000;
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
  all: db.prepare('SELECT facet, value, expert_rowid FROM expert_facet ORDER BY facet, value, expert_rowid').raw(),
  ofExpert: db.prepare('SELECT facet, value FROM expert_facet WHERE expert_rowid = ?').raw(),
}));

function snapshot(db: Db): Snapshot {
  let snap = snapshots.get(db);
  if (snap) return snap;
  const values: Snapshot['values'] = [];
  let current: { facet: TagFacet; value: string; rowids: number[] } | null = null;
  let max = 0;
  for (const [facet, value, rowid] of statements(db).all.iterate() as Iterable<[TagFacet, string, number]>) {
    if (!current || current.facet !== facet || current.value !== value) {
      if (current) values.push({ ...current, rowids: Int32Array.from(current.rowids) });
      current = { facet, value, rowids: [] };
    }
    current.rowids.push(rowid);
    if (rowid > max) max = rowid;
  }
  if (current) values.push({ ...current, rowids: Int32Array.from(current.rowids) });
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
  const { dirty } = snap;
  const anyDirty = snap.dirtyRows.size > 0;
  for (const v of snap.values) {
    if (!facets.includes(v.facet)) continue;
    let n = 0;
    for (const r of v.rowids) if ((!members || (r < members.length && members[r])) && !(anyDirty && dirty[r])) n++;
    if (n > 0) add(counts, v.facet, v.value, n);
  }
  const ofExpert = statements(db).ofExpert;
  for (const r of snap.dirtyRows) {
    if (members && !(r < members.length && members[r])) continue;
    for (const [facet, value] of ofExpert.all(r) as [TagFacet, string][]) if (facets.includes(facet)) add(counts, facet, value, 1);
  }
  return counts;
}

function countInSql(db: Db, facets: TagFacet[], set: RowSet): Counts {
  const rows = db
    .prepare(
      `SELECT f.facet, f.value, count(*) FROM (SELECT rowid AS rid FROM ${set.table} WHERE ${set.table} MATCH ?) m
       JOIN expert_facet f INDEXED BY expert_facet_by_expert ON f.expert_rowid = m.rid
       WHERE f.facet IN (${facets.map(() => '?').join(', ')}) GROUP BY f.facet, f.value`,
    )
    .raw()
    .all(set.match, ...facets) as [string, string, number][];
  const counts: Counts = new Map();
  for (const [facet, value, n] of rows) add(counts, facet, value, n);
  return counts;
}

function countSet(db: Db, facets: TagFacet[], set: RowSet, walkLimit: number): Counts {
  if (!set.table) return countInMemory(db, facets, null);
  // The rows are read whole (and kept: the search for the same keystroke reads the same set).
  const ids = rowsOf(db, set);
  if (ids.length <= walkLimit) return countInSql(db, facets, set);
  let max = 0;
  for (const r of ids) if (r > max) max = r;
  const members = new Uint8Array(max + 1);
  for (const r of ids) members[r] = 1;
  return countInMemory(db, facets, members);
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
  const out: Facets = { country: [], expertise: [], language: [], status: [] };
  for (const [except, facets] of groups) {
    for (const [k, count] of countSet(db, facets, matchSet(input.query, input.filters, except), walkLimit)) {
      const [facet, value] = k.split('\u0000') as [TagFacet, string];
      out[facet].push({ value, count });
    }
  }
  for (const facet of facetNames) out[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  cache.set(key, out);
  return out;
}
