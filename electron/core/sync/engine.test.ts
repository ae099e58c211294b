import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { expertDefaults } from '../../../shared/model/expert';
import { ChangeFunnel } from '../changes/funnel';
import { openDatabase, type Db } from '../db/open';
import { expertProjection } from '../services/experts/projection';
import { loadShippedTaxonomy } from '../services/taxonomy-resource';
import { createEngine, type EngineDeps } from './engine';
import { RemoteStore } from './remotes';
import type { CycleContext, Progress } from './service';
import { backupDatabase, restoreDatabase } from '../../../server/sqlite/backup';
import { centralDbPath } from '../../../server/sqlite/store';
import { runServer, type RunningServer } from './testing';

/** The engine alone, on real SQLite files, against the real server: pages, chunks and crashes under the test's control. */

const taxonomy = loadShippedTaxonomy();
let servers: RunningServer[] = [];
const dbs: Db[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function server() {
  const s = await runServer();
  servers.push(s);
  return s;
}

async function device(central: RunningServer, user: { id: string; code: string } | null = null, engine: Partial<EngineDeps> = {}) {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'curator-engine-')), 'curator.db'));
  dbs.push(db);
  const funnel = new ChangeFunnel(db, [expertProjection(db, taxonomy)]);
  const remotes = new RemoteStore(db);
  const account = user ?? (await central.user({ name: `User ${uuidv7().slice(-6)}` }));
  const code = user ? await central.code(user.id) : account.code;
  const enrolled = await central.store.accounts.enroll(code, funnel.nodeId, 'test device');
  if (enrolled.kind !== 'ok') throw new Error('enroll failed');
  remotes.enroll({ id: 'central', baseUrl: central.url, pin: null, tokenId: enrolled.tokenId, user: enrolled.user, now: Date.now() });
  const progress: Progress[] = [];
  const changed: string[][] = [];
  const run = createEngine({ db, funnel, remotes, fetch, now: Date.now, changed: (e) => changed.push(e), ...engine });
  const cycle = (signal = new AbortController().signal) => {
    const ctx: CycleContext = { remote: remotes.get('central')!, token: enrolled.token, signal, progress: (p) => p && progress.push(p) };
    return run(ctx);
  };
  const addExperts = (n: number, prefix = 'Expert') => {
    const writes = Array.from({ length: n }, (_, i) => ({ entity: 'expert', id: uuidv7(), fields: { ...expertDefaults, givenName: `${prefix} ${i}`, country: 'ID', status: 'active', statusReason: '' } }));
    funnel.write(account.id, writes);
    return writes.map((w) => w.id);
  };
  const count = (entity = 'expert') => db.prepare('SELECT count(*) FROM records WHERE entity = ?').pluck().get(entity) as number;
  const indexed = () => db.prepare('SELECT count(*) FROM expert_index').pluck().get() as number;
  return { db, funnel, remotes, run, cycle, addExperts, count, indexed, progress, changed, account, token: enrolled.token };
}

