import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planAssignments, type PlanApplication, type PlanReviewer } from './assign';

const reviewerIds = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6'];

/** A pool of 1–7 reviewers and 0–30 applications with random assignments, conflicts and matches. */
const world = fc
  .record({ size: fc.integer({ min: 1, max: 7 }), k: fc.integer({ min: 1, max: 4 }) })
  .chain(({ size, k }) => {
    const ids = reviewerIds.slice(0, size);
    const subset = fc.subarray(ids);
    return fc.record({
      k: fc.constant(k),
      reviewers: fc.tuple(...ids.map((id) => fc.integer({ min: 0, max: 5 }).map((load): PlanReviewer => ({ id, load })))),
      applications: fc.uniqueArray(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 4 }),
          assigned: subset,
          blocked: subset,
          match: fc.dictionary(fc.constantFrom(...ids), fc.integer({ min: 0, max: 3 })),
        }),
        { maxLength: 30, selector: (a) => a.id },
      ),
    });
  });

describe('automatic assignment (planner)', () => {
  it('never assigns a conflicted or already assigned reviewer, never more than k, and as many as the free pool allows', () => {
    fc.assert(
      fc.property(world, ({ k, reviewers, applications }) => {
        const plan = planAssignments(applications, reviewers, k);
        for (const app of applications) {
          const mine = plan.assignments.filter((a) => a.applicationId === app.id).map((a) => a.reviewerId);
          expect(new Set(mine).size).toBe(mine.length);
          for (const r of mine) {
            expect(app.blocked).not.toContain(r);
            expect(app.assigned).not.toContain(r);
          }
          const had = new Set(app.assigned).size;
          expect(had + mine.length).toBeLessThanOrEqual(Math.max(k, had));
          const free = reviewers.filter((r) => !app.assigned.includes(r.id) && !app.blocked.includes(r.id)).length;
          expect(mine.length).toBe(Math.max(0, Math.min(k - had, free)));
          const short = plan.short.find((s) => s.applicationId === app.id);
          expect(short !== undefined).toBe(k - had > free);
        }
      }),
    );
  });

  it('keeps every load within one of the others when loads start level and the pool allows it', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 0, max: 3 }), ({ k, reviewers, applications }, start) => {
        fc.pre(k <= reviewers.length);
        const level = reviewers.map((r) => ({ ...r, load: start }));
        const open = applications.map((a): PlanApplication => ({ ...a, assigned: [], blocked: [] }));
        const plan = planAssignments(open, level, k);
        const loads = level.map((r) => start + plan.assignments.filter((a) => a.reviewerId === r.id).length);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is deterministic whatever the input order', () => {
    fc.assert(
      fc.property(world, fc.integer(), ({ k, reviewers, applications }, seed) => {
        const shuffled = <T>(xs: readonly T[]) => [...xs].sort((a, b) => (JSON.stringify(a).length * seed) % 7 - (JSON.stringify(b).length * seed) % 7);
        expect(planAssignments(shuffled(applications), shuffled(reviewers), k)).toEqual(planAssignments(applications, reviewers, k));
      }),
    );
  });

  it('prefers the least loaded reviewer, then the best expertise match, and gives a scarce reviewer to the application that needs them', () => {
    const reviewers = [
      { id: 'a', load: 0 },
      { id: 'b', load: 0 },
      { id: 'c', load: 2 },
    ];
    const plan = planAssignments(
      [
        { id: 'x', assigned: [], blocked: [], match: { b: 2, c: 5 } },
        { id: 'y', assigned: [], blocked: ['a', 'c'], match: {} },
      ],
      reviewers,
      1,
    );
    // y can only have b, so it is planned first; x then takes a (load 0) over c (better match, load 2).
    expect(plan.assignments).toEqual([
      { applicationId: 'y', reviewerId: 'b' },
      { applicationId: 'x', reviewerId: 'a' },
    ]);
    const matched = planAssignments([{ id: 'x', assigned: [], blocked: [], match: { b: 2 } }], reviewers, 1);
    expect(matched.assignments).toEqual([{ applicationId: 'x', reviewerId: 'b' }]);
    expect(planAssignments([{ id: 'x', assigned: ['a', 'b'], blocked: [], match: {} }], reviewers, 2)).toEqual({ assignments: [], short: [], full: ['x'] });
    expect(planAssignments([{ id: 'x', assigned: [], blocked: ['a', 'b'], match: {} }], reviewers, 2).short).toEqual([{ applicationId: 'x', missing: 1, free: 1 }]);
  });
});
