import { existsSync, readFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRETS_FILE } from '../sync/secrets';
import { nextStatus, syncTestbed } from '../sync/testing';

/**
 * Leaving a workshop hub while a sync with it is under way: every part real (central on
 * 127.0.0.1, a host core whose hub listens with TLS on 127.0.0.1, a laptop core). Between the
 * laptop and the hub sits a TCP relay that can hold the hub's answers back, so the laptop's
 * run is provably in the middle of a request to the hub when the curator leaves.
 */

const relays: { server: Server; sockets: Set<Socket> }[] = [];
afterEach(async () => {
  for (const r of relays.splice(0)) {
    for (const s of r.sockets) s.destroy();
    await new Promise((resolve) => r.server.close(resolve));
  }
});

/** A TCP relay to 127.0.0.1:port; `hold()` stops passing the hub's bytes on (TLS goes through untouched). */
async function relay(port: number) {
  const sockets = new Set<Socket>();
  let held = false;
  const upstreams: Socket[] = [];
  const server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    sockets.add(client).add(upstream);
    upstreams.push(upstream);
    if (held) upstream.pause();
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  relays.push({ server, sockets });
  return {
    address: `https://127.0.0.1:${(server.address() as { port: number }).port}`,
    hold() {
      held = true;
      for (const u of upstreams) u.pause();
    },
  };
}

const bed = syncTestbed();

describe('leaving a workshop hub', () => {
  it('stops the sync with the hub under way, removes the hub with its token, and keeps syncing with central', async () => {
    const c = await bed.server();
    const host = bed.start();
    const laptop = bed.start();
    await bed.enroll(host, c.url, (await c.user({ name: 'Hana Curator' })).code);
    await bed.enroll(laptop, c.url, (await c.user({ name: 'Ana Curator' })).code);
    await host.call('experts.create', { expert: { givenName: 'Siti', familyName: 'Rahayu', country: 'ID' } });
    await bed.syncNow(host);
    const hosting = await host.call('hub.start', { port: 0, newCode: false });
    const toHub = await relay(hosting.port!);
    const joined = await nextStatus(laptop.core, () => laptop.call('hub.join', { address: toHub.address, code: hosting.code! }));
    expect(joined.remotes.map((r) => [r.id, r.state])).toEqual([
      ['hub', 'idle'],
      ['central', 'idle'],
    ]);

    // The hub stops answering mid-sync: the laptop's run waits on its request.
    toHub.hold();
    await laptop.call('experts.create', { expert: { givenName: 'Dewi', country: 'ID' } });
    await nextStatus(laptop.core, () => laptop.call('sync.now', {}), (s) => s.remotes.some((r) => r.id === 'hub' && r.state === 'syncing'));

    const left = await laptop.call('hub.leave', {});
    expect(left.joined).toBeNull();
    const after = await laptop.call('sync.status', {});
    expect(after.remotes.map((r) => r.id)).toEqual(['central']);
    expect(after.serverUrl).toBe(c.url);
    const secrets = join(laptop.dataDir, SECRETS_FILE);
    expect(existsSync(secrets) ? Object.keys((JSON.parse(readFileSync(secrets, 'utf8')) as { entries: object }).entries) : []).toEqual(['sync-token:central']);

    // Sync carries on with central alone, and the laptop's new expert gets there.
    const direct = await bed.syncNow(laptop);
    expect(direct).toMatchObject({ state: 'idle', problem: null, waiting: 0 });
    expect(direct.remotes).toMatchObject([{ id: 'central', state: 'idle', waiting: 0 }]);
    expect(await bed.names(host)).not.toContain('Dewi');
    await bed.syncNow(host);
    expect(await bed.names(host)).toContain('Dewi');
    await host.call('hub.stop', {});
  });

  it('syncs with central while the hub is gone, and says so for each', async () => {
    const c = await bed.server();
    const host = bed.start();
    const laptop = bed.start();
    await bed.enroll(host, c.url, (await c.user({ name: 'Hana Curator' })).code);
    await bed.enroll(laptop, c.url, (await c.user({ name: 'Ana Curator' })).code);
    await bed.syncNow(host);
    const hosting = await host.call('hub.start', { port: 0, newCode: false });
    await nextStatus(laptop.core, () => laptop.call('hub.join', { address: hosting.addresses[0]!, code: hosting.code! }));
    await bed.syncNow(laptop);

    // The workshop is over: the host packs up; the laptop is back on the secretariat's network.
    await host.call('hub.stop', {});
    await laptop.call('experts.create', { expert: { givenName: 'Dewi', country: 'ID' } });
    const after = await bed.syncNow(laptop);
    expect(after.remotes).toMatchObject([
      { id: 'hub', state: 'offline', waiting: 1, problem: { code: 'OFFLINE' } },
      { id: 'central', state: 'idle', waiting: 0, problem: null },
    ]);
    expect(after.state).toBe('offline');
    await bed.syncNow(host);
    expect(await bed.names(host)).toContain('Dewi');
  });
});
