import { afterEach, describe, expect, it } from 'vitest';
import { eligible, term, vettingWorld, type World } from './users.testing';

let world: World;
afterEach(() => world?.close());

function pool() {
  world = vettingWorld();
  const curator = world.addUser('curator', { name: 'Carla' });
  world.actAs(curator);
  const r = {
    ana: world.addUser('reviewer', { name: 'Ana', country: 'PH', agency: 'Civil Service Commission', expertise: [term.hrm] }),
    budi: world.addUser('reviewer', { name: 'Budi', country: 'ID', agency: 'BKN', expertise: [term.recruitment] }),
    chen: world.addUser('reviewer', { name: 'Chen', country: 'SG', agency: 'Ministry of Administrative Reform', expertise: [] }),
    dara: world.addUser('reviewer', { name: 'Dara', country: 'KH', agency: 'Royal School of Administration', expertise: [term.performance], declaredConflicts: ['Ministry of Administrative Reform'] }),
    eko: world.addUser('reviewer', { name: 'Eko', country: 'MY', agency: 'INTAN', expertise: [term.competency] }),
    off: world.addUser('reviewer', { name: 'Zed', disabled: true }),
  };
  return { curator, r };
}

describe('the reviewer pool of an application', () => {
  it('lists every enabled reviewer with load, expertise match and conflicts, unconflicted first', async () => {
    const { r } = pool();
    const app = world.application();
    world.step(app, 'screened', eligible);
    const other = world.application({ givenName: 'Lan', familyName: 'Tran', country: 'VN', nominatingCountry: 'VN', agency: 'Ministry of Home Affairs' });
    world.step(other, 'screened', eligible);
    world.step(other, 'assigned', { reviewerId: r.ana });

    const { items } = (await world.call('applications.reviewers', { id: app })).value as { items: { user: { id: string; name: string }; load: number; expertiseMatch: number; conflicts: { code: string }[] }[] };
    const byName = Object.fromEntries(items.map((i) => [i.user.name, i]));
    expect(Object.keys(byName).sort()).toEqual(['Ana', 'Budi', 'Chen', 'Dara', 'Eko']);
    expect(byName.Ana).toMatchObject({ load: 1, expertiseMatch: 1, conflicts: [] }); // hrm covers hrm.recruitment
    expect(byName.Budi).toMatchObject({ load: 0, expertiseMatch: 1, conflicts: [{ code: 'SAME_COUNTRY' }] });
    expect(byName.Chen!.conflicts.map((c) => c.code)).toEqual(['SAME_AGENCY']);
    expect(byName.Dara!.conflicts.map((c) => c.code)).toEqual(['DECLARED']);
    expect(byName.Eko).toMatchObject({ load: 0, expertiseMatch: 0, conflicts: [] });
    expect(items.map((i) => i.user.name)).toEqual(['Eko', 'Ana', 'Budi', 'Chen', 'Dara']);
  });

  it('is the secretariat\'s: a reviewer or focal point is refused', async () => {
    const { r } = pool();
    const app = world.application();
    world.actAs(r.ana);
    expect((await world.call('applications.reviewers', { id: app })).error).toMatchObject({ code: 'NOT_ALLOWED' });
    expect((await world.call('applications.autoAssign', { ids: [app] })).error).toMatchObject({ code: 'NOT_ALLOWED' });
    world.actAs(world.addUser('focal_point', { country: 'ID' }));
    expect((await world.call('applications.autoAssign', { ids: [app] })).error).toMatchObject({ code: 'NOT_ALLOWED' });
  });
});

describe('automatic assignment', () => {
  it('assigns k reviewers per application through events, never a conflicted one, balancing load, and says why it skipped', async () => {
    pool();
    const apps = [0, 1, 2, 3].map((i) => {
      const id = world.application({ givenName: `Applicant ${i}`, expertise: i % 2 ? [term.assessment] : [term.recruitment] });
      world.step(id, 'screened', eligible);
      return id;
    });
    const fresh = world.application({ givenName: 'Not screened' });
    const result = await world.call('applications.autoAssign', { ids: [...apps, fresh, '01900000-0000-7000-8000-0000000000ff'] });
    expect(result.ok).toBe(true);
    // Budi (same country), Chen (same agency) and Dara (declared) conflict with every one: Ana and Eko take all.
    expect(result.value.assigned).toBe(8);
    expect(result.value.skipped.map((s: { applicationId: string }) => s.applicationId).sort()).toEqual([fresh, '01900000-0000-7000-8000-0000000000ff'].sort());
    expect(result.value.skipped.find((s: { applicationId: string }) => s.applicationId === fresh).reason).toMatch(/submitted/);
    // Each by a stable code with what the window needs to word it in the curator's language.
    expect(result.value.skipped.find((s: { applicationId: string }) => s.applicationId === fresh)).toMatchObject({ code: 'NOT_ASSIGNABLE', name: expect.stringMatching(/^Not screened /), stage: 'submitted' });
    expect(result.value.skipped.find((s: { applicationId: string }) => s.applicationId === '01900000-0000-7000-8000-0000000000ff')).toMatchObject({ code: 'NOT_FOUND' });
    const reviewers = (await world.call('applications.reviewers', { id: apps[0] })).value.items as { user: { name: string }; load: number }[];
    expect(reviewers.filter((x) => x.load > 0).map((x) => [x.user.name, x.load])).toEqual([
      ['Ana', 4],
      ['Eko', 4],
    ]);
    const events = world.db.prepare("SELECT count(*) FROM records WHERE entity = 'vetting_event' AND json_extract(data, '$.type') = 'assigned'").pluck().get();
    expect(events).toBe(8);

    // With k = 3 only two are free of a conflict: each application is reported short, nothing more is written.
    await world.call('vetting.saveSettings', { reviewersPerApplication: 3 });
    const again = await world.call('applications.autoAssign', { ids: apps });
    expect(again.value.assigned).toBe(0);
    expect(again.value.skipped).toHaveLength(4);
    expect(again.value.skipped[0].reason).toMatch(/2 of the 3 reviewers/);
    expect(again.value.skipped[0]).toMatchObject({ code: 'SHORT', have: 2, need: 3 });
  });

  it('spreads load evenly over an unconflicted pool, best expertise first among equals', async () => {
    world = vettingWorld();
    world.actAs(world.addUser('curator'));
    await world.call('vetting.saveSettings', { sameCountryConflict: false });
    const ids = ['r1', 'r2', 'r3'].map((name) => world.addUser('reviewer', { name, agency: `Agency ${name}`, expertise: name === 'r3' ? [term.performance] : [] }));
    const apps = Array.from({ length: 7 }, (_, i) => {
      const id = world.application({ givenName: `A${i}`, expertise: [term.performance] });
      world.step(id, 'screened', eligible);
      return id;
    });
    const result = await world.call('applications.autoAssign', { ids: apps });
    expect(result.value).toEqual({ assigned: 14, skipped: [] });
    const pool = (await world.call('applications.reviewers', { id: apps[0] })).value.items as { user: { id: string }; load: number }[];
    const loads = pool.map((x) => x.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(ids).toHaveLength(3);
    // 14 assignments over three: the one whose expertise matches (r3) is taken first among equals, so carries the extra one.
    const load = new Map(pool.map((x) => [x.user.id, x.load]));
    expect(load.get(ids[2]!)).toBe(5);
    expect(ids.reduce((sum, id) => sum + load.get(id)!, 0)).toBe(14);
  });
});
