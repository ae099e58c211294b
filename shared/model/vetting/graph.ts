import type { Follow, VettingEvent } from './events';

/**
 * An application's events as a graph: each event's ancestors, a deterministic topological
 * order (ancestors first, ties by (at, id)), and what cannot be placed. Everything here is a
 * function of the *set* of events, never of the order they were delivered in.
 */
export interface EventGraph {
  /** Events in topological order; ties broken by (at, id), so every node gets the same order. */
  order: VettingEvent[];
  byId: ReadonlyMap<string, VettingEvent>;
  /** Every ancestor of each placed event (not the event itself). */
  ancestors: ReadonlyMap<string, ReadonlySet<string>>;
  /** The events that name each event in their `follows`. */
  children: ReadonlyMap<string, readonly string[]>;
  /** Events that name an event not (yet) received, directly or through an ancestor, or sit in a cycle. */
  waiting: { eventId: string; missing: string[] }[];
  /** A second event under an id already taken, with other content: kept out (the funnel refuses these). */
  duplicates: string[];
}

const before = (a: VettingEvent, b: VettingEvent) => (a.at !== b.at ? a.at < b.at : a.id < b.id);

export function buildGraph(events: readonly VettingEvent[]): EventGraph {
  const byId = new Map<string, VettingEvent>();
  const duplicates: string[] = [];
  // Same id twice: the smallest hash is kept, whatever the delivery order.
  for (const e of [...events].sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0))) {
    const held = byId.get(e.id);
    if (!held) byId.set(e.id, e);
    else if (held.hash !== e.hash) duplicates.push(e.id);
  }
  const pending = new Map<string, number>();
  const children = new Map<string, string[]>();
  const ready: VettingEvent[] = [];
  for (const e of byId.values()) {
    const parents = new Set(e.follows.map((f) => f.id));
    pending.set(e.id, parents.size);
    for (const p of parents) {
      let c = children.get(p);
      if (!c) children.set(p, (c = []));
      c.push(e.id);
    }
    if (parents.size === 0) ready.push(e);
  }
  const order: VettingEvent[] = [];
  const ancestors = new Map<string, Set<string>>();
  while (ready.length) {
    let min = 0;
    for (let i = 1; i < ready.length; i++) if (before(ready[i]!, ready[min]!)) min = i;
    const e = ready.splice(min, 1)[0]!;
    const mine = new Set<string>();
    for (const f of e.follows) {
      mine.add(f.id);
      for (const a of ancestors.get(f.id)!) mine.add(a);
    }
    ancestors.set(e.id, mine);
    order.push(e);
    for (const c of children.get(e.id) ?? []) {
      const left = pending.get(c)! - 1;
      pending.set(c, left);
      if (left === 0) ready.push(byId.get(c)!);
    }
  }
  const waiting: EventGraph['waiting'] = [];
  for (const e of byId.values()) {
    if (ancestors.has(e.id)) continue;
    waiting.push({ eventId: e.id, missing: e.follows.map((f) => f.id).filter((id) => !byId.has(id)).sort() });
  }
  waiting.sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
  return { order, byId, ancestors, children, waiting, duplicates: [...new Set(duplicates)].sort() };
}

/** The events of `within` that no other event of `within` follows, as { id, hash }, by id. */
export function headsOf(within: readonly VettingEvent[], children: ReadonlyMap<string, readonly string[]>): Follow[] {
  const ids = new Set(within.map((e) => e.id));
  return within
    .filter((e) => !(children.get(e.id) ?? []).some((c) => ids.has(c)))
    .map((e) => ({ id: e.id, hash: e.hash }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
