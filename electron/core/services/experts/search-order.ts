import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import { onExpertsChanged } from './search-cache';

/**
 * Every expert's place in the two orders the directory lists by (name, and last update),
 * held in memory per connection: `rowids` in order, and `pos[rowid]` its index (-1 for no
 * expert). With it, any set of matching rows is put in order by one pass over `rowids` or by
 * sorting a few positions, never by asking SQLite to sort thousands of matches. Built on
 * first use from the covering indexes (tens of milliseconds at 100,000 experts) and dropped
 * on any write to the experts.
 */
export type OrderName = 'name' | 'updated';
export interface Order {
  rowids: Int32Array;
  pos: Int32Array;
}

const orders = new WeakMap<Db, Partial<Record<OrderName, Order>>>();
onExpertsChanged((db) => orders.delete(db));

const SQL: Record<OrderName, { all: string; after: string }> = {
  name: {
    all: 'SELECT rowid FROM expert_index INDEXED BY expert_index_by_name ORDER BY sort_name, rowid',
    after: 'SELECT (sort_name, rowid) > (?, ?) FROM expert_index WHERE rowid = ?',
  },
  updated: {
    all: 'SELECT rowid FROM expert_index INDEXED BY expert_index_by_updated ORDER BY updated_at DESC, rowid DESC',
    after: 'SELECT (updated_at, rowid) < (?, ?) FROM expert_index WHERE rowid = ?',
  },
};
const statements = perConnection((db) => ({
  name: { all: db.prepare(SQL.name.all).pluck(), after: db.prepare(SQL.name.after).pluck() },
  updated: { all: db.prepare(SQL.updated.all).pluck(), after: db.prepare(SQL.updated.after).pluck() },
}));

export function globalOrder(db: Db, name: OrderName): Order {
  let held = orders.get(db);
  if (!held) orders.set(db, (held = {}));
  let order = held[name];
  if (!order) {
    const rowids = Int32Array.from(statements(db)[name].all.all() as number[]);
    let max = 0;
    for (const r of rowids) if (r > max) max = r;
    const pos = new Int32Array(max + 1).fill(-1);
    rowids.forEach((r, i) => (pos[r] = i));
    held[name] = order = { rowids, pos };
  }
  return order;
}

/**
 * The index in `order` of the first expert that comes after the key (sort_name or
 * updated_at, then rowid), found by binary search with SQLite doing each comparison, so the
 * answer follows SQLite's own collation exactly, even for a key whose row has since changed.
 */
export function indexAfter(db: Db, name: OrderName, key: string | number, rowid: number): number {
  const order = globalOrder(db, name);
  const after = statements(db)[name].after;
  let lo = 0;
  let hi = order.rowids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after.get(key, rowid, order.rowids[mid]) === 1) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
