import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncStatus } from '../../../shared/contract/sync';
import type { NewUser } from '../../../server/store';
import { createSyncApp } from '../../../server/app';
import { tokenAuth } from '../../../server/auth';
import { centralDbPath, openSqliteStore } from '../../../server/sqlite/store';
import { afterEach } from 'vitest';
import type { Core } from '../app';
import { testCores } from '../testing';

/**
 * The real sync server (server/) on 127.0.0.1, on a data folder that survives a restart (on the
 * same port, so the devices' stored address still holds): what the client's tests run against.
 */
export async function runServer(dataDir = mkdtempSync(join(tmpdir(), 'curator-central-')), port = 0) {
  const store = openSqliteStore(centralDbPath(dataDir));
  const app = createSyncApp({ store, auth: tokenAuth(store.accounts), rateLimit: false });
  await app.listen({ host: '127.0.0.1', port });
  const bound = (app.server.address() as AddressInfo).port;
  let closed = false;
  return {
    store,
    dataDir,
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    /** A user (as `npm run server -- user add` makes one) and a fresh enrollment code for them. */
    async user(user: Partial<NewUser> & { name: string }) {
      const added = await store.accounts.createUser({ email: `${user.name.toLowerCase().replace(/\W+/g, '.')}@accsm.example`, role: 'curator', country: null, ...user }, 'server-admin:test');
      return { ...added, code: (await store.accounts.issueEnrollmentCode(added.id, 3_600_000)).code };
    },
    async code(userId: string) {
      return (await store.accounts.issueEnrollmentCode(userId, 3_600_000)).code;
    },
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await store.close();
    },
  };
}
export type RunningServer = Awaited<ReturnType<typeof runServer>>;

/** A status that is final for now: not syncing, and no run due right away. */
export function settled(s: SyncStatus, now = Date.now()): boolean {
  if (s.state === 'syncing') return false;
  if (s.nextAttemptAt === null) return s.state === 'error' || s.state === 'off';
  return s.nextAttemptAt > now + 1000;
}

/** Resolves with the first 'sync' status that satisfies `until`, after `act` ran. */
export function nextStatus(core: Pick<Core, 'on'>, act: () => unknown, until: (s: SyncStatus) => boolean = settled): Promise<SyncStatus> {
  return new Promise((resolve, reject) => {
    let acted = false;
    const off = core.on('sync', (s) => {
      if (!acted || !until(s)) return;
      off();
      resolve(s);
    });
    Promise.resolve()
      .then(() => {
        acted = true;
        return act();
      })
      .catch((e: unknown) => {
        off();
        reject(e instanceof Error ? e : new Error(String(e)));
      });
  });
}

/**
 * Devices (real cores) and central servers for one test file, all closed after each test, with
 * the calls the client's tests make: sync now, enroll, and the directory's names in order.
 */
export function syncTestbed() {
  const { start, closeAll } = testCores();
  let servers: RunningServer[] = [];
  afterEach(async () => {
    closeAll();
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });
  type Device = ReturnType<typeof start>;
  return {
    start,
    async server(dataDir?: string, port?: number) {
      const s = await runServer(dataDir, port);
      servers.push(s);
      return s;
    },
    syncNow: (d: Device) => nextStatus(d.core, () => d.call('sync.now', {})),
    enroll: (d: Device, url: string, code: string) => nextStatus(d.core, () => d.call('sync.enroll', { serverUrl: url, code })),
    names: async (d: Device) => (await d.call('experts.search', { sort: 'name', limit: 100 })).items.map((i) => i.displayName),
  };
}
