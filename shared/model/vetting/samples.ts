import type { Payloads } from './events';
import { nextEvent } from './build';
import { applicationState } from './compute';
import type { VettingEvent } from './events';
import { checkNextEvent, type StepVerdict } from './rules';

/**
 * Sample histories of one application: record ids from a counter, events written on branches the
 * way offline nodes write them. Used by the tests, the state table (table.ts) and demo data.
 */
export const APP_ID = '01900000-0000-7000-8000-00000000a000';
export const eventId = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export const payloads = {
  submitted: {},
  eligible: { criteria: [{ criterion: 'experience', met: true, note: '12 years' }], outcome: 'eligible' },
  notEligible: { criteria: [{ criterion: 'experience', met: false, note: '3 years' }], outcome: 'not_eligible' },
  infoRequested: { criteria: [], outcome: 'info_requested', what: 'The recommendation letter' },
  review: (reviewerId: string) => ({ reviewerId, scores: { expertise: 4 }, comments: 'Strong', recommendation: 'accept' }),
} as const satisfies Record<string, Payloads[keyof Payloads] | ((r: string) => Payloads['review_submitted'])>;

/**
 * Writes events the way nodes do: each `write` follows the heads of the events this branch
 * holds. `fork()` gives a second branch holding the same events; `merge` takes another's.
 */
export class Branch {
  constructor(
    public events: VettingEvent[] = [],
    private readonly counter = { n: 1 },
    private readonly clock = { at: 1_700_000_000_000 },
  ) {}

  write<K extends keyof Payloads>(type: K, payload: Payloads[K], by = 'curator-1'): VettingEvent {
    const e = nextEvent(applicationState(this.events), { id: eventId(this.counter.n++), applicationId: APP_ID, type, payload, at: (this.clock.at += 1000), by } as never);
    this.events = [...this.events, e];
    return e;
  }

  /** Writes the event only if the rules allow it next; returns the verdict either way. */
  tryWrite<K extends keyof Payloads>(type: K, payload: Payloads[K], by = 'curator-1'): StepVerdict & { event: VettingEvent } {
    const state = applicationState(this.events);
    const event = nextEvent(state, { id: eventId(this.counter.n++), applicationId: APP_ID, type, payload, at: (this.clock.at += 1000), by } as never);
    const verdict = checkNextEvent(state, event);
    if (verdict.ok) this.events = [...this.events, event];
    return { ...verdict, event };
  }

  fork(): Branch {
    return new Branch([...this.events], this.counter, this.clock);
  }

  merge(other: Branch): this {
    const ids = new Set(this.events.map((e) => e.id));
    this.events = [...this.events, ...other.events.filter((e) => !ids.has(e.id))];
    return this;
  }

  get state() {
    return applicationState(this.events);
  }
}

/** An application through screening with reviewer `r1` assigned and their review in. */
export function reviewed(reviewer = 'reviewer-1'): Branch {
  const b = new Branch();
  b.write('submitted', payloads.submitted, 'kiosk');
  b.write('screened', payloads.eligible as Payloads['screened']);
  b.write('assigned', { reviewerId: reviewer });
  b.write('review_submitted', payloads.review(reviewer) as Payloads['review_submitted'], reviewer);
  return b;
}
