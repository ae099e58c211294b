import type { EventName, EventPayload } from '../../shared/contract/events';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/** A small typed event hub: the core emits, transports subscribe. */
export class CoreEvents {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners.get(event) ?? []) {
      try {
        l(payload);
      } catch (e) {
        console.error(`A listener of ${event} failed`, e);
      }
    }
  }
}
