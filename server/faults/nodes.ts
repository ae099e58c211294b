import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { joinHub } from '../../electron/core/hub/join';
import { routedFetch } from '../../electron/core/hub/transport';
import { expertProjection } from '../../electron/core/services/experts/projection';
import { ExpertsService } from '../../electron/core/services/experts/service';
import { loadShippedTaxonomy } from '../../electron/core/services/taxonomy-resource';
import { createEngine } from '../../electron/core/sync/engine';
import { RemoteStore, type RemoteId } from '../../electron/core/sync/remotes';
import { enrollResponseSchema, SYNC_PREFIX, type SyncUser } from '../../shared/sync/protocol';
import { createSyncApp } from '../app';
import { tokenAuth } from '../auth';
import { backupDatabase, restoreDatabase } from '../sqlite/backup';
import { centralDbPath, openSqliteStore } from '../sqlite/store';
import type { NewUser, SyncStore } from '../store';

/**
 * The nodes of the convergence harness, each on its own data folder and real HTTP on 127.0.0.1:
 * - a sync server (the central endpoint, or a second one used as a relay) that can be stopped,
 *   restarted, backed up and restored from that backup (new epoch, new node id);
 * - a device: the desktop core's own parts (database and migrations, ChangeFunnel with the
 *   search projection, ExpertsService for edits, the sync engine and its remotes table, the
 *   transport that pins a joined hub's certificate) with a clock of its own. The harness
 *   composes them rather than calling openCore, because openCore takes no clock (CoreOptions
 *   has no `now`) and runs cycles on its own timers; the engine, funnel, hub join and pinned
 *   transport are the same code. A device can host a workshop hub (hub-host.ts).
 */

const DAY = 86_400_000;
export const taxonomy = loadShippedTaxonomy();

