import { afterEach, describe, expect, it } from 'vitest';
import { checkConverged } from './check';
import { createWorld, type World } from './world';

/**
 * Named scenarios the random runs reach only sometimes, written out so each runs on every CI
 * build: a restored central re-learning from devices, a copied data folder, a clock a year ahead,
 * a laptop that synced through the workshop hub and later directly.
 */
const noFaults = { seed: 1, p: { 'drop-request': 0, 'drop-response': 0, duplicate: 0, 'replay-later': 0, delay: 0 } };

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

describe('named convergence scenarios', () => {
  it('central restored from an older backup learns back what it lost, even when a focal point’s laptop reports first', async () => {
    const w = (world = await createWorld({ devices: 3, faults: noFaults, log: [] }));
    await w.backupCentral();
    w.edit(0, { op: 'create', givenName: 'Siti Nurhaliza', country: 'MY', more: {} });
    w.edit(2, { op: 'create', givenName: 'ประเสริฐ', country: 'TH', more: {} });
    await w.sync(0, 0);
    await w.sync(2, 0);
    await w.sync(0, 0);
    expect(w.errors).toEqual([]);
    await w.restoreCentral();
    // The Thai focal point's laptop syncs first: it holds the admin's change the restored server lost.
    await w.sync(2, 0);
    await w.sync(0, 0);
    await w.quiesce();
    expect(checkConverged(w)).toEqual([]);
  });

  it('a copied data folder: both copies edit, both edits survive under different node ids', async () => {
    const w = (world = await createWorld({ devices: 3, faults: noFaults, log: [] }));
    w.edit(0, { op: 'create', givenName: 'José Rizal', country: 'PH', more: {} });
    await w.sync(0, 0);
    await w.copyDevice(0, { op: 'update', target: 0, patch: { position: 'ບຸນມີ' } }, { op: 'update', target: 0, patch: { agency: 'Civil Service Commission' } });
    await w.sync(3, 0);
    await w.sync(0, 0);
    await w.quiesce();
    expect(checkConverged(w)).toEqual([]);
    expect(w.outcomes().forks).toBe(1);
    const ids = new Set(w.slots.map((s) => s.device.funnel.nodeId));
    expect(ids.size).toBe(w.slots.length);
  });

  it('a laptop a year ahead, then corrected: its edits sync, and a later edit of the same field elsewhere still wins', async () => {
    const w = (world = await createWorld({ devices: 3, faults: noFaults, log: [] }));
    w.setClock(1, 365);
    w.edit(1, { op: 'update', target: 0, patch: { agency: 'Written a year ahead', position: 'Director' } });
    await w.quiesce();
    w.setClock(1, 0);
    // The admin's laptop has the right time; it saw the year-ahead value, and its edit comes after it.
    w.edit(0, { op: 'update', target: 0, patch: { agency: 'Public Service Division' } });
    await w.quiesce();
    expect(checkConverged(w)).toEqual([]);
    const record = JSON.parse(w.slots[2]!.device.db.prepare("SELECT data FROM records WHERE entity = 'expert' ORDER BY id LIMIT 1").pluck().get() as string) as Record<string, unknown>;
    expect(record).toMatchObject({ agency: 'Public Service Division', position: 'Director' });
  });

  it('a copied folder whose refused write central then lost in a restore: the write is judged again, never silently deleted', async () => {
    const w = (world = await createWorld({ devices: 3, faults: noFaults, log: [] }));
    await w.backupCentral();
    // The Thai focal point's folder is copied; the copy edits the Vietnamese expert (refused), the original a Thai one.
    // Targets are indexes into the ids in order, and ids sort in the order they were made even
    // within one millisecond (shared/ids.ts): 0 is the first seeded expert, 1 the second. (When
    // ids in one millisecond sorted at random, this test now and then edited another country's.)
    const countries = w.slots[2]!.device.db.prepare("SELECT json_extract(data, '$.country') FROM records WHERE entity = 'expert' ORDER BY id").pluck().all();
    expect(countries.slice(0, 2)).toEqual(['VN', 'TH']);
    await w.copyDevice(2, { op: 'update', target: 0, patch: { position: 'Written on the copy' } }, { op: 'update', target: 1, patch: { position: 'Written on the original' } });
    await w.sync(3, 0);
    await w.restoreCentral();
    await w.sync(2, 0);
    await w.sync(3, 0);
    await w.quiesce();
    expect(checkConverged(w)).toEqual([]);
    expect(w.outcomes()).toMatchObject({ refused: 1, forks: 1 });
  });

  it('a laptop that synced through the workshop hub (TLS, pinned by the pairing code) and later directly stores nothing twice', async () => {
    const w = (world = await createWorld({ devices: 4, faults: noFaults, log: [] }));
    const laptop = w.slots[3]!; // a curator at the workshop: the hub only
    expect(laptop.remotes).toEqual(['hub']);
    // It joined through the proxy, which shows the hub's certificate: the pin it keeps is the hub's full fingerprint.
    expect(laptop.device.remotes().find((r) => r.id === 'hub')?.pin).toBe(w.hub.certificate.fingerprint);
    w.edit(3, { op: 'create', givenName: 'Xanana Gusmão', country: 'TL', more: {} });
    await w.sync(3, 0);
    await w.relaySync(); // the host passes it on to central
    w.edit(3, { op: 'update', target: 0, patch: { agency: 'Written at the workshop' } });
    await w.sync(3, 0); // the hub has it; central not yet
    w.goDirect(3);
    await w.sync(3, 0); // central, directly: it pushes what central lacks
    await w.relaySync(); // the host pushes the same change again: central already holds it
    await w.quiesce();
    expect(w.errors).toEqual([]);
    expect(checkConverged(w)).toEqual([]);
    const origin = laptop.device.funnel.nodeId;
    const atCentral = w.eachNode((name, db) => (name === 'central' ? (db.prepare('SELECT seq FROM changes WHERE origin = ? ORDER BY seq').pluck().all(origin) as number[]) : null))[0];
    expect(atCentral).toEqual([1, 2]);
  });
});
