import { describe, expect, it } from 'vitest';
import { nextStatus, syncTestbed } from '../sync/testing';

/**
 * The workshop hub end to end, every part real: central (server/ on SQLite) over HTTP on
 * 127.0.0.1, one host core whose hub listens with TLS on 127.0.0.1 (a core in test mode hosts
 * on loopback only), and device cores that join it with the pairing code and sync through it
 * while central is down. Closing a core stops its hub.
 */

const { start, server: central, syncNow, enroll, names } = syncTestbed();
type Node = ReturnType<typeof start>;
const join_ = (n: Node, address: string, code: string) => nextStatus(n.core, () => n.call('hub.join', { address, code }));

describe('workshop hub', () => {
  it('carries edits between laptops while central is down, relays them to central, and nothing doubles when a laptop later syncs directly', async () => {
    const c = await central();
    const hana = await c.user({ name: 'Hana Curator', role: 'curator' });
    const ana = await c.user({ name: 'Ana Focal', role: 'focal_point', country: 'ID' });
    const budi = await c.user({ name: 'Budi Curator', role: 'curator' });
    const host = start();
    const a = start();
    const b = start();
    await enroll(host, c.url, hana.code);
    const siti = await host.call('experts.create', { expert: { givenName: 'Siti', familyName: 'Rahayu', country: 'ID' } });
    const van = await host.call('experts.create', { expert: { givenName: 'Van', familyName: 'Nguyen', country: 'VN' } });
    await syncNow(host);
    await enroll(a, c.url, ana.code);
    await enroll(b, c.url, budi.code);
    expect(await names(a)).toEqual(['Van Nguyen', 'Siti Rahayu'].sort());

    // The workshop: no internet.
    const { dataDir: centralDir, port: centralPort } = c;
    await c.close();

    const hosting = await host.call('hub.start', { port: 0, newCode: false });
    expect(hosting.running).toBe(true);
    expect(hosting.addresses).toEqual([`https://127.0.0.1:${hosting.port}`]);
    expect(hosting.code).toMatch(/^([A-HJ-NP-Z2-9]{4}-){7}[A-HJ-NP-Z2-9]{4}$/);
    expect(hosting.qrSvg).toContain('<svg');
    expect(hosting.qrText).toContain(hosting.fingerprint);

    // Ana types address and code; Budi pastes the QR text (it carries address and full fingerprint).
    const joinedA = await join_(a, hosting.addresses[0]!, hosting.code!.toLowerCase().replace(/-/g, ' '));
    expect(joinedA.user?.id).toBe(ana.id);
    await join_(b, '', hosting.qrText!);
    expect((await a.call('hub.status', {})).joined?.url).toBe(hosting.addresses[0]);
    expect((await host.call('hub.status', {})).devices).toEqual({ joined: 2, active: 2 });

    await a.call('experts.update', { id: siti.id, patch: { agency: 'BKN' } });
    await a.call('experts.update', { id: van.id, patch: { agency: 'out of scope' } });
    const dewi = await a.call('experts.create', { expert: { givenName: 'Dewi', country: 'ID' } });
    await host.call('experts.update', { id: van.id, patch: { agency: 'MOHA' } });
    const afterA = await syncNow(a);
    // The hub answered; central did not: still offline as a whole, with a reason.
    expect(afterA.problem?.code).toBe('OFFLINE');

    // The hub judged Ana's change to a Vietnamese expert by her scope, as central would.
    const problems = await a.call('sync.problems', { limit: 10 });
    expect(problems.items.map((p) => p.code)).toContain('OUT_OF_SCOPE');

    await syncNow(b);
    expect(await names(b)).toEqual(['Dewi', 'Siti Rahayu', 'Van Nguyen'].sort());
    expect((await b.call('experts.get', { id: siti.id })).agency).toBe('BKN');
    expect((await b.call('experts.get', { id: van.id })).agency).toBe('MOHA');
    // The host's directory (and search) holds the laptops' edits: the hub IS the host's database.
    expect(await names(host)).toContain('Dewi');

    // Back online: the host relays everything to central with its normal client.
    const back = await central(centralDir, centralPort);
    const relayed = await syncNow(host);
    expect(relayed).toMatchObject({ state: 'idle', problem: null, waiting: 0 });
    // Everything Ana wrote (three changes, one refused) reached central through the host.
    const relayedOfA = (await back.store.pull(0, 5000)).entries.filter((e) => e.change.origin === a.core.nodeId);
    expect(relayedOfA.map((e) => e.change.seq)).toEqual([1, 2, 3]);

    // Ana leaves the hub and syncs straight with central: nothing new is stored twice.
    expect((await a.call('hub.leave', {})).joined).toBeNull();
    const before = (await back.store.pull(0, 5000)).head;
    const direct = await syncNow(a);
    expect(direct).toMatchObject({ state: 'idle', waiting: 0 });
    const feed = (await back.store.pull(0, 5000)).entries;
    expect(feed.length).toBe(before);
    const keys = feed.map((e) => `${e.change.origin}:${e.change.seq}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(feed.filter((e) => e.change.origin === a.core.nodeId).map((e) => e.change.seq)).toEqual([1, 2, 3]);
    expect(await names(a)).toEqual(['Dewi', 'Siti Rahayu', 'Van Nguyen'].sort());
    expect((await a.call('experts.get', { id: dewi.id })).updatedBy).toBe(ana.id);
    // Central refused the out-of-scope change too: the verdicts agree.
    expect(feed.filter((e) => e.change.origin === a.core.nodeId && e.change.refused).length).toBe(1);
  });

  it('refuses, with a clear code each, a wrong code, another computer at the hub address, a hub that does not answer, and a laptop not signed in', async () => {
    const c = await central();
    const hana = await c.user({ name: 'Hana Curator' });
    const ana = await c.user({ name: 'Ana Curator' });
    const host = start();
    const a = start();
    await enroll(host, c.url, hana.code);
    await enroll(a, c.url, ana.code);
    await syncNow(host);
    const hosting = await host.call('hub.start', { port: 0, newCode: false });
    const address = hosting.addresses[0]!;
    const [pin1, pin2, pin3, pin4] = hosting.code!.split('-');

    expect((await a.refuse('hub.join', { address, code: 'not a code' })).code).toBe('INVALID_INPUT');
    // The right certificate, a wrong secret: the hub refuses it.
    expect((await a.refuse('hub.join', { address, code: `${pin1}-${pin2}-${pin3}-${pin4}-AAAA-BBBB-CCCC-DDDD` })).code).toBe('ENROLLMENT_INVALID');
    // A laptop that never signed in with central cannot say who it is.
    const stranger = start();
    expect((await stranger.refuse('hub.join', { address, code: hosting.code! })).code).toBe('NOT_ALLOWED');
    // Only a signed-in curator or administrator hosts: central takes relayed changes only from them.
    expect((await stranger.refuse('hub.start', { port: 0, newCode: false })).code).toBe('NOT_ALLOWED');
    const focal = start();
    await enroll(focal, c.url, (await c.user({ name: 'Fay Focal', role: 'focal_point', country: 'TH' })).code);
    expect((await focal.refuse('hub.start', { port: 0, newCode: false })).message).toMatch(/curator or an administrator/);
    expect((await host.call('hub.status', {})).devices.joined).toBe(0);

    await join_(a, address, hosting.code!);
    expect((await host.call('hub.status', {})).devices.joined).toBe(1);

    // Another laptop (another certificate) now answers at the same address and port.
    await host.call('hub.stop', {});
    const impostor = start();
    await enroll(impostor, c.url, (await c.user({ name: 'Ivan Impostor' })).code);
    await syncNow(impostor);
    const posing = await impostor.call('hub.start', { port: hosting.port!, newCode: false });
    expect(posing.addresses).toEqual([address]);
    expect(posing.fingerprint).not.toBe(hosting.fingerprint);
    const mismatch = await a.refuse('hub.join', { address, code: hosting.code! });
    expect(mismatch.code).toBe('CERT_MISMATCH');
    // The joined laptop's sync refuses it too, and waits for the curator instead of retrying.
    const blocked = await syncNow(a);
    expect(blocked.problem?.code).toBe('CERT_MISMATCH');
    expect(blocked.state).toBe('error');
    // Nothing reached the impostor: no laptop joined it, and it holds none of Ana's changes.
    const seen = await impostor.call('hub.status', {});
    expect(seen.devices.joined).toBe(0);

    await impostor.call('hub.stop', {});
    const unreachable = await a.refuse('hub.join', { address, code: hosting.code! });
    expect(unreachable.code).toBe('OFFLINE');

    // The real hub back on its port: the same code still works, with the same certificate.
    const again = await host.call('hub.start', { port: hosting.port!, newCode: false });
    expect(again.code).toBe(hosting.code);
    expect((await join_(a, address, hosting.code!)).problem).toBeNull();
    // A new code shuts out the laptops that joined with the old one.
    const renewed = await host.call('hub.start', { port: hosting.port!, newCode: true });
    expect(renewed.code).not.toBe(hosting.code);
    expect(renewed.code!.slice(0, 19)).toBe(hosting.code!.slice(0, 19));
    expect(renewed.devices.joined).toBe(0);
    expect((await a.refuse('hub.join', { address, code: hosting.code! })).code).toBe('ENROLLMENT_INVALID');
  });
});
