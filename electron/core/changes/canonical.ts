/** The funnel's canonical JSON is shared/'s: vetting events hash the same text on every node, in any layer. */
export { canonicalJson } from '../../../shared/canonical';

/**
 * A copy of a JSON value whose plain objects have their keys in sorted order at every depth:
 * canonicalJson then writes it by JSON.stringify, natively, rather than key by key (a bulk
 * import builds each application's fields from the sheet in schema order; the funnel writes
 * them as canonical JSON). The copy is equal to the value, and its canonical text the same.
 * Anything that is not a plain object or an array is kept as it is (canonicalJson handles it).
 * (An object with integer-like keys stays unsorted in the copy: JavaScript puts those first.)
 */
export function inKeyOrder<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(inKeyOrder) as T;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const keys = Object.keys(value).sort();
  // Assigning "__proto__" would set the copy's prototype instead: such a value is kept as it is.
  if (keys.includes('__proto__')) return value;
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = inKeyOrder((value as Record<string, unknown>)[key]);
  return out as T;
}
