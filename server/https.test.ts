import { request } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncApp } from './app';
import { tokenAuth } from './auth';
import { centralDbPath, openSqliteStore } from './sqlite/store';
import type { SyncStore } from './store';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

/** GET over TLS trusting only `ca` (what a device paired with a hub does with its certificate). */
function get(port: number, path: string, token: string, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}` }, ...(ca ? { ca } : {}) }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the app serving TLS itself (a workshop hub)', () => {
  it('answers over HTTPS with its certificate, and a client that does not trust it cannot connect', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'curator-tls-'));
    const store: SyncStore = openSqliteStore(centralDbPath(dir));
    const pems = await generate([{ name: 'commonName', value: 'workshop-hub' }], { extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }] });
    const app = createSyncApp({ store, auth: tokenAuth(store.accounts), rateLimit: false, https: { key: pems.private, cert: pems.cert } });
    cleanup = async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    };
    const user = await store.accounts.createUser({ name: 'Ana', email: 'ana@example.org', role: 'curator', country: null }, 'x');
    const { code } = await store.accounts.issueEnrollmentCode(user.id, 60_000);
    const enrolled = await store.accounts.enroll(code, 'aaaaaaaaaaaaaaa1', 'laptop');
    if (enrolled.kind !== 'ok') throw new Error('enroll failed');
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;

    const reply = await get(port, '/sync/v1/whoami', enrolled.token, pems.cert);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ user: { id: user.id } });
    await expect(get(port, '/sync/v1/whoami', enrolled.token)).rejects.toThrow(/self[- ]signed/i);
  });
});
