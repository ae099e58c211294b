/**
 * JSON with object keys sorted at every level, so equal records are equal strings on every
 * node whatever order their fields arrived in. Written directly rather than by copying into
 * sorted objects: it runs for every change and every record the funnel writes.
 */
export function canonicalJson(value: unknown): string {
  // Most values arrive in canonical order already (parsed from canonical text: every entry of a
  // sync): then JSON.stringify writes the same text, natively, at a fraction of the cost.
  if (inCanonicalOrder(value)) return JSON.stringify(value) ?? 'null';
  return write(value) ?? 'null';
}

/**
 * True when JSON.stringify(value) is the canonical text: every object at every depth is a plain
 * one whose keys already run in sorted order (Object.keys' order is the one JSON.stringify
 * writes; integer-like keys, which objects put first, fail here when that is not sorted) and
 * none has a toJSON. Anything else (a Date, a Map) goes the long way, as before.
 */
function inCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!inCanonicalOrder(value[i])) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  let previous: string | null = null;
  for (const k in value) {
    if ((previous !== null && k <= previous) || k === 'toJSON' || !inCanonicalOrder((value as Record<string, unknown>)[k])) return false;
    previous = k;
  }
  return true;
}

function write(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (write(value[i]) ?? 'null');
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = write(obj[k]);
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${v}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * Object.keys(value) in sorted order (as .sort() orders strings: by UTF-16 code units). Keys
 * that come sorted already, as most do here, are checked and not sorted again; a few are sorted
 * by insertion: Array.prototype.sort sets up about 1.4 KB of working state per call, whatever
 * the length, and canonical JSON and event fields sort the keys of every object they copy.
 */
export function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  let sorted = true;
  for (let i = 1; sorted && i < keys.length; i++) sorted = keys[i - 1]! < keys[i]!;
  if (sorted) return keys;
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}
