import { afterEach, describe, expect, it } from 'vitest';
import { median } from './dashboard';
import { eligible, vettingWorld, type World } from './users.testing';

let world: World;
afterEach(() => world?.close());
const DAY = 86_400_000;

describe('the vetting dashboard', () => {
  it('counts by stage and country, gives the median days per stage and each reviewer\'s load, on a known set', async () => {
    world = vettingWorld();
    const t0 = world.now();
    const curator = world.addUser('curator', { name: 'Carla' });
    const ana = world.addUser('reviewer', { name: 'Ana', country: 'PH', agency: 'CSC' });
    world.addUser('reviewer', { name: 'Budi', country: 'MY', agency: 'INTAN' });
    world.actAs(curator);
    const a1 = world.application({ givenName: 'One' });
    const a2 = world.application({ givenName: 'Two', country: 'TH', nominatingCountry: 'TH' });
    const a3 = world.application({ givenName: 'Three' });
    world.at(t0 + 2 * DAY);
    world.step(a1, 'screened', eligible);
    world.at(t0 + 3 * DAY);
    world.step(a1, 'assigned', { reviewerId: ana });
    world.at(t0 + 4 * DAY);
    world.step(a3, 'screened', { criteria: [{ criterion: 'experience', met: false, note: '3 years' }], outcome: 'not_eligible' });
    world.at(t0 + 10 * DAY);
    expect(a2).toBeTruthy();

    const d = (await world.call('vetting.dashboard', {})).value;
    expect(d.total).toBe(3);
    expect(d.byStageCountry).toEqual([
      { stage: 'submitted', country: 'TH', count: 1 },
      { stage: 'not_eligible', country: 'ID', count: 1 },
      { stage: 'in_review', country: 'ID', count: 1 },
    ]);
    const days = Object.fromEntries(d.medianDaysPerStage.map((m: { stage: string; medianDays: number | null; count: number }) => [m.stage, [m.medianDays, m.count]]));
    // submitted: 2 (a1), 10 (a2, still there), 4 (a3) → 4; eligible: 1; in review: 7 so far; not eligible is final.
    expect(days).toMatchObject({ submitted: [4, 3], eligible: [1, 1], in_review: [7, 1], not_eligible: [null, 1], published: [null, 0] });
    expect(d.reviewerLoad).toEqual([
      { reviewerId: ana, name: 'Ana', open: 1, submitted: 0 },
      { reviewerId: expect.any(String), name: 'Budi', open: 0, submitted: 0 },
    ]);

    world.actAs(ana);
    world.step(a1, 'review_submitted', { reviewerId: ana, scores: { expertise: 4, experience: 4, contribution: 3, communication: 3 }, comments: '', recommendation: 'accept' });
    world.actAs(curator);
    expect((await world.call('vetting.dashboard', {})).value.reviewerLoad[0]).toMatchObject({ name: 'Ana', open: 0, submitted: 1 });

    expect((await world.call('vetting.dashboard', { country: ['TH'] })).value).toMatchObject({ total: 1, byStageCountry: [{ stage: 'submitted', country: 'TH', count: 1 }] });
    // A focal point sees only their own country's applications.
    world.actAs(world.addUser('focal_point', { country: 'ID' }));
    expect((await world.call('vetting.dashboard', {})).value.total).toBe(2);
    world.actAs(ana);
    expect((await world.call('vetting.dashboard', {})).value.total).toBe(1);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
