import type { VettingEvent } from './events';
import { buildGraph, headsOf, type EventGraph } from './graph';
import { checkWellFormedNext, type StepVerdict } from './rules';
import { applyEffect, emptyState, transitionTypes, verdictOf, type ApplicationState, type ConflictSide } from './state';

/**
 * An application's state from its events: a pure function of the set of events, so every
 * node that holds the same events computes the same state, whatever order they came in.
 *
 * - Each event is judged against the state of its own ancestors — what its writer saw — with
 *   the same check a local write gets (rules.ts). One that fails is kept and flagged.
 * - Valid events are folded in the graph's order (ancestors first, ties by (at, id)).
 * - Two concurrent transitions with different verdicts are a conflict, unless a transition
 *   descends from both: that one resolves it and supersedes both sides and whatever
 *   followed them without seeing it (notes excepted: they are comments, never superseded).
 */
export function applicationState(events: readonly VettingEvent[]): ApplicationState {
  const first = events[0];
  if (events.length === 1 && first!.follows.length === 0) return loneEventState(first!);
  return stateOfGraph(events);
}

/**
 * applicationState of one event that follows nothing — an application just submitted, what a
 * bulk import or a first sync holds for most applications — without building its graph: the
 * event alone is the graph's order, judged against the state of no ancestors (the empty
 * state), folded if valid, and the only head. The same state stateOfGraph computes for it
 * (compute.test.ts compares them).
 */
function loneEventState(e: VettingEvent): ApplicationState {
  const verdict = checkWellFormedNext(emptyState(), e);
  const state = emptyState();
  if (verdict.ok) applyEffect(state, e);
  state.heads = [{ id: e.id, hash: e.hash }];
  if (state.applicationId === null) state.applicationId = e.applicationId;
  if (!verdict.ok) state.invalid.push({ eventId: e.id, code: verdict.code, message: verdict.message });
  return state;
}

/** applicationState through the event graph, for any set of events (exported for compute.test.ts). */
export function stateOfGraph(events: readonly VettingEvent[]): ApplicationState {
  // Events are well formed (vettingEventSchema): stored ones are read through eventFromRecord,
  // received ones were checked by value before they were stored.
  const graph = buildGraph(events);
  const verdicts = new Map<string, StepVerdict>();
  // Events that follow the same heads saw the same state (the two sides of a fork, often).
  const seenStates = new Map<string, ApplicationState>();
  for (const e of graph.order) {
    const key = e.follows.map((f) => f.id).sort().join(' ');
    let seen = seenStates.get(key);
    if (!seen) {
      const ancestors = graph.ancestors.get(e.id)!;
      seenStates.set(key, (seen = evaluate(graph, graph.order.filter((x) => ancestors.has(x.id)), verdicts)));
    }
    verdicts.set(e.id, checkWellFormedNext(seen, e));
  }
  const state = evaluate(graph, graph.order, verdicts);
  for (const e of graph.order) {
    const v = verdicts.get(e.id)!;
    if (!v.ok) state.invalid.push({ eventId: e.id, code: v.code, message: v.message });
  }
  for (const id of graph.duplicates) state.invalid.push({ eventId: id, code: 'DUPLICATE_ID', message: 'Two different events carry this id; the one with the smaller hash is kept.' });
  state.waiting = graph.waiting;
  return state;
}

type Ancestors = EventGraph['ancestors'];
// Module-level rather than closures of evaluate: it runs for every application a sync or an
// import writes, and a closure is a new function object each time (under tsx, also named by a
// defineProperty call each time).
const descendsOrIs = (anc: Ancestors, x: VettingEvent, of: string) => x.id === of || anc.get(x.id)!.has(of);
const concurrent = (anc: Ancestors, a: VettingEvent, b: VettingEvent) => !anc.get(a.id)!.has(b.id) && !anc.get(b.id)!.has(a.id);

/** The state folded from the valid events not superseded nor skipped, with the heads of `within`. */
function fold(graph: EventGraph, within: readonly VettingEvent[], valid: readonly VettingEvent[], superseded: ReadonlySet<string>, skip: ((e: VettingEvent) => boolean) | null): ApplicationState {
  const s = emptyState();
  for (const e of valid) if (!superseded.has(e.id) && !skip?.(e)) applyEffect(s, e);
  s.heads = headsOf(within, graph.children);
  s.superseded = within.filter((e) => superseded.has(e.id)).map((e) => e.id);
  if (s.applicationId === null && within[0]) s.applicationId = within[0].applicationId;
  return s;
}

/** The state of a part of the graph closed under ancestors, each event already judged. */
function evaluate(graph: EventGraph, within: readonly VettingEvent[], verdicts: ReadonlyMap<string, StepVerdict>): ApplicationState {
  const anc = graph.ancestors;
  const valid = within.filter((e) => verdicts.get(e.id)?.ok);

  // Resolutions can expose or retire other pairs, so repeat until nothing more is superseded.
  const superseded = new Set<string>();
  let unresolved: [VettingEvent, VettingEvent][] = [];
  for (;;) {
    const transitions = valid.filter((e) => transitionTypes.has(e.type) && !superseded.has(e.id));
    const newly = new Set<string>();
    unresolved = [];
    for (let i = 0; i < transitions.length; i++) {
      for (let j = i + 1; j < transitions.length; j++) {
        const a = transitions[i]!;
        const b = transitions[j]!;
        if (!concurrent(anc, a, b) || verdictOf(a) === verdictOf(b)) continue;
        const resolvers = transitions.filter((r) => anc.get(r.id)!.has(a.id) && anc.get(r.id)!.has(b.id));
        if (resolvers.length === 0) {
          unresolved.push([a, b]);
          continue;
        }
        for (const x of valid) {
          if (x.type === 'note' || superseded.has(x.id)) continue;
          if ((descendsOrIs(anc, x, a.id) || descendsOrIs(anc, x, b.id)) && !resolvers.some((r) => descendsOrIs(anc, x, r.id))) newly.add(x.id);
        }
      }
    }
    if (newly.size === 0) break;
    for (const id of newly) superseded.add(id);
  }

  if (unresolved.length === 0) return fold(graph, within, valid, superseded, null);

  // In conflict: the facts are those of the state before the disagreeing sides.
  const sideIds = new Set(unresolved.flat().map((e) => e.id));
  const inSide = (e: VettingEvent) => e.type !== 'note' && [...sideIds].some((id) => descendsOrIs(anc, e, id));
  const base = fold(graph, within, valid, superseded, inSide);
  const state = fold(graph, within, valid, superseded, inSide);
  const sides: ConflictSide[] = valid
    .filter((e) => sideIds.has(e.id))
    .map((e) => ({ eventId: e.id, type: e.type, verdict: verdictOf(e), at: e.at, by: e.by }));
  state.stage = 'conflict';
  state.stageSince = Math.max(...sides.map((s) => s.at));
  state.conflict = { sides, base };
  return state;
}
