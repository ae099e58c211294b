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

/**
 * Remembers a pure function of a list (the keys of an object, say: every record of one kind
 * has the same ones; or a sheet's column mapping, the same for every row) for the last `max`
 * lists seen, found by comparing the lists item by item (===), so no key text is made and
 * hashed per call. The function gets its own copy of the list (a caller may change the array
 * it passed later); only speed depends on what is held, never a result.
 */
export function memoByList<T, I = string>(fn: (list: readonly I[]) => T, max = 8): (list: readonly I[]) => T {
  const held: { list: I[]; value: T }[] = [];
  return (list) => {
    for (let i = 0; i < held.length; i++) {
      const h = held[i]!;
      if (sameList(h.list, list)) return h.value;
    }
    const copy = [...list];
    const value = fn(copy);
    if (held.length >= max) held.pop();
    held.unshift({ list: copy, value });
    return value;
  };
}

function sameList<I>(a: readonly I[], b: readonly I[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