describe('sync engine', () => {
  it('first sync reads the snapshot in chunks with progress, then pulls pages; nothing is applied twice', async () => {
    const central = await server();
    const a = await device(central);
    a.addExperts(250);
    await a.cycle();
    expect(await central.store.vector()).toMatchObject({ [a.funnel.nodeId]: 250 });

    const b = await device(central, null, { snapshotChunk: 60, pageSize: 40 });
    await b.cycle();
    expect(b.count()).toBe(250);
    expect(b.indexed()).toBe(250);
    const snapshot = b.progress.filter((p) => p.phase === 'snapshot');
    expect(snapshot.length).toBeGreaterThanOrEqual(5);
    expect(snapshot.at(-1)).toMatchObject({ done: snapshot.at(-1)!.total });
    expect(b.remotes.get('central')).toMatchObject({ snapshotDone: true });
    expect(b.changed.flat()).toContain('expert');

    // Later writes come by pull pages, not by another snapshot.
    a.addExperts(90, 'Later');
    await a.cycle();
    b.progress.length = 0;
    await b.cycle();
    expect(b.count()).toBe(340);
    expect(b.progress.some((p) => p.phase === 'snapshot')).toBe(false);
    expect(b.progress.filter((p) => p.phase === 'pull').length).toBeGreaterThanOrEqual(3);
    expect(b.db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(340 + 2 /* the two users' records */);
  });

  it('a first sync read on the snapshot thread (as the app does) stores what a read on the core’s thread stores', async () => {
    const central = await server();
    const a = await device(central);
    a.addExperts(130);
    await a.cycle();

    const here = await device(central, null, { snapshotChunk: 50 });
    const threaded = await device(central, null, { snapshotChunk: 50, snapshotThread: true });
    // How many entries of each received batch came checked by the thread (none would mean it fell back).
    const marked: number[] = [];
    const receive = threaded.funnel.receive.bind(threaded.funnel);
    threaded.funnel.receive = (entries, options) => {
      marked.push(options?.checked?.size ?? 0);
      return receive(entries, options);
    };
    await here.cycle();
    await threaded.cycle();
    expect(marked.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    expect(threaded.count()).toBe(130);
    expect(threaded.indexed()).toBe(130);
    expect(threaded.remotes.get('central')).toMatchObject({ snapshotDone: true });
    expect(threaded.progress.filter((p) => p.phase === 'snapshot').length).toBeGreaterThanOrEqual(3);
    // The log and the records as stored, byte for byte (the fields' JSON worked out on the thread included).
    const stored = (db: Db) => ({
      changes: db.prepare('SELECT origin, seq, hlc, actor, entity, id, op, fields FROM changes ORDER BY origin, seq').all(),
      records: db.prepare('SELECT entity, id, data, stamps FROM records ORDER BY entity, id').all(),
    });
    expect(stored(threaded.db)).toEqual(stored(here.db));
  });

  it("a first sync in several chunks announces 'changed' as chunks are applied, at most once per interval", async () => {
    const central = await server();
    const a = await device(central);
    a.addExperts(250);
    await a.cycle();

    // Every chunk may announce (interval 0): the directory sees experts long before the end.
    const seen: number[] = [];
    const b = await device(central, null, { snapshotChunk: 60, announceEveryMs: 0, changed: (e) => e.includes('expert') && seen.push(b.count()) });
    await b.cycle();
    expect(b.count()).toBe(250);
    expect(seen.filter((n) => n < 250).length).toBeGreaterThanOrEqual(3);
    // (A chunk is 60 entries; the snapshot also carries the users' records, so the first holds 58 to 60 experts.)
    expect(seen[0]).toBeGreaterThan(50);
    expect(seen.at(-1)).toBe(250);

    // A clock that never moves: the first chunk announces, then only the cycle's end does.
    const still: number[] = [];
    const c = await device(central, null, { snapshotChunk: 60, now: () => 1_000_000, changed: () => still.push(c.count()) });
    await c.cycle();
    expect(still).toHaveLength(2);
    expect(still[0]).toBeLessThan(250);
    expect(still[1]).toBe(250);
  });

  it('a crash between applying a page and saving its cursor leaves the previous page and cursor, and the next run resumes', async () => {
    const central = await server();
    const a = await device(central);
    a.addExperts(100);
    await a.cycle();

    const b = await device(central, null, { pageSize: 30 });
    await b.cycle();
    const before = b.remotes.get('central')!.cursor!;
    a.addExperts(100, 'Later');
    await a.cycle();
    const real = b.remotes.saveCursor.bind(b.remotes);
    let calls = 0;
    b.remotes.saveCursor = (id, cursor, done) => {
      if (++calls === 3) throw new Error('power cut');
      real(id, cursor, done);
    };
    // Pages 1 and 2 land; page 3 is applied, then the cursor cannot be saved: its transaction rolls back.
    await expect(b.cycle()).rejects.toThrow('power cut');
    const cursor = b.remotes.get('central')!.cursor!;
    // What is applied is exactly what the cursor covers: two pages of 30 after the first sync.
    expect(cursor.seq - before.seq).toBe(60);
    expect(b.count()).toBe(160);
    expect(b.db.pragma('integrity_check', { simple: true })).toBe('ok');

    b.remotes.saveCursor = real;
    await b.cycle();
    expect(b.count()).toBe(200);
    expect(b.db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(202);
  });

  it('an interrupted first sync resumes its snapshot after the last chunk saved', async () => {
    const central = await server();
    const a = await device(central);
    a.addExperts(200);
    await a.cycle();

    const stop = new AbortController();
    const b = await device(central, null, {
      snapshotChunk: 50,
      // The curator quits after the second chunk.
      pause: async () => {
        if (b.progress.filter((p) => p.phase === 'snapshot' && p.done > 0).length === 2) stop.abort();
        await new Promise((r) => setImmediate(r));
      },
    });
    await expect(b.cycle(stop.signal)).rejects.toMatchObject({ code: 'OFFLINE' });
    const saved = b.remotes.get('central')!;
    expect(saved.snapshotDone).toBe(false);
    // Two chunks of 50 entries (the users' records among them), each with its cursor.
    expect(b.db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(100);
    expect(saved.cursor!.seq).toBeGreaterThan(0);

    b.progress.length = 0;
    await b.cycle();
    expect(b.count()).toBe(200);
    // It went on from the chunk saved: the second snapshot read only the rest.
    expect(b.progress.find((p) => p.phase === 'snapshot')?.total).toBeLessThan(200);
  });
});

describe('sync engine, requests', () => {
  it('sends large pushes gzip-compressed, and the server stores them as sent', async () => {
    const central = await server();
    const sizes: { encoding: string | null; bytes: number }[] = [];
    const recording: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/push')) sizes.push({ encoding: new Headers(init?.headers).get('content-encoding'), bytes: (init?.body as Uint8Array).byteLength });
      return fetch(input, init);
    };
    const a = await device(central, null, { fetch: recording });
    a.addExperts(300);
    await a.cycle();
    expect(sizes).toHaveLength(1);
    expect(sizes[0]!.encoding).toBe('gzip');
    expect((await central.store.vector())[a.funnel.nodeId]).toBe(300);
  });
});

describe('sync engine, clocks', () => {
  it("applies changes from a computer whose clock is days ahead, and reports CLOCK_SKEW instead of failing", async () => {
    const central = await server();
    const ahead = await device(central);
    // Rebuild the writer's funnel with a clock three days fast (a laptop with a wrong date).
    const fast = new ChangeFunnel(ahead.db, [expertProjection(ahead.db, taxonomy)], () => Date.now() + 3 * 86_400_000);
    fast.write(ahead.account.id, [{ entity: 'expert', id: uuidv7(), fields: { ...expertDefaults, givenName: 'Future', country: 'SG', status: 'active', statusReason: '' } }]);
    await ahead.cycle();

    const b = await device(central);
    const report = await b.cycle();
    expect(b.count()).toBe(1);
    expect(report.warning).toMatchObject({ code: 'CLOCK_SKEW' });
    expect(report.warning!.message).toMatch(/3 day/);
  });
});

describe('sync engine, a copied data folder syncing with central and a hub', () => {
  it('takes a fork on central’s word only: what the hub shows at its own addresses waits for central', async () => {
    // The engine's side of fork.test.ts "takes central’s word, not the hub’s" (SYNC_FAULT_DUAL_FORK=1 SYNC_FAULT_SEED=2012779236 SYNC_FAULT_PATH=174).
    const central = await server();
    const hub = await server();
    const original = await device(central);
    const hubUser = await hub.user({ name: 'Hub curator' });
    const atHub = await hub.store.accounts.enroll(hubUser.code, original.funnel.nodeId, 'test device');
    if (atHub.kind !== 'ok') throw new Error('enroll failed');
    original.remotes.enroll({ id: 'hub', baseUrl: hub.url, pin: null, tokenId: atHub.tokenId, user: atHub.user, now: Date.now() });
    const tokens = { central: original.token, hub: atHub.token };
    const cycle = (node: { remotes: RemoteStore; run: ReturnType<typeof createEngine> }, id: 'central' | 'hub') =>
      node.run({ remote: node.remotes.get(id)!, token: tokens[id], signal: new AbortController().signal, progress: () => undefined });
    // Written before enrollment's user is known to the hub: judged as the pushing node's own.
    const write = (node: { funnel: ChangeFunnel }, agency: string) =>
      node.funnel.write('os:tester', [{ entity: 'expert', id: uuidv7(), fields: { ...expertDefaults, givenName: agency, agency, country: 'ID', status: 'active', statusReason: '' } }]);
    write(original, 'BKN');
    await cycle(original, 'central');
    await cycle(original, 'hub');

    const file = join(mkdtempSync(join(tmpdir(), 'curator-engine-copy-')), 'curator.db');
    await original.db.backup(file);
    const db = openDatabase(file);
    dbs.push(db);
    const funnel = new ChangeFunnel(db, [expertProjection(db, taxonomy)]);
    const remotes = new RemoteStore(db);
    const copy = { db, funnel, remotes, run: createEngine({ db, funnel, remotes, fetch, now: Date.now, changed: () => undefined }) };
    const oldId = funnel.nodeId;

    write(copy, 'LAN'); // the copy's seq 2, at central first
    await cycle(copy, 'central');
    write(original, 'KSN'); // the original's seq 2, at the hub first
    await cycle(original, 'hub');
    // The hub shows another seq 2 than the copy's; central holds the copy's. No fork on the hub's word.
    await cycle(copy, 'hub');
    expect(copy.funnel.nodeId).toBe(oldId);
    expect(db.prepare("SELECT count(*) FROM meta WHERE key LIKE 'forked_from.%'").pluck().get()).toBe(0);
    // Central's word: the original is the copy here, it moves its seq 2.
    await cycle(original, 'central');
    expect(original.funnel.nodeId).not.toBe(oldId);
    await cycle(copy, 'central');
    const lan = (await central.store.pull(0, 1000)).entries.filter((e) => (e.change as { fields: { agency?: string } }).fields.agency === 'LAN');
    expect(lan).toHaveLength(1);
    expect(copy.funnel.nodeId).toBe(oldId);
  });

  it('takes the hub’s word on own writes it never sent to central: a laptop enrolled there but at the workshop does not wait for central', async () => {
    // Replay of the fault harness: SYNC_FAULT_DUAL_FORK=1 SYNC_FAULT_SEED=369022246 SYNC_FAULT_PATH=9 (a hub-only laptop and its copy).
    const central = await server();
    const hub = await server();
    const original = await device(central);
    const hubUser = await hub.user({ name: 'Hub curator' });
    const atHub = await hub.store.accounts.enroll(hubUser.code, original.funnel.nodeId, 'test device');
    if (atHub.kind !== 'ok') throw new Error('enroll failed');
    original.remotes.enroll({ id: 'hub', baseUrl: hub.url, pin: null, tokenId: atHub.tokenId, user: atHub.user, now: Date.now() });
    const cycle = (node: { remotes: RemoteStore; run: ReturnType<typeof createEngine> }) =>
      node.run({ remote: node.remotes.get('hub')!, token: atHub.token, signal: new AbortController().signal, progress: () => undefined });
    const write = (node: { funnel: ChangeFunnel }, agency: string) =>
      node.funnel.write('os:tester', [{ entity: 'expert', id: uuidv7(), fields: { ...expertDefaults, givenName: agency, agency, country: 'ID', status: 'active', statusReason: '' } }]);
    const agencies = (db: Db) => db.prepare("SELECT json_extract(data, '$.agency') FROM records WHERE entity = 'expert' ORDER BY 1").pluck().all();
    write(original, 'BKN');
    // Signed in with central before the workshop and sent it seq 1; from now on central is out of reach.
    await original.cycle();
    await cycle(original);

    const file = join(mkdtempSync(join(tmpdir(), 'curator-engine-copy-')), 'curator.db');
    await original.db.backup(file);
    const db = openDatabase(file);
    dbs.push(db);
    const funnel = new ChangeFunnel(db, [expertProjection(db, taxonomy)]);
    const remotes = new RemoteStore(db);
    const copy = { db, funnel, remotes, run: createEngine({ db, funnel, remotes, fetch, now: Date.now, changed: () => undefined }) };
    const oldId = funnel.nodeId;

    write(copy, 'LAN'); // the copy's seq 2, at the hub first
    await cycle(copy);
    write(original, 'KSN'); // the original's seq 2, which central never saw: the hub's word settles it
    await cycle(original);
    expect(original.funnel.nodeId).not.toBe(oldId);
    await cycle(copy);
    expect(copy.funnel.nodeId).toBe(oldId);
    const atHubNow = (await hub.store.pull(0, 1000)).entries.map((e) => (e.change as { fields: { agency?: string } }).fields.agency);
    expect(atHubNow.filter((a) => a !== undefined).sort()).toEqual(['BKN', 'KSN', 'LAN']);
    expect(agencies(original.db)).toEqual(['BKN', 'KSN', 'LAN']);
    expect(agencies(copy.db)).toEqual(['BKN', 'KSN', 'LAN']);
  });
});

describe('sync engine, a server restored from a backup', () => {
  it('a push delayed across the restore is refused with EPOCH_CHANGED and stores nothing; the device pulls, then sends it again', async () => {
    // Replay of the fault harness: SYNC_FAULT_DUAL_FORK=1 SYNC_FAULT_SEED=2012779236 SYNC_FAULT_PATH=174 (its other timing):
    // a copy's push, refused as forked, arrived again after central's restore and stored a write the copy had moved to its new id.
    const dataDir = mkdtempSync(join(tmpdir(), 'curator-engine-restore-'));
    const first = await runServer(dataDir);
    servers.push(first);
    // No kept-alive connections: the server goes down and comes back on the same port.
    const fresh = new Agent({ pipelining: 0 });
    const send = (url: string, init?: RequestInit) => undiciFetch(url, { ...(init as object), dispatcher: fresh }) as unknown as Promise<Response>;
    const pushes: { url: string; init: RequestInit }[] = [];
    const recording: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/push')) pushes.push({ url: String(input), init: init! });
      return send(String(input), init);
    };
    const a = await device(first, null, { fetch: recording });
    a.addExperts(1);
    await a.cycle();
    const backup = join(dataDir, 'before.db');
    await backupDatabase(centralDbPath(dataDir), backup);
    a.addExperts(1);
    await a.cycle();
    const late = pushes.at(-1)!;

    await first.close();
    restoreDatabase(backup, centralDbPath(dataDir));
    const restored = await runServer(dataDir, first.port);
    servers.push(restored);
    const replayed = await send(late.url, late.init);
    expect(replayed.status).toBe(409);
    expect(((await replayed.json()) as { error: { code: string } }).error.code).toBe('EPOCH_CHANGED');
    expect((await restored.store.vector())[a.funnel.nodeId]).toBe(1);

    await a.cycle();
    expect((await restored.store.vector())[a.funnel.nodeId]).toBe(2);
    expect(a.remotes.get('central')!.cursor!.epoch).toBe(await restored.store.epoch());
  });
});
