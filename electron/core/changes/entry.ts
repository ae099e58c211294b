import type { WireChange } from '../../../shared/sync/protocol';
import { canonicalJson } from './canonical';
import type { Change } from './types';

/**
 * An entry as one node passes it to another: a change, plus upstream's verdict when upstream
 * refused it (shared/sync/protocol.ts WireChange; `code` is the stable refusal code).
 */
export type Entry = WireChange & { code?: string };

/** A change as this node keeps it, with where it stands here. */
export type HeldEntry =
  | { state: 'applied'; digest: string }
  | { state: 'refused'; digest: string; reason: string; code: string; upstream: boolean };

const text = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The change an entry carries, in the shape stored and served: the eight envelope keys only
 * (a downstream `refused` flag and unknown keys dropped), every key present and of its wire
 * type. A malformed value is kept as text (it is rejected by value anyway and shown as sent),
 * so that a stored refused change is a valid wire entry and compares equal to a resend.
 */
export function normalizeChange(origin: string, seq: number, raw: unknown): Change {
  const c = (isPlainObject(raw) ? raw : {}) as Record<string, unknown>;
  return {
    origin,
    seq,
    hlc: text(c.hlc),
    actor: text(c.actor),
    entity: text(c.entity),
    id: text(c.id),
    op: text(c.op) as 'put',
    fields: isPlainObject(c.fields) ? c.fields : {},
  };
}

/**
 * What must be equal for two entries under one (origin, seq) to be the same change. `fieldsJson`
 * is canonical JSON (as the log stores it), so equal fields are equal text on every node.
 */
export const digestOf = (c: Pick<Change, 'hlc' | 'actor' | 'entity' | 'id' | 'op'>, fieldsJson: string): string =>
  `${c.hlc}\u0000${c.actor}\u0000${c.entity}\u0000${c.id}\u0000${c.op}\u0000${fieldsJson}`;

export const changeDigest = (c: Change): string => digestOf(c, canonicalJson(c.fields));
