import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../electron/core/changes/canonical';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { putPhoto } from '../../electron/core/services/attachments';
import type { RemoteId } from '../../electron/core/sync/remotes';
import type { CountryCode } from '../../shared/model/countries';
import type { Role, SyncUser } from '../../shared/sync/protocol';
import { applyEdit } from './apply-edit';
import { hostHub } from './hub-host';
import { openDevice, startServerNode, type Device } from './nodes';
import { startFaultProxy, type Fault, type FaultProxy } from './proxy';
import { enrollToken, joinToken, prng, tinyPhotos } from './setup';

/**
 * One run of the convergence harness: a central server, a REAL workshop hub (electron/core/hub,
 * hosted by a curator's device on its own database, TLS with its self-signed certificate, joined
 * by pairing code) whose host syncs with central, each behind a fault-injecting proxy (the hub's
 * terminates TLS with the hub's own certificate, so the laptops' pinned transport accepts it),
 * and 3–5 devices with roles and clocks of their own. Steps come from fast-check
 * (convergence.test.ts); fault decisions from a PRNG seeded by the run, so a failing seed
 * replays the same faults for the same sequence of requests.
 */

export const DAY = 86_400_000;

export interface FaultMix {
  seed: number;
  /** Per request, the chance of each fault (the rest pass). */
  p: Record<Exclude<Fault, 'pass'>, number>;
}

interface DeviceSlot {
  device: Device;
  role: Role;
  country: CountryCode | null;
  user: SyncUser;
  /** Which servers this device syncs with. */
  remotes: RemoteId[];
  photos: { hash: string; mime: 'image/webp' }[];
  /** Tokens for a copy of this folder (a copy carries none and enrolls again). */
  spare: Partial<Record<RemoteId, string>>;
}

export interface AcceptedWrite {
  device: string;
  key: string;
  actor: string;
}

const roles: { role: Role; country: CountryCode | null; remotes: RemoteId[] }[] = [
  { role: 'admin', country: null, remotes: ['central'] },
  { role: 'curator', country: null, remotes: ['hub', 'central'] },
  { role: 'focal_point', country: 'TH', remotes: ['central'] },
  { role: 'curator', country: null, remotes: ['hub'] },
  { role: 'focal_point', country: 'VN', remotes: ['hub'] },
];

/** The key of a write for "is it on every node, once": what was written, by whom, not where in the log. */
export const writeKey = (c: { entity: string; id: string; op: string; actor: string; fields: unknown }) =>
  `${c.entity}|${c.id}|${c.op}|${c.actor}|${canonicalJson(typeof c.fields === 'string' ? JSON.parse(c.fields) : c.fields)}`;


