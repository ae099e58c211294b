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
  const out = keys.length > FEW_KEYS ? objectWithKeys(keys) : ({} as Record<string, unknown>);
  for (const key of keys) out[key] = inKeyOrder((value as Record<string, unknown>)[key]);
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
 * A new object with these keys in this order, each null, built as a literal would be: a copy
 * (spread) of a template parsed once per list of keys, which JSON.parse lays out like an object
 * literal. Objects made from one template share its layout, so code that reads them sees one
 * shape. Templates are kept for the last lists of keys seen (an import has one or two).
 */
function objectWithKeys(keys: readonly string[]): Record<string, unknown> {
  const signature = keys.join('\u0000');
  let template = templates.get(signature);
  if (!template) {
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    template = JSON.parse(`{${keys.map((k) => `${JSON.stringify(k)}:null`).join(',')}}`) as Record<string, null>;
    templates.set(signature, template);
  }
  return { ...template };
}
const templates = new Map<string, Record<string, null>>();
const MAX_TEMPLATES = 64;
