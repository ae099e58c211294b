import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract/events';
import { nextStatus, settled, syncTestbed } from './testing';

const { start, server, syncNow, enroll, names } = syncTestbed();

describe('sync client against the real server', () => {
  it('enrolls, writes as the signed-in user, and carries edits both ways between two devices', async () => {
    const central = await server();
    const ana = await central.user({ name: 'Ana Reyes' });
    const budi = await central.user({ name: 'Budi Santoso' });
    const a = start();
    const b = start();

    const enrolled = await enroll(a, central.url, ana.code);
    expect(enrolled).toMatchObject({ configured: true, serverUrl: central.url, state: 'idle', problem: null, waiting: 0 });
    expect(enrolled.user).toMatchObject({ id: ana.id, name: 'Ana Reyes', role: 'curator' });
    expect((await a.call('app.info', {})).user?.name).toBe('Ana Reyes');

    const expert = await a.call('experts.create', { expert: { givenName: 'Siti', familyName: 'Rahayu', country: 'ID' }, portfolio: [{ kind: 'publication', title: 'Merit systems', year: 2020, description: '', link: '' }] });
    expect(expert.updatedBy).toBe(ana.id);
    expect((await a.call('sync.status', {})).waiting).toBe(2);
    expect((await syncNow(a)).waiting).toBe(0);

    // Budi's device starts empty: its first sync is the snapshot.
    const first = await enroll(b, central.url, budi.code);
    expect(first.state).toBe('idle');
    expect(await names(b)).toEqual(['Siti Rahayu']);
    expect((await b.call('experts.get', { id: expert.id })).portfolio.map((p) => p.title)).toEqual(['Merit systems']);

    await b.call('experts.update', { id: expert.id, patch: { agency: 'BKN' } });
    await syncNow(b);
    await syncNow(a);
    const seen = await a.call('experts.get', { id: expert.id });
    expect(seen.agency).toBe('BKN');
    expect(seen.updatedBy).toBe(budi.id);
    // Nothing doubled anywhere.
    expect((await central.store.pull(0, 1000)).entries.filter((e) => e.change.entity === 'expert')).toHaveLength(2);
  });

  it('counts changes waiting while the server is down and sends them when it is back', async () => {
    const central = await server();
    const ana = await central.user({ name: 'Ana Reyes' });
    const a = start();
    await enroll(a, central.url, ana.code);
    const { dataDir, port } = central;
    await central.close();

    for (const givenName of ['Dara', 'Ei', 'Farah']) await a.call('experts.create', { expert: { givenName, country: 'KH' } });
    const offline = await syncNow(a);
    expect(offline).toMatchObject({ state: 'offline', waiting: 3 });
    expect(offline.problem?.code).toBe('OFFLINE');
    expect(offline.nextAttemptAt).not.toBeNull();

    const back = await server(dataDir, port);
    const online = await syncNow(a);
    expect(online).toMatchObject({ state: 'idle', waiting: 0, problem: null });
    expect((await back.store.vector())[a.core.nodeId]).toBe(3);
  });

  it('stops on a revoked token until the curator signs in again, also after a restart', async () => {
    const central = await server();
    const ana = await central.user({ name: 'Ana Reyes' });
    const a = start();
    await enroll(a, central.url, ana.code);
    const [token] = await central.store.accounts.listTokens();
    await central.store.accounts.revokeToken(token!.id);

    const stopped = await syncNow(a);
    expect(stopped).toMatchObject({ state: 'error', nextAttemptAt: null });
    expect(stopped.problem?.code).toBe('TOKEN_REVOKED');

    a.core.close();
    const again = start(a.dataDir);
    const status = await again.call('sync.status', {});
    expect(status).toMatchObject({ state: 'error', configured: true });
    expect(status.problem?.code).toBe('TOKEN_REVOKED');

    const used = await again.refuse('sync.enroll', { serverUrl: central.url, code: ana.code });
    expect(used.code).toBe('ENROLLMENT_INVALID');
    const fresh = await enroll(again, central.url, await central.code(ana.id));
    expect(fresh).toMatchObject({ state: 'idle', problem: null });
  });

  it('signs out: the token is forgotten and writes carry the operating-system user again', async () => {
    const central = await server();
    const ana = await central.user({ name: 'Ana Reyes' });
    const a = start();
    await enroll(a, central.url, ana.code);
    expect((await a.call('app.info', {})).actor).toBe(ana.id);
    const out = await a.call('sync.signOut', {});
    expect(out).toMatchObject({ configured: false, state: 'off', user: null });
    expect((await a.call('app.info', {})).actor).toBe('ana');
  });

  it('syncs by itself shortly after a local write, and reports a first sync as progress', async () => {
    const central = await server();
    const ana = await central.user({ name: 'Ana Reyes' });
    const budi = await central.user({ name: 'Budi Santoso' });
    const a = start();
    const first = await enroll(a, central.url, ana.code);
    // No "Sync now": the write itself schedules a sync (debounced by a couple of seconds).
    const synced = await nextStatus(
      a.core,
      async () => {
        for (let i = 0; i < 30; i++) await a.call('experts.create', { expert: { givenName: `Expert ${i}`, country: 'LA' } });
      },
      (s) => settled(s) && s.waiting === 0 && (s.lastSyncedAt ?? 0) > (first.lastSyncedAt ?? 0),
    );
    expect(synced.state).toBe('idle');
    expect((await central.store.vector())[a.core.nodeId]).toBe(30);

    const b = start();
    const progress: EventPayload<'progress'>[] = [];
    const statuses: EventPayload<'sync'>[] = [];
    b.core.on('progress', (p) => p.task === 'sync' && progress.push(p));
    b.core.on('sync', (s) => statuses.push(s));
    await enroll(b, central.url, budi.code);
    expect(statuses.some((s) => s.state === 'syncing' && s.progress?.phase === 'snapshot')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ finished: true });
    expect(statuses.at(-1)?.progress).toBeNull();
    expect((await b.call('experts.search', {})).total).toBe(30);
  });
});
