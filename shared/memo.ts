/**
 * Remembers a pure function of one string: names repeat their words (Nguyen, Van, Muhammad,
 * binti) across thousands of people, and re-indexing after a large sync folds and respells
 * each of them once instead of once per person. Emptied when full, so memory stays bounded;
 * only speed depends on what it holds, never a result.
 */
export function memoByString<T>(fn: (s: string) => T, max = 20_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= max) cache.clear();
      cache.set(s, (v = fn(s)));
    }
    return v;
  };
}
