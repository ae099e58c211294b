import { afterEach, describe, expect, it } from 'vitest';
import { defaultVettingSettings } from '../../../../shared/model/vetting/settings';
import { term, vettingWorld, type World } from './users.testing';

let world: World;
afterEach(() => world?.close());

describe('profile (who this device acts as)', () => {
  it('is empty at first start, then the profile created or chosen on this device', async () => {
    world = vettingWorld();
    expect((await world.call('profile.get')).value).toEqual({ user: null, source: null });
    const created = await world.call('profile.create', { name: '  Dewi Lestari ', email: 'dewi@example.org', role: 'curator', expertise: [term.hrm] });
    expect(created.ok).toBe(true);
    expect(created.value).toMatchObject({ source: 'local', user: { name: 'Dewi Lestari', role: 'curator', email: 'dewi@example.org', expertise: [term.hrm], disabled: false } });
    const id = created.value.user.id;
    // The context acts as the chosen profile; every change it writes carries it.
    expect(world.ctx.actor()).toMatchObject({ id, role: 'curator', name: 'Dewi Lestari' });
    expect(world.db.prepare("SELECT actor FROM changes WHERE entity = 'user' AND id = ?").pluck().get(id)).toBe(id);

    const other = world.addUser('reviewer', { name: 'Arif' });
    expect((await world.call('profile.choose', { userId: other })).value).toMatchObject({ source: 'local', user: { id: other, name: 'Arif' } });
    expect((await world.call('profile.get')).value.user.id).toBe(other);
  });

  it('acts as whom the profile screen shows, or as nobody: a chosen user later disabled, or whose record this version cannot read', async () => {
    world = vettingWorld();
    const dewi = world.addUser('curator', { name: 'Dewi' });
    world.actAs(dewi);
    expect(world.ctx.actor()).toMatchObject({ id: dewi, name: 'Dewi', role: 'curator' });
    // Synced later: a role this version does not know (a newer app's), then disabled.
    world.funnel.write('setup', [{ entity: 'user', id: dewi, fields: { role: 'auditor' } }]);
    expect((await world.call('profile.get')).value).toEqual({ user: null, source: null });
    expect(world.ctx.actor()).toBeNull();
    world.funnel.write('setup', [{ entity: 'user', id: dewi, fields: { role: 'curator', disabled: true } }]);
    expect((await world.call('profile.get')).value).toEqual({ user: null, source: null });
    expect(world.ctx.actor()).toBeNull();
  });

  it('refuses an unknown or disabled user, a focal point without a country and an unknown expertise term', async () => {
    world = vettingWorld();
    const gone = world.addUser('curator', { disabled: true });
    expect((await world.call('profile.choose', { userId: gone })).error).toMatchObject({ code: 'NOT_ALLOWED' });
    expect((await world.call('profile.choose', { userId: '01900000-0000-7000-8000-0000000000ff' })).error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await world.call('profile.create', { name: 'Somchai', role: 'focal_point' })).error).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await world.call('profile.create', { name: 'Somchai', role: 'reviewer', expertise: ['astrology'] })).error).toMatchObject({ code: 'UNKNOWN_TERM' });
    expect((await world.call('profile.create', { name: '', role: 'reviewer' })).error).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await world.call('profile.get')).value).toEqual({ user: null, source: null });
  });

  it('is the enrolled server account once the device is enrolled, which cannot be switched here', async () => {
    world = vettingWorld();
    const local = world.addUser('curator', { name: 'Dewi' });
    world.actAs(local);
    const account = world.addUser('curator', { name: 'Dewi L.', agency: 'ACCSM Secretariat', expertise: [term.competency] });
    world.server.user = { id: account, name: 'Dewi Lestari', role: 'curator', country: null };
    expect((await world.call('profile.get')).value).toMatchObject({ source: 'server', user: { id: account, name: 'Dewi Lestari', agency: 'ACCSM Secretariat', expertise: [term.competency] } });
    expect(world.ctx.actor()?.id).toBe(account);
    expect((await world.call('profile.choose', { userId: local })).error).toMatchObject({ code: 'NOT_ALLOWED' });
    expect((await world.call('profile.create', { name: 'X', role: 'admin' })).error).toMatchObject({ code: 'NOT_ALLOWED' });
    // Before the first pull brings the account's record, the account alone.
    world.server.user = { id: '01900000-0000-7000-8000-0000000000aa', name: 'New', role: 'reviewer', country: 'TH' };
    expect((await world.call('profile.get')).value).toMatchObject({ source: 'server', user: { name: 'New', role: 'reviewer', country: 'TH', agency: '', expertise: [] } });
  });
});

