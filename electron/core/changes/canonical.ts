import { sortedKeys } from '../../../shared/canonical';
import { memoByList } from '../../../shared/memo';

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
  const source = value as Record<string, unknown>;
  let keys: readonly string[];
  let out: Record<string, unknown>;
  const own = Object.keys(source);
  if (own.length > FEW_KEYS) {
    const layout = layoutOf(own);
    if (!layout) return value;
    keys = layout.keys;
    out = { ...layout.template };
  } else {
    keys = sortedKeys(source);
    // Assigning "__proto__" would set the copy's prototype instead: such a value is kept as it is.
    if (keys.includes('__proto__')) return value;
    out = {};
  }
  for (const key of keys) out[key] = inKeyOrder(source[key]);
  return out as T;
}

/**
 * V8 turns an object that gets more than about 16 properties added by computed name (obj[key]
 * = …) into a hash table ("dictionary mode"), for which JSON.stringify, for…in, spreading and
 * every read take slow paths — an application's fields have 21. Up to this many keys, an
 * object built key by key stays as fast as a literal.
 */
const FEW_KEYS = 12;

/**
 * For an object's keys in their own order: the keys sorted, and a template with them in that
 * order, each null, parsed by JSON.parse, which lays an object out as a literal would be. Its
 * copies (spread) are new objects of that layout, so code that reads them sees one shape.
 * Kept for the last lists of keys seen (an import has one or two); null for keys that hold
 * "__proto__" (such a value is kept as it is).
 */
const layoutOf = memoByList((own: readonly string[]) => {
  if (own.includes('__proto__')) return null;
  const keys = [...own].sort();
  const template = JSON.parse(`{${keys.map((k) => `${JSON.stringify(k)}:null`).join(',')}}`) as Record<string, null>;
  return { keys, template };
}, 16);
