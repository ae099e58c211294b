import type { Db } from './open';

/**
 * Prepares a module's statements once per connection and hands back the same set after that:
 * for statements that run on hot paths (every change applied, every record re-indexed).
 */
export function perConnection<T>(prepare: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let s = cache.get(db);
    if (s === undefined) cache.set(db, (s = prepare(db)));
    return s;
  };
}