describe('users', () => {
  it('lists users by role, leaving disabled ones out unless asked, readable before any profile is chosen', async () => {
    world = vettingWorld();
    world.addUser('reviewer', { name: 'Budi' });
    world.addUser('reviewer', { name: 'Anh', disabled: true });
    world.addUser('curator', { name: 'Carla' });
    const names = async (input: unknown) => ((await world.call('users.list', input)).value.items as { name: string }[]).map((u) => u.name);
    expect(await names({})).toEqual(['Budi', 'Carla']);
    expect(await names({ role: ['reviewer'] })).toEqual(['Budi']);
    expect(await names({ role: ['reviewer'], includeDisabled: true })).toEqual(['Anh', 'Budi']);
  });

  it('are added and edited by admins and curators only, field by field, with validation', async () => {
    world = vettingWorld();
    const curator = world.addUser('curator', { name: 'Carla' });
    const reviewer = world.addUser('reviewer', { name: 'Budi', email: 'budi@example.org' });
    const focal = world.addUser('focal_point', { name: 'Somchai', country: 'TH' });
    const fields = { name: 'Lan Nguyen', email: 'lan@example.org', role: 'reviewer', country: 'VN', agency: 'Ministry of Home Affairs', expertise: [term.assessment], declaredConflicts: ['Institute X'] };

    expect((await world.call('users.save', { fields })).error).toMatchObject({ code: 'NOT_ALLOWED' }); // no profile yet
    for (const who of [reviewer, focal]) {
      world.actAs(who);
      expect((await world.call('users.save', { fields })).error).toMatchObject({ code: 'NOT_ALLOWED' });
    }
    world.actAs(curator);
    const saved = await world.call('users.save', { fields });
    expect(saved.value).toMatchObject({ ...fields, disabled: false });
    const before = world.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
    // An edit writes only what changed.
    const edited = await world.call('users.save', { id: saved.value.id, fields: { ...fields, agency: 'National Civil Service Agency' } });
    expect(edited.value.agency).toBe('National Civil Service Agency');
    const last = world.db.prepare('SELECT actor, fields FROM changes ORDER BY rowid DESC LIMIT 1').get() as { actor: string; fields: string };
    expect(world.db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(before + 1);
    expect(last.actor).toBe(curator);
    expect(Object.keys(JSON.parse(last.fields))).toEqual(['agency']);

    expect((await world.call('users.save', { fields: { ...fields, email: 'BUDI@example.org' } })).error).toMatchObject({ code: 'CONFLICT' });
    expect((await world.call('users.save', { fields: { ...fields, email: 'x@y.org', role: 'focal_point', country: null } })).error).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await world.call('users.save', { fields: { ...fields, email: 'x@y.org', expertise: ['nope'] } })).error).toMatchObject({ code: 'UNKNOWN_TERM' });
    expect((await world.call('users.save', { fields: { ...fields, email: 'not-an-address' } })).error).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await world.call('users.save', { id: '01900000-0000-7000-8000-0000000000ff', fields })).error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await world.call('users.save', { id: curator, fields: { name: 'Carla', role: 'curator', disabled: true } })).error).toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('on an enrolled device, leaves the server account\'s name, role, country and access to the server', async () => {
    world = vettingWorld();
    const account = '01900000-0000-7000-8000-0000000000b1';
    // Written by the server (the sync client stores it with the server's author name).
    world.funnel.write('server-admin:root', [{ entity: 'user', id: account, fields: { name: 'Budi', role: 'reviewer', country: null, disabled: false } }]);
    const curator = world.addUser('curator', { name: 'Carla' });
    world.server.user = { id: curator, name: 'Carla', role: 'curator', country: null };
    const base = { name: 'Budi', role: 'reviewer' as const };
    expect((await world.call('users.save', { id: account, fields: { ...base, role: 'curator' } })).error).toMatchObject({ code: 'NOT_ALLOWED' });
    expect((await world.call('users.save', { id: account, fields: { ...base, agency: 'BKN', expertise: [term.hrm] } })).value).toMatchObject({ agency: 'BKN', expertise: [term.hrm] });
    // A user made on this device stays editable here.
    const made = await world.call('users.save', { fields: { name: 'Paper reviewer', role: 'reviewer' } });
    expect((await world.call('users.save', { id: made.value.id, fields: { name: 'Paper reviewer', role: 'reviewer', country: 'MY' } })).value.country).toBe('MY');
  });
});

describe('vetting settings', () => {
  it('are saved by admins and curators, merged with the current ones, through the funnel', async () => {
    world = vettingWorld();
    const reviewer = world.addUser('reviewer');
    const curator = world.addUser('curator');
    world.actAs(reviewer);
    expect((await world.call('vetting.saveSettings', { yearsThreshold: 5 })).error).toMatchObject({ code: 'NOT_ALLOWED' });
    world.actAs(curator);
    const saved = await world.call('vetting.saveSettings', { yearsThreshold: 5 });
    expect(saved.value).toEqual({ ...defaultVettingSettings, yearsThreshold: 5 });
    expect((await world.call('vetting.saveSettings', { reviewersPerApplication: 3, sameCountryConflict: false })).value).toEqual({
      ...defaultVettingSettings,
      yearsThreshold: 5,
      reviewersPerApplication: 3,
      sameCountryConflict: false,
    });
    expect(world.ctx.settings().reviewersPerApplication).toBe(3);
    const change = world.db.prepare("SELECT actor, fields FROM changes WHERE entity = 'vetting_settings' ORDER BY rowid DESC LIMIT 1").get() as { actor: string; fields: string };
    expect(change.actor).toBe(curator);
    expect(Object.keys(JSON.parse(change.fields)).sort()).toEqual(['reviewersPerApplication', 'sameCountryConflict']);
    const twice = defaultVettingSettings.rubric[0]!;
    expect((await world.call('vetting.saveSettings', { rubric: [twice, twice] })).error).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await world.call('vetting.saveSettings', { reviewersPerApplication: 0 })).error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(world.ctx.settings().rubric).toEqual(defaultVettingSettings.rubric);
  });
});