export async function startServerNode(dataDir: string, now: () => number = Date.now) {
  mkdirSync(dataDir, { recursive: true });
  let store: SyncStore | null = null;
  let app: FastifyInstance | null = null;
  let url: string | null = null;

  async function up(): Promise<void> {
    store = openSqliteStore(centralDbPath(dataDir), { now });
    app = createSyncApp({ store, auth: tokenAuth(store.accounts), rateLimit: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }
  async function down(): Promise<void> {
    url = null;
    await app?.close();
    await store?.close();
    app = null;
    store = null;
  }
  await up();
  let backups = 0;
  return {
    dataDir,
    file: centralDbPath(dataDir),
    /** Where it listens now; null while stopped. */
    url: () => url,
    store: () => {
      if (!store) throw new Error('The server is stopped.');
      return store;
    },
    up,
    down,
    async restart() {
      await down();
      await up();
    },
    /** A backup as `npm run server -- backup` makes it (online, flagged for a new epoch). */
    async backup(): Promise<string> {
      const target = join(dataDir, `backup-${++backups}.db`);
      await backupDatabase(centralDbPath(dataDir), target, now);
      return target;
    },
    /** Stops, puts the backup in place (as `restore`), and starts again: a server back from the past. */
    async restore(backup: string): Promise<void> {
      await down();
      // A backup restores once (the server clears its flag on opening): restore a copy.
      const copy = `${backup}.restoring`;
      copyFileSync(backup, copy);
      restoreDatabase(copy, centralDbPath(dataDir), now);
      await up();
    },
    /** A user as `user add` creates them, with an enrollment code. */
    async addUser(user: NewUser): Promise<{ user: SyncUser; code: () => Promise<string> }> {
      const added = await this.store().accounts.createUser(user, 'server-admin:harness');
      return { user: added, code: async () => (await this.store().accounts.issueEnrollmentCode(added.id, DAY)).code };
    },
  };
}
export type ServerNode = Awaited<ReturnType<typeof startServerNode>>;

export interface DeviceClock {
  /** Milliseconds this device's clock is off (days ahead or behind). */
  skewMs: number;
}

/** Opens a device on a data folder (a fresh one, or one copied from another device). */
export function openDevice(dataDir: string, clock: DeviceClock, name: string, sizes: { pageSize?: number; snapshotChunk?: number; snapshotThread?: boolean } = {}) {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'curator.db');
  const tokens = new Map<RemoteId, string>();
  let db: Db;
  let funnel: ChangeFunnel;
  let remotes: RemoteStore;
  let experts: ExpertsService;
  let engine: ReturnType<typeof createEngine>;
  let transport: ReturnType<typeof routedFetch>;
  let actor = `os:${name}`;
  const now = () => Date.now() + clock.skewMs;

  function open(): void {
    db = openDatabase(file);
    funnel = new ChangeFunnel(db, [expertProjection(db, taxonomy)], now);
    remotes = new RemoteStore(db);
    experts = new ExpertsService(db, funnel, taxonomy, () => actor);
    // As in the app (electron/core/app.ts): requests to a joined hub go through the transport pinned to its certificate.
    // (`snapshotThread`: central's first-sync snapshot read on a thread of its own, as the app does, through the same proxy.)
    transport = routedFetch(db, fetch);
    engine = createEngine({ db, funnel, remotes, fetch: transport.fetch, now, changed: () => undefined, pageSize: sizes.pageSize ?? 7, snapshotChunk: sizes.snapshotChunk ?? 5, pause: async () => undefined, snapshotThread: sizes.snapshotThread === true });
    const user = remotes.list()[0]?.user;
    if (user) actor = user.id;
  }
  function shut(): void {
    void transport.close();
    if (db.open) db.close();
  }
  open();

  /** POST /sync/v1/enroll as the sync client sends it (through the pinned transport for a joined hub). */
  async function redeem(id: RemoteId, baseUrl: string, code: string, pin: string | null): Promise<SyncUser> {
    const res = await transport.fetch(`${baseUrl}${SYNC_PREFIX}/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, node: funnel.nodeId, deviceName: name }),
    });
    if (!res.ok) throw new Error(`${name} could not enroll with ${id}: ${res.status} ${await res.text()}`);
    const enrolled = enrollResponseSchema.parse(await res.json());
    tokens.set(id, enrolled.token);
    remotes.enroll({ id, baseUrl, pin, tokenId: enrolled.tokenId, user: enrolled.user, now: now() });
    actor = enrolled.user.id;
    return enrolled.user;
  }

  return {
    name,
    dataDir,
    clock,
    get db() {
      return db;
    },
    get funnel() {
      return funnel;
    },
    get experts() {
      return experts;
    },
    get actor() {
      return actor;
    },
    now,
    remotes: () => remotes.list(),
    /** Enrolls with a server over HTTP, as Settings → Sync does; later writes carry the user. */
    async enroll(id: RemoteId, baseUrl: string, code: string): Promise<SyncUser> {
      return redeem(id, baseUrl, code, null);
    },
    /**
     * Joins a workshop hub as "Join a hub" does (electron/core/hub/handlers.ts hub.join): the
     * pairing code (or QR text) over TLS pinned to the hub's certificate, a one-time code, the
     * hub's row with its pin, then the ordinary enrollment through the pinned transport.
     */
    async joinHub(address: string, pairing: string, userId: string): Promise<SyncUser> {
      const joined = await joinHub({ address, code: pairing, deviceName: name, node: funnel.nodeId, userId });
      remotes.enroll({ id: 'hub', baseUrl: joined.baseUrl, pin: joined.pin, tokenId: '', user: joined.user, now: now() });
      try {
        return await redeem('hub', joined.baseUrl, joined.code, joined.pin);
      } catch (error) {
        remotes.remove('hub');
        throw error;
      }
    },
    /** Leaves the hub (hub.leave): its row and token go; what was synced through it stays. */
    leave(id: RemoteId): void {
      remotes.remove(id);
      tokens.delete(id);
    },
    /** A token this folder's copy may use (a copied folder carries no token: it enrolls again). */
    useToken(id: RemoteId, token: string) {
      tokens.set(id, token);
    },
    /** One sync cycle with one remote; throws what the engine throws (offline, refused...). */
    async sync(id: RemoteId, signal: AbortSignal = new AbortController().signal): Promise<void> {
      const remote = remotes.get(id);
      const token = tokens.get(id);
      if (!remote || !token) throw new Error(`${name} is not enrolled with ${id}.`);
      await engine({ remote, token, signal, progress: () => undefined });
      remotes.markSynced(id, now());
    },
    /** The app closing (or the process dying between transactions) and starting again. */
    restart(): void {
      shut();
      open();
    },
    /** Closes without reopening (the harness's "kill": later calls on the database fail). */
    kill(): void {
      shut();
    },
    /** A consistent copy of the data folder, as a curator copying it to another laptop would make. */
    async copyTo(target: string): Promise<void> {
      mkdirSync(target, { recursive: true });
      if (existsSync(join(target, 'curator.db'))) throw new Error(`${target} is not empty.`);
      await db.backup(join(target, 'curator.db'));
    },
    close(): void {
      shut();
    },
  };
}
export type Device = ReturnType<typeof openDevice>;
