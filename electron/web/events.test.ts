import { describe, expect, it } from 'vitest';
import { eventNames, type EventName } from '../../shared/contract';
import { subscribeToCore, type EventSource } from './events';

/** A minimal emitter with the core's `on` signature. */
function fakeSource() {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const source: EventSource = {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  const emit = (event: EventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  const count = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);
  return { source, emit, count };
}

describe('subscribeToCore', () => {
  it('forwards every contract event with its name, and unsubscribes from all of them', () => {
    const { source, emit, count } = fakeSource();
    const seen: [string, unknown][] = [];
    const off = subscribeToCore(source)((event, payload) => seen.push([event, payload]));
    expect(count()).toBe(eventNames.length);
    emit('changed', { entities: ['expert'] });
    emit('progress', { task: 'demo', done: 1, total: 2, finished: false });
    expect(seen).toEqual([
      ['changed', { entities: ['expert'] }],
      ['progress', { task: 'demo', done: 1, total: 2, finished: false }],
    ]);
    off();
    expect(count()).toBe(0);
    emit('changed', { entities: [] });
    expect(seen).toHaveLength(2);
  });
});
