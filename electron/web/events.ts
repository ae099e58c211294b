import { eventNames, type EventName, type EventPayload } from '../../shared/contract';
import type { Subscribe } from './server';

/** The part of the core that emits events (its `on`), typed here so this file needs no core import. */
export interface EventSource {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * Turns the core's per-event `on` into one listener for every event in the contract, which
 * is what an SSE stream forwards. Unsubscribing removes every registration it made.
 */
export function subscribeToCore(source: EventSource): Subscribe {
  return (listener) => {
    const offs = eventNames.map((name) => source.on(name, (payload) => listener(name, payload)));
    return () => {
      for (const off of offs) off();
    };
  };
}
