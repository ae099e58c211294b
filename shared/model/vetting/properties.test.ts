import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyChain } from './chain';
import { applicationState } from './compute';
import { eventHash, type Payloads, type VettingEvent } from './events';
import { stepRefusalCodes } from './rules';
import { stages, type ApplicationState } from './state';
import { Branch, eventId, payloads, reviewed } from './samples';

const reviewers = ['r1', 'r2', 'r3'] as const;
/** One step a curator, reviewer or applicant might attempt, valid or not. */
const stepArb = fc.record({ action: fc.nat(19), reviewer: fc.constantFrom(...reviewers), branch: fc.nat(2) });
type Step = { action: number; reviewer: string };

/** Actions 14 and up move the application on, so random walks reach the later stages often. */
const forward = [1, 5, 7, 8, 11, 10, 4, 9];

function attempt(b: Branch, step: Step): ReturnType<Branch['tryWrite']> {
  if (step.action >= 14) {
    for (const action of forward) {
      const v = attemptOne(b, { ...step, action });
      if (v.ok) return v;
    }
    return attemptOne(b, { ...step, action: 13 });
  }
  return attemptOne(b, step);
}

function attemptOne(b: Branch, { action, reviewer }: Step) {
  const w = <K extends keyof Payloads>(type: K, payload: unknown, by = 'curator-1') => b.tryWrite(type, payload as Payloads[K], by);
  switch (action) {
    case 0: return w('submitted', {}, 'kiosk');
    case 1: return w('screened', payloads.eligible);
    case 2: return w('screened', payloads.notEligible);
    case 3: return w('screened', payloads.infoRequested);
    case 4: return w('info_received', { answer: 'Here it is' }, 'kiosk');
    case 5: return w('assigned', { reviewerId: reviewer });
    case 6: return w('unassigned', { reviewerId: reviewer });
    case 7: return w('review_submitted', payloads.review(reviewer), reviewer);
    case 8: return w('decided', { outcome: 'accept', reason: '', expertId: eventId(999) });
    case 9: return w('decided', { outcome: 'reject', reason: 'Not enough experience' });
    case 10: return w('decided', { outcome: 'return', reason: 'Send the certificates' });
    case 11: return w('published', { expertId: eventId(999), sections: ['career'] });
    case 12: return w('withdrawn', { reason: 'Changed jobs' });
    default: return w('note', { text: 'Called the applicant' });
  }
}

/** Facts any reachable state keeps, whatever the path. */
function expectCoherent(s: ApplicationState) {
  expect(stages).toContain(s.stage);
  if (s.stage === 'published') expect(s.publication).not.toBeNull();
  if (s.stage === 'accepted' || s.stage === 'rejected' || s.stage === 'returned') expect(s.decision?.outcome).toBe({ accepted: 'accept', rejected: 'reject', returned: 'return' }[s.stage]);
  if (s.decision && s.decision.outcome !== 'return') expect(s.reviews.length).toBeGreaterThan(0);
  if (s.stage !== 'new') expect(s.submitted).not.toBeNull();
  expect(new Set(s.assignments.map((a) => a.reviewerId)).size).toBe(s.assignments.length);
}

/**
 * Writes on up to three branches that fork from and merge into one another, as offline nodes
 * do. `refused` collects steps the rules refused: what a node that broke the rules would send.
 */
function writeOnBranches(steps: (Step & { branch: number })[], refused: VettingEvent[] = []): Branch[] {
  const root = new Branch();
  root.write('submitted', {}, 'kiosk');
  const branches = [root, root.fork(), root.fork()];
  for (const [i, step] of steps.entries()) {
    const b = branches[step.branch]!;
    if (i % 5 === 4) b.merge(branches[(step.branch + 1) % 3]!);
    else {
      const v = attempt(b, step);
      if (!v.ok) refused.push(v.event);
    }
  }
  return branches;
}
const union = (branches: Branch[]) => branches.reduce((a, b) => a.fork().merge(b)).events;

