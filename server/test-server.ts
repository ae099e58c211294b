import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SYNC_PREFIX } from '../shared/sync/protocol';
import { createSyncApp, type SyncAppOptions } from './app';
import { tokenAuth } from './auth';
import { centralDbPath, openSqliteStore } from './sqlite/store';
import type { NewUser, SyncStore } from './store';

export interface Reply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON they assert on
  body: any;
}

export interface RequestOptions {
  token?: string;
  json?: unknown;
  /** Raw body bytes or text (sent as is, with `contentType`). */
  body?: Buffer | string;
  contentType?: string;
  gzip?: boolean;
  headers?: Record<string, string>;
}

/**
 * A real sync server for tests: SQLite in a fresh temp folder, Fastify listening on
 * 127.0.0.1:0. `close` stops it and removes the folder; call it in afterEach.
 */
export async function startTestServer(options: { dataDir?: string; rateLimit?: SyncAppOptions['rateLimit'] } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'curator-server-'));
  const store: SyncStore = openSqliteStore(centralDbPath(dataDir));
  const app: FastifyInstance = createSyncApp({ store, auth: tokenAuth(store.accounts), rateLimit: options.rateLimit ?? false });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await store.close();
    throw error;
  }
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  async function request(method: string, path: string, o: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: Buffer | string | undefined = o.body;
    if (o.json !== undefined) {
      body = JSON.stringify(o.json);
      headers['content-type'] = 'application/json';
    } else if (o.contentType) headers['content-type'] = o.contentType;
    if (o.gzip && body !== undefined) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    const res = await fetch(`${url}${path.startsWith('/') ? path : `${SYNC_PREFIX}/${path}`}`, { method, headers, body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body) });
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get('content-type')?.includes('application/json')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed };
  }

  /** Adds a user (as `user add` does) and enrolls a device for them over HTTP. */
  async function enrolledDevice(user: NewUser, node: string) {
    const added = await store.accounts.createUser(user, 'server-admin:test');
    const { code } = await store.accounts.issueEnrollmentCode(added.id, 3600_000);
    const reply = await request('POST', 'enroll', { json: { code, node, deviceName: `${user.name}'s laptop` } });
    if (reply.status !== 200) throw new Error(`enroll: ${reply.status} ${JSON.stringify(reply.body)}`);
    return { user: added, token: reply.body.token as string, tokenId: reply.body.tokenId as string, code, node };
  }

  let closed = false;
  return {
    app,
    store,
    url,
    dataDir,
    request,
    enrolledDevice,
    /** Stops the server and closes the store; `keepData` leaves the folder (a restart test reopens it). */
    async close(keepData = false) {
      if (closed) return;
      closed = true;
      await app.close();
      await store.close();
      if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
