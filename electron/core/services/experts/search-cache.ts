import type { Db } from '../../db/open';

/**
 * One hub for the per-connection state that search keeps in memory (orders, ranked lists,
 * facet counts): the expert projection calls expertsChanged for every expert row it writes,
 * and each holder drops or patches what those rows affect. Calls may come from a transaction
 * that later rolls back; holders must then only over-invalidate, never keep stale rows, so
 * they re-read the database rather than trust what the projection was writing.
 */
type Listener = (db: Db, rowids: readonly number[] | 'all') => void;
const listeners: Listener[] = [];

export function onExpertsChanged(listener: Listener): void {
  listeners.push(listener);
}

export function expertsChanged(db: Db, rowids: readonly number[] | 'all'): void {
  if (rowids !== 'all' && rowids.length === 0) return;
  for (const l of listeners) l(db, rowids);
}

/**
 * Results kept per query (ranked lists, facet counts) until the next write. Forgetting them
 * never changes an answer, only its cost: the bench does it to time a first keystroke.
 */
const forgetters: (() => void)[] = [];
export function onForgetQueryResults(forget: () => void): void {
  forgetters.push(forget);
}
export function forgetQueryResults(): void {
  for (const f of forgetters) f();
}

/** A small least-recently-used map, for results kept per query until the next write. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly size: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as K);
  }
}
