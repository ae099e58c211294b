import { sealEvent, type EventType, type Payloads, type VettingEvent } from './events';
import type { ApplicationState } from './state';

export type EventDraft<K extends EventType = EventType> = { id: string; applicationId: string; type: K; payload: Payloads[K]; at: number; by: string };

/** The next event of an application in `state`: it follows every head, and is sealed with its hash. */
export function nextEvent<K extends EventType>(state: Pick<ApplicationState, 'heads'>, draft: EventDraft<K>): VettingEvent {
  return sealEvent({ ...draft, follows: state.heads.map((h) => ({ hash: h.hash, id: h.id })) } as never);
}
