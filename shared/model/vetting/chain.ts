import { eventHash, type VettingEvent } from './events';

export interface ChainReport {
  ok: boolean;
  /** Events altered after the fact, each with every sign of it found. */
  altered: { eventId: string; signs: ({ code: 'CONTENT' } | { code: 'FOLLOWER'; followerId: string })[] }[];
  /** Events named in a `follows` that are not among those given (not synced yet, or deleted). */
  missing: { eventId: string; followerId: string }[];
}

/**
 * Checks an application's events against their hashes: an event whose content no longer
 * hashes to its `hash` was changed; an event whose hash no longer matches what a follower
 * recorded of it was changed and re-hashed. Only a head changed and re-hashed escapes (no
 * follower vouches for it); its next follower will.
 */
export function verifyChain(events: readonly VettingEvent[]): ChainReport {
  const byId = new Map<string, VettingEvent[]>();
  for (const e of events) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
  const signs = new Map<string, ChainReport['altered'][number]['signs']>();
  const sign = (id: string, s: ChainReport['altered'][number]['signs'][number]) => signs.set(id, [...(signs.get(id) ?? []), s]);
  const missing: ChainReport['missing'] = [];
  for (const e of events) if (eventHash(e) !== e.hash) sign(e.id, { code: 'CONTENT' });
  for (const e of events) {
    for (const f of e.follows) {
      const held = byId.get(f.id);
      if (!held) missing.push({ eventId: f.id, followerId: e.id });
      else if (held.some((h) => h.hash !== f.hash)) sign(f.id, { code: 'FOLLOWER', followerId: e.id });
    }
  }
  const altered = [...signs].map(([eventId, s]) => ({ eventId, signs: s })).sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
  missing.sort((a, b) => (a.eventId === b.eventId ? (a.followerId < b.followerId ? -1 : 1) : a.eventId < b.eventId ? -1 : 1));
  return { ok: altered.length === 0 && missing.length === 0, altered, missing };
}
