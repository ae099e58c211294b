import { sha256Hex } from './hash';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A name-based id: every node that derives an id from the same name gets the same id, offline
 * and without asking anyone, so two laptops that make "the same" record write one record that
 * the funnel merges field by field, not two. (A random uuidv7, shared/ids.ts, is for records
 * that are new each time they are made.)
 *
 * The format is an RFC 9562 UUID, version 8 (custom), which the id schema accepts like any
 * other: the first 48 bits are those of `timeOf` — a UUIDv7 of the record the name is about,
 * so they are its creation millisecond and the derived id sorts near it — then the version,
 * 12 + 62 bits of the SHA-256 of the name around the variant bits. The name is the JSON array
 * of `parts`, so no two different lists of parts share a name; start it with a word saying
 * what kind of record it names, so two kinds never share an id either.
 */
export function derivedId(timeOf: string, parts: readonly string[]): string {
  if (!UUID.test(timeOf)) throw new Error(`derivedId: ${JSON.stringify(timeOf)} is not a lower-case UUID to take the time from.`);
  const h = sha256Hex(JSON.stringify(parts));
  const variant = (0x8 | (parseInt(h[3]!, 16) & 0x3)).toString(16);
  return `${timeOf.slice(0, 13)}-8${h.slice(0, 3)}-${variant}${h.slice(4, 7)}-${h.slice(7, 19)}`;
}