describe('state machine properties', () => {
  it('any valid sequence gives a coherent state; an invalid step is refused with a stable code and changes nothing', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        const b = new Branch();
        for (const step of steps) {
          const before = b.state;
          const v = attempt(b, step);
          if (v.ok) {
            expect(b.state.invalid).toEqual([]);
            expect(b.state.heads).toEqual([{ id: v.event.id, hash: v.event.hash }]);
          } else {
            expect(stepRefusalCodes).toContain(v.code);
            expect(v.message.length).toBeGreaterThan(10);
            // Received anyway (from a node that broke the rules): kept, flagged, without effect.
            const received = applicationState([...b.events, v.event]);
            expect(received.invalid.map((x) => x.code)).toEqual([v.code]);
            // (An application with no valid event yet still learns its id from the event.)
            expect({ ...received, heads: before.heads, invalid: [], applicationId: before.applicationId }).toEqual(before);
          }
          expectCoherent(b.state);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the state does not depend on the order events are delivered in', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 45 }), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (steps, random) => {
        const refused: VettingEvent[] = [];
        const events = [...union(writeOnBranches(steps, refused)), ...refused.slice(0, 3)];
        const expected = applicationState(events);
        const shuffled = [...events].sort(() => random.next().value - 0.5);
        expect(applicationState(shuffled)).toEqual(expected);
        expect(applicationState([...events].reverse())).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('two branches deciding differently conflict on every order; a decision following both resolves it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<[string, string]>(['accept', 'reject'], ['accept', 'return'], ['reject', 'return'], ['accept', 'withdraw']),
        fc.array(stepArb.filter((s) => s.action === 13 || s.action === 5), { maxLength: 4 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (pair, extras, random) => {
          const a = reviewed('r1');
          const b = a.fork();
          const decide = (branch: Branch, outcome: string) =>
            outcome === 'withdraw' ? branch.write('withdrawn', { reason: 'Left' }) : branch.write('decided', { outcome, reason: 'Why' } as Payloads['decided']);
          decide(a, pair[0]);
          decide(b, pair[1]);
          for (const step of extras) attempt(step.branch % 2 ? a : b, step);
          const events = a.fork().merge(b).events;
          for (const order of [events, [...events].reverse(), [...events].sort(() => random.next().value - 0.5)]) {
            const s = applicationState(order);
            expect(s.stage).toBe('conflict');
            expect(s.conflict!.sides).toHaveLength(2);
          }
          const merged = a.merge(b);
          const resolution = merged.tryWrite('decided', { outcome: 'reject', reason: 'Agreed' });
          expect(resolution.ok).toBe(true);
          expect(merged.state).toMatchObject({ stage: 'rejected', conflict: null });
          expect(applicationState([...merged.events].reverse())).toEqual(merged.state);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('hash chain properties', () => {
  const fields = ['at', 'by', 'type', 'payload', 'applicationId'] as const;
  const alter = (e: VettingEvent, field: (typeof fields)[number]): VettingEvent => {
    switch (field) {
      case 'at': return { ...e, at: e.at + 1 };
      case 'by': return { ...e, by: `${e.by}x` };
      case 'type': return { ...e, type: e.type === 'note' ? 'withdrawn' : 'note' } as VettingEvent;
      case 'payload': return { ...e, payload: { ...e.payload, extra: 1 } } as unknown as VettingEvent;
      case 'applicationId': return { ...e, applicationId: eventId(777) };
    }
  };

  it('a chain as written verifies', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        expect(verifyChain(union(writeOnBranches(steps)))).toEqual({ ok: true, altered: [], missing: [] });
      }),
      { numRuns: 50 },
    );
  });

  it('reports any event altered after the fact, re-hashed or not (unless a re-hashed head no one follows)', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), fc.nat(), fc.constantFrom(...fields), fc.boolean(), (steps, pick, field, rehash) => {
        const events = union(writeOnBranches(steps));
        const i = pick % events.length;
        let changed = alter(events[i]!, field);
        if (rehash) changed = { ...changed, hash: eventHash(changed) };
        const report = verifyChain(events.map((e, j) => (j === i ? changed : e)));
        const followed = events.some((e) => e.follows.some((f) => f.id === changed.id));
        if (!rehash || followed) {
          expect(report.ok).toBe(false);
          expect(report.altered.map((a) => a.eventId)).toEqual([changed.id]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