export async function createWorld(options: { devices: number; faults: FaultMix; log: string[] }) {
  const root = mkdtempSync(join(tmpdir(), 'curator-faults-'));
  const random = prng(options.faults.seed);
  const decide = () => {
    let x = random();
    for (const [fault, p] of Object.entries(options.faults.p) as [Exclude<Fault, 'pass'>, number][]) {
      if (x < p) return { fault, delayMs: Math.floor(random() * 40) };
      x -= p;
    }
    return { fault: 'pass' as Fault, delayMs: 0 };
  };
  const central = await startServerNode(join(root, 'central'));
  const centralProxy = await startFaultProxy({ target: central.url, decide });
  // Setup (accounts, enrollment, joining the hub) runs without faults; the steps run with them.
  centralProxy.setEnabled(false);
  const photos = await tinyPhotos();
  const injected = new Set<string>();
  const errors: string[] = [];

  // Every account exists at central first; the hub learns them from the user records its host pulls.
  const hostAccount = await central.addUser({ name: 'Workshop host', email: 'host@accsm.org', role: 'curator', country: null });
  const users = [];
  for (let i = 0; i < options.devices; i++) {
    const r = roles[i]!;
    users.push(await central.addUser({ name: `User ${i}`, email: `user${i}@accsm.org`, role: r.role, country: r.country }));
  }
  // The host: a curator's laptop, signed in with central, hosting the hub on its own database.
  const hostDevice = openDevice(join(root, 'hub-host'), { skewMs: 0 }, 'hub-host');
  await hostDevice.enroll('central', centralProxy.url, await hostAccount.code());
  await hostDevice.sync('central');
  const hub = await hostHub(hostDevice);
  const host = { device: hostDevice, country: null, photos: [] as DeviceSlot['photos'] };
  for (const p of photos) host.photos.push(await putPhoto(hostDevice.db, p));
  const proxies: Record<RemoteId, FaultProxy> = {
    central: centralProxy,
    hub: await startFaultProxy({ target: hub.url, decide, tls: hub.certificate }),
  };
  proxies.hub.setEnabled(false);

  const slots: DeviceSlot[] = [];
  for (let i = 0; i < options.devices; i++) {
    const r = roles[i]!;
    const added = users[i]!;
    // The first laptop reads central's snapshot on its own thread, as the app does; the others on
    // the core's thread (each thread start costs about a second, and both paths then meet faults).
    const device = openDevice(join(root, `device-${i}`), { skewMs: 0 }, `device-${i}`, { snapshotThread: i === 0 });
    // Tokens for a copy of this folder: central's for every device (any may later sync there directly).
    const spare: DeviceSlot['spare'] = { central: await enrollToken(proxies.central.url, await added.code(), `device-${i} copy`) };
    // Every laptop signs in with central first (a hub admits only laptops signed in there), but
    // one that works at the workshop syncs only with the hub until it leaves it (goDirect).
    await device.enroll('central', proxies.central.url, await added.code());
    if (r.remotes.includes('hub')) {
      // Typed code on some laptops, the QR text on others (it carries the full fingerprint); the
      // address typed is the proxy's, which shows the hub's certificate.
      await device.joinHub(proxies.hub.url, i % 2 ? hub.pairing.qrText : hub.pairing.code, added.user.id);
      spare.hub = await joinToken(proxies.hub.url, hub.pairing.code, added.user.id, `device-${i} copy`, (0xc0 + i).toString(16).padStart(16, '0'));
    }
    const stored = [];
    for (const p of photos) stored.push(await putPhoto(device.db, p));
    slots.push({ device, role: r.role, country: r.country, user: added.user, remotes: [...r.remotes], photos: stored, spare });
  }
  // A few experts every device holds from the start, so the first edits already contend.
  const seedEditor = slots[0]!;
  for (const [givenName, country] of [['Nguyễn Thị Lan', 'VN'], ['สมชาย ใจดี', 'TH'], ['Siti Nurhaliza', 'MY'], ['José Rizal', 'PH']] as const) {
    const created = seedEditor.device.experts.create({ expert: { givenName, country } as never, portfolio: [] });
    seedEditor.device.experts.addPortfolio(created.id, { kind: 'publication', title: 'Merit system reform', year: 2020, description: '', link: '' });
  }
  const seeded = seedEditor.device.db.prepare("SELECT entity, id, op, actor, fields FROM changes WHERE entity <> 'user'").all() as { entity: string; id: string; op: string; actor: string; fields: string }[];
  await seedEditor.device.sync('central');
  await hostDevice.sync('central');
  for (const slot of slots) for (const remote of slot.remotes) await slot.device.sync(remote);
  // A backup taken after every account exists: restoring it loses changes, never a token.
  let backup: string | null = await central.backup();
  for (const p of Object.values(proxies)) p.setEnabled(true);
  const accepted: AcceptedWrite[] = seeded.map((w) => ({ device: seedEditor.device.name, key: writeKey(w), actor: w.actor }));
  let copies = 0;

  async function guarded(what: string, run: () => Promise<void>) {
    try {
      await run();
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as Error).message;
      errors.push(`${what}: ${code}`);
    }
  }

  function record(device: Device, before: number, edit: { op: string }, outcome: string): void {
    const written = device.db.prepare('SELECT entity, id, op, actor, fields FROM changes WHERE origin = ? AND seq > ? ORDER BY seq').all(device.funnel.nodeId, before) as {
      entity: string;
      id: string;
      op: string;
      actor: string;
      fields: string;
    }[];
    for (const w of written) accepted.push({ device: device.name, key: writeKey(w), actor: w.actor });
    options.log.push(`edit ${device.name} ${edit.op}: ${outcome}`);
  }
  const lastSeq = (device: Device) => (device.db.prepare('SELECT coalesce(max(seq), 0) FROM changes WHERE origin = ?').pluck().get(device.funnel.nodeId) as number) ?? 0;

  return {
    root,
    central,
    hub,
    proxies,
    slots,
    accepted,
    injected,
    errors,
    edit(d: number, edit: Parameters<typeof applyEdit>[1]) {
      const slot = slots[d % slots.length]!;
      const before = lastSeq(slot.device);
      record(slot.device, before, edit, applyEdit(slot, edit));
    },
    /** The hub's host edits too: its writes are in the hub's feed as soon as they are made. */
    hostEdit(edit: Parameters<typeof applyEdit>[1]) {
      const before = lastSeq(hostDevice);
      record(hostDevice, before, edit, applyEdit(host, edit));
    },
    async sync(d: number, which: number) {
      const slot = slots[d % slots.length]!;
      const remote = slot.remotes[which % slot.remotes.length]!;
      await guarded(`sync ${slot.device.name} ${remote}`, () => slot.device.sync(remote));
    },
    async syncTogether(a: number, b: number) {
      await Promise.all([this.sync(a, 0), this.sync(b, 1)]);
    },
    /** The hub's host syncs with central: it relays what laptops pushed to the hub, and brings central's news. */
    async relaySync() {
      await guarded('hub host sync with central', () => hostDevice.sync('central'));
    },
    async restartServer(which: RemoteId) {
      if (which === 'central') {
        injected.add('server restart');
        await central.restart();
      } else {
        injected.add('hub restart (its host laptop restarted)');
        await hub.restart();
      }
    },
    /**
     * A laptop that synced through the hub leaves it and syncs with central directly (the
     * workshop is over): what it wrote reaches central both through the hub's host and
     * directly, and must be stored once. (It signed in with central before the workshop, so its
     * token predates central's backup.)
     */
    goDirect(d: number) {
      const slot = slots[d % slots.length]!;
      if (!slot.remotes.includes('hub') || slot.remotes.includes('central')) return;
      slot.device.leave('hub');
      slot.remotes = ['central'];
      injected.add('a laptop synced through the hub, then directly');
    },
    async backupCentral() {
      backup = await central.backup();
    },
    async restoreCentral() {
      if (!backup) return;
      injected.add('server restored from an older backup (new epoch)');
      await central.restore(backup);
    },
    restartDevice(d: number) {
      slots[d % slots.length]!.device.restart();
    },
    /** Kills a device mid-sync (its database closes under the engine, between transactions) and restarts it. */
    async crashDuringSync(d: number, afterMs: number) {
      const slot = slots[d % slots.length]!;
      injected.add('device killed during a sync, restarted');
      const running = slot.device.sync(slot.remotes[0]!).catch(() => undefined);
      await new Promise((r) => setTimeout(r, afterMs));
      slot.device.kill();
      await running;
      slot.device.restart();
    },
    setClock(d: number, skewDays: number) {
      const slot = slots[d % slots.length]!;
      if (skewDays !== 0) injected.add('clock skew of days');
      slot.device.clock.skewMs = skewDays * DAY;
    },
    /** Copies a device's data folder to a new device, which enrolls again and edits on its own. */
    async copyDevice(d: number, copyEdit: Parameters<typeof applyEdit>[1], originalEdit: Parameters<typeof applyEdit>[1]) {
      if (copies >= 1 || slots.length >= 5) return;
      const original = d % slots.length;
      const slot = slots[original]!;
      // Any laptop may be copied, the one syncing with both the hub and central too (fixed: it once
      // ended with one write twice in every log). SYNC_FAULT_DUAL_FORK=0 leaves that laptop out, to
      // tell a failure in that case from others.
      if (slot.remotes.length > 1 && process.env.SYNC_FAULT_DUAL_FORK === '0') return;
      copies++;
      injected.add('copied data folder');
      const dir = join(root, `copy-of-${slot.device.name}`);
      await slot.device.copyTo(dir);
      const copy = openDevice(dir, { skewMs: slot.device.clock.skewMs }, `copy-of-${slot.device.name}`);
      // Every token the copy may need, central's included: a copy of a laptop at the workshop may later leave the hub too.
      for (const [remote, token] of Object.entries(slot.spare) as [RemoteId, string][]) copy.useToken(remote, token);
      slots.push({ ...slot, remotes: [...slot.remotes], device: copy, spare: {} });
      // Both copies edit on: the same node id now names two different histories.
      this.edit(slots.length - 1, copyEdit);
      // By the original's own index: `d` may wrap round onto another device once the copy is in.
      this.edit(original, originalEdit);
    },
    /** Faults off, every server up, then sync rounds until a whole round moves nothing. */
    async quiesce(): Promise<number> {
      for (const p of Object.values(proxies)) {
        p.setEnabled(false);
        await p.settle();
      }
      if (!central.url()) await central.up();
      if (!hub.url()) await hub.restart();
      for (let round = 1; round <= 12; round++) {
        const before = fingerprint();
        errors.length = 0;
        await this.relaySync();
        for (const slot of slots) for (const remote of slot.remotes) await guarded(`quiesce ${slot.device.name} ${remote}`, () => slot.device.sync(remote));
        await this.relaySync();
        if (errors.length) throw new Error(`Sync failed with faults off (round ${round}): ${errors.join('; ')}`);
        if (fingerprint() === before) return round;
      }
      throw new Error('No quiescence after 12 rounds of sync with faults off.');
    },
    /** What the run exercised beyond the injected faults: forks resolved, refusals, writes. */
    outcomes() {
      const forks = slots.reduce((n, s) => n + (s.device.db.prepare("SELECT count(*) FROM meta WHERE key LIKE 'forked_from.%'").pluck().get() as number), 0);
      const refused = withCentral((db) => db.prepare('SELECT count(*) FROM refused_changes').pluck().get() as number);
      return { accepted: accepted.length, refused, forks };
    },
    /** Requests each proxy passed or faulted, by proxy: 'hub: drop-response' → n. */
    faultCounts() {
      const total: Record<string, number> = {};
      for (const [name, p] of Object.entries(proxies)) for (const [k, v] of Object.entries(p.counts)) total[`${name}: ${k}`] = v;
      return total;
    },
    /** Runs `read` on every node's database (central through a connection of its own, closed after). */
    eachNode<T>(read: (name: string, db: Db, projection: boolean) => T): T[] {
      const out = [withCentral((db) => read('central', db, false)), read(hostDevice.name, hostDevice.db, true)];
      for (const s of slots) out.push(read(s.device.name, s.device.db, true));
      return out;
    },
    async close() {
      for (const s of slots) s.device.close();
      for (const p of Object.values(proxies)) await p.close();
      await hub.down();
      hostDevice.close();
      await central.down();
      rmSync(root, { recursive: true, force: true });
    },
  };

  function fingerprint(): string {
    const parts: string[] = [];
    for (const db of [hostDevice.db, ...slots.map((s) => s.device.db)]) {
      parts.push(JSON.stringify(db.prepare('SELECT (SELECT count(*) FROM changes), (SELECT count(*) FROM refused_changes), (SELECT coalesce(max(seq), 0) FROM feed), (SELECT total(length(data)) FROM records)').raw().get()));
    }
    parts.push(withCentral((db) => JSON.stringify(db.prepare('SELECT (SELECT count(*) FROM changes), (SELECT count(*) FROM refused_changes), (SELECT coalesce(max(seq), 0) FROM feed)').raw().get())));
    return parts.join(';');
  }

  function withCentral<T>(read: (db: Db) => T): T {
    const db = openDatabase(central.file);
    try {
      return read(db);
    } finally {
      db.close();
    }
  }
}
export type World = Awaited<ReturnType<typeof createWorld>>;

