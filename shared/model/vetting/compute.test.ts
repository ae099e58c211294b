import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextEvent } from './build';
import { applicationState, stateOfGraph } from './compute';
import { eventTypes, type Payloads } from './events';
import { APP_ID, eventId, payloads } from './samples';

/** A payload that suits each type (valid or not as a first event: the state says which). */
const payloadOf: { [K in keyof Payloads]: Payloads[K] } = {
  submitted: payloads.submitted,
  screened: payloads.eligible as Payloads['screened'],
  info_received: { answer: 'Here it is' },
  assigned: { reviewerId: 'r1' },
  unassigned: { reviewerId: 'r1' },
  review_submitted: payloads.review('r1') as Payloads['review_submitted'],
  decided: { outcome: 'reject', reason: 'No' },
  published: { expertId: eventId(999), sections: ['career'] },
  withdrawn: { reason: 'Changed jobs' },
  note: { text: 'Called' },
};

describe('applicationState of a lone event that follows nothing', () => {
  it('is the state the event graph gives, for every type, valid first or not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...eventTypes), fc.nat(10_000), fc.integer({ min: 0, max: 2e12 }), fc.constantFrom('kiosk', 'curator-1', 'r1'), fc.boolean(), (type, n, at, by, otherApp) => {
        const event = nextEvent({ heads: [] }, { id: eventId(n), applicationId: otherApp ? eventId(n + 1) : APP_ID, type, payload: payloadOf[type], at, by } as never);
        const fast = applicationState([event]);
        expect(fast).toStrictEqual(stateOfGraph([event]));
        expect(fast.heads).toEqual([{ id: event.id, hash: event.hash }]);
        expect(fast.stage === 'submitted').toBe(type === 'submitted');
        expect(fast.invalid.length).toBe(type === 'submitted' ? 0 : 1);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves an event that follows another to the graph (it waits for what it follows)', () => {
    const first = nextEvent({ heads: [] }, { id: eventId(1), applicationId: APP_ID, type: 'submitted', payload: {}, at: 1, by: 'kiosk' });
    const second = nextEvent({ heads: [{ id: first.id, hash: first.hash }] }, { id: eventId(2), applicationId: APP_ID, type: 'note', payload: { text: 'x' }, at: 2, by: 'curator-1' });
    const state = applicationState([second]);
    expect(state).toStrictEqual(stateOfGraph([second]));
    expect(state.waiting).toEqual([{ eventId: second.id, missing: [first.id] }]);
  });
});
