import { afterEach, describe, expect, it } from 'vitest';
import { eligible, vettingWorld, type World } from './users.testing';

/**
 * Two laptops, each with its own data file, decide the same application offline from the same
 * state; after they exchange changes (what a push and a pull carry) both conflict inboxes show
 * it, with both sides and who took them. A decision that follows both resolves it everywhere.
 */
const worlds: World[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.close();
});
const send = (from: World, to: World) => to.funnel.receive(from.funnel.missingFrom(to.funnel.vector()));
const scores = { expertise: 4, experience: 4, contribution: 3, communication: 3 };

describe('the conflict inbox', () => {
  it('shows the same conflict on both laptops after they exchange changes, and empties once it is resolved', async () => {
    const a = vettingWorld();
    const b = vettingWorld();
    worlds.push(a, b);
    const dewi = a.addUser('curator', { name: 'Dewi' });
    const khanh = a.addUser('curator', { name: 'Khanh' });
    const rev = a.addUser('reviewer', { name: 'Ana', country: 'PH', agency: 'CSC' });
    a.actAs(dewi);
    const app = a.application();
    a.step(app, 'screened', eligible);
    a.step(app, 'assigned', { reviewerId: rev });
    a.actAs(rev);
    a.step(app, 'review_submitted', { reviewerId: rev, scores, comments: 'Strong', recommendation: 'accept' });
    send(a, b);
    a.actAs(dewi);
    b.actAs(khanh);
    expect((await a.call('vetting.conflicts')).value.items).toEqual([]);

    a.at(a.now() + 3_600_000);
    b.at(a.now() + 7_200_000);
    a.step(app, 'decided', { outcome: 'accept', reason: 'Strong record' });
    b.step(app, 'decided', { outcome: 'reject', reason: 'Too few publications' });
    send(a, b);
    send(b, a);

    const onA = (await a.call('vetting.conflicts')).value.items;
    const onB = (await b.call('vetting.conflicts')).value.items;
    expect(onA).toEqual(onB);
    expect(onA).toHaveLength(1);
    expect(onA[0]).toMatchObject({ id: app, stage: 'conflict', displayName: 'Siti Rahma', nominatingCountry: 'ID' });
    expect(onA[0].sides.map((s: { verdict: string; byName: string }) => [s.verdict, s.byName]).sort()).toEqual([
      ['decided:accept', 'Dewi'],
      ['decided:reject', 'Khanh'],
    ]);

    // A reviewer sees only applications assigned to them; a focal point only their country's.
    a.actAs(a.addUser('focal_point', { country: 'TH' }));
    expect((await a.call('vetting.conflicts')).value.items).toEqual([]);
    a.actAs(rev);
    expect((await a.call('vetting.conflicts')).value.items).toHaveLength(1);

    // Khanh resolves it with a decision following both sides; both laptops agree it is over.
    b.step(app, 'decided', { outcome: 'accept', reason: 'Discussed: publications suffice' });
    send(b, a);
    expect((await a.call('vetting.conflicts')).value.items).toEqual([]);
    expect((await b.call('vetting.conflicts')).value.items).toEqual([]);
  });
});
