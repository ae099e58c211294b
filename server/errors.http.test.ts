import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BLOB_BYTES, MAX_BODY_BYTES, MAX_PUSH_ENTRIES, syncErrorBodySchema } from '../shared/sync/protocol';
import { startTestServer, type Reply, type TestServer } from './test-server';
import { NODE_A, newId, originWriter } from './testing';

let server: TestServer;
afterEach(async () => server?.close());

/** Every refusal is a typed body with a stable code, and the server holds nothing new. */
async function expectRefused(reply: Reply, status: number, code: string) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(syncErrorBodySchema.parse(reply.body).error.code).toBe(code);
  expect(await server.store.vector()).toEqual({ [server.store.nodeId]: 1 });
  expect((await server.store.pull(0, 10)).head).toBe(1);
}

async function curator() {
  server = await startTestServer();
  const ana = await server.enrolledDevice({ name: 'Ana', email: 'ana@example.org', role: 'curator', country: null }, NODE_A);
  const a = originWriter(NODE_A, ana.user.id);
  const batch = (n = 1) => Array.from({ length: n }, () => a.expert(newId(), { givenName: 'Lan', country: 'VN' }));
  return { ana, batch };
}

describe('bad input gets a typed error and stores nothing', () => {
  it('no token, an unknown token, a revoked token', async () => {
    const { ana, batch } = await curator();
    await expectRefused(await server.request('POST', 'push', { json: { node: NODE_A, changes: batch() } }), 401, 'UNAUTHENTICATED');
    await expectRefused(await server.request('POST', 'push', { token: 'axs_not-a-token-this-server-issued', json: { node: NODE_A, changes: batch() } }), 401, 'UNAUTHENTICATED');
    expect((await server.request('GET', 'whoami', { token: ana.token })).body).toMatchObject({ user: { id: ana.user.id, role: 'curator' }, tokenId: ana.tokenId });
    await server.store.accounts.revokeToken(ana.tokenId);
    await expectRefused(await server.request('POST', 'push', { token: ana.token, json: { node: NODE_A, changes: batch() } }), 401, 'TOKEN_REVOKED');
    await expectRefused(await server.request('POST', 'pull', { token: ana.token, json: { cursor: null } }), 401, 'TOKEN_REVOKED');
  });

  it('a used, unknown or malformed enrollment code', async () => {
    const { ana } = await curator();
    await expectRefused(await server.request('POST', 'enroll', { json: { code: ana.code, node: NODE_A, deviceName: 'again' } }), 403, 'ENROLLMENT_INVALID');
    await expectRefused(await server.request('POST', 'enroll', { json: { code: 'ABCD-EFGH-JKLM-NPQR', node: NODE_A, deviceName: 'guess' } }), 403, 'ENROLLMENT_INVALID');
    await expectRefused(await server.request('POST', 'enroll', { json: { code: 'hello', node: NODE_A, deviceName: 'x' } }), 400, 'INVALID_INPUT');
    const fresh = await server.store.accounts.issueEnrollmentCode(ana.user.id, 60_000);
    await expectRefused(await server.request('POST', 'enroll', { json: { code: fresh.code, node: NODE_A, deviceName: 'laptop\u001b[2J' } }), 400, 'INVALID_INPUT');
    expect(await server.store.accounts.listTokens()).toHaveLength(1);
  });

  it('one code spent by two devices at once: exactly one gets a token', async () => {
    const { ana } = await curator();
    const { code } = await server.store.accounts.issueEnrollmentCode(ana.user.id, 60_000);
    const replies = await Promise.all(['one', 'two', 'three'].map((d) => server.request('POST', 'enroll', { json: { code, node: NODE_A, deviceName: d } })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 403, 403]);
    expect(await server.store.accounts.listTokens()).toHaveLength(2);
  });

  it('an oversized body, plain or as a small gzip that inflates past the limit', async () => {
    const { ana } = await curator();
    const huge = JSON.stringify({ node: NODE_A, changes: [{ pad: 'x'.repeat(MAX_BODY_BYTES) }] });
    const injected = await server.app.inject({ method: 'POST', url: '/sync/v1/push', headers: { authorization: `Bearer ${ana.token}`, 'content-type': 'application/json' }, payload: huge });
    await expectRefused({ status: injected.statusCode, headers: new Headers(), body: injected.json() }, 413, 'PAYLOAD_TOO_LARGE');
    const bomb = gzipSync(huge);
    expect(bomb.length).toBeLessThan(100_000);
    await expectRefused(await server.request('POST', 'push', { token: ana.token, body: bomb, contentType: 'application/json', headers: { 'content-encoding': 'gzip' } }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a malformed batch: not JSON, the wrong shape, a change that does not say where it comes from, another media type', async () => {
    const { ana, batch } = await curator();
    await expectRefused(await server.request('POST', 'push', { token: ana.token, body: '{"node": ', contentType: 'application/json' }), 400, 'INVALID_INPUT');
    await expectRefused(await server.request('POST', 'push', { token: ana.token, json: { node: NODE_A, changes: 'all of them' } }), 400, 'INVALID_INPUT');
    await expectRefused(await server.request('POST', 'push', { token: ana.token, json: { node: 'me', changes: batch() } }), 400, 'INVALID_INPUT');
    const noAddress = { ...batch()[0], origin: undefined };
    await expectRefused(await server.request('POST', 'push', { token: ana.token, json: { node: NODE_A, changes: [noAddress] } }), 400, 'INVALID_INPUT');
    await expectRefused(await server.request('POST', 'push', { token: ana.token, body: 'node=x', contentType: 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectRefused(await server.request('POST', 'push', { token: ana.token, body: 'x', contentType: 'application/json', headers: { 'content-encoding': 'br' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('a batch longer than the limit, and changes forged under the server\'s own node id', async () => {
    const { ana, batch } = await curator();
    const long = await server.request('POST', 'push', { token: ana.token, json: { node: NODE_A, changes: batch(MAX_PUSH_ENTRIES + 1) } });
    await expectRefused(long, 413, 'BATCH_TOO_LONG');
    expect(long.body.error.details).toEqual({ max: MAX_PUSH_ENTRIES, received: MAX_PUSH_ENTRIES + 1 });
    const forged = originWriter(server.store.nodeId, 'server-admin:x');
    forged.next('user', newId(), { name: 'x' });
    const own = forged.next('user', ana.user.id, { name: 'Ana', role: 'admin', country: null, disabled: false });
    await expectRefused(await server.request('POST', 'push', { token: ana.token, json: { node: NODE_A, changes: [own] } }), 403, 'FORBIDDEN');
  });

  it('a blob whose bytes do not match its hash; an unknown address; too many requests', async () => {
    server = await startTestServer({ rateLimit: { max: 12 } });
    const ana = await server.enrolledDevice({ name: 'Ana', email: 'ana@example.org', role: 'curator', country: null }, NODE_A);
    const bytes = Buffer.from('RIFF....WEBPVP8 a photo');
    const hash = createHash('sha256').update(bytes).digest('hex');
    const wrong = await server.request('PUT', `blobs/${hash}`, { token: ana.token, body: Buffer.from('other bytes'), contentType: 'image/webp' });
    await expectRefused(wrong, 422, 'BLOB_HASH_MISMATCH');
    expect(wrong.body.error.details.expected).toBe(hash);
    expect(await server.store.blobsMissing([hash])).toEqual([hash]);
    await expectRefused(await server.request('PUT', `blobs/${hash}`, { token: ana.token, body: bytes }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectRefused(await server.request('PUT', 'blobs/not-a-hash', { token: ana.token, body: bytes, contentType: 'image/webp' }), 400, 'INVALID_INPUT');
    await expectRefused(await server.request('GET', `blobs/${hash}`, { token: ana.token }), 404, 'NOT_FOUND');
    await expectRefused(await server.request('GET', '/sync/v2/push', { token: ana.token }), 404, 'NOT_FOUND');
    let reply: Reply;
    do reply = await server.request('GET', 'whoami', { token: ana.token });
    while (reply.status === 200);
    await expectRefused(reply, 429, 'RATE_LIMITED');
  });

  it('limits a flood of requests with bad tokens, and enrollment attempts, before looking at them', async () => {
    server = await startTestServer({ rateLimit: { max: 5, enrollMax: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await server.request('POST', 'push', { token: `axs_guess-number-${i}-xxxxxxxx`, json: { node: NODE_A, changes: [] } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await server.request('POST', 'enroll', { json: { code: 'ABCD-EFGH-JKLM-NPQR', node: NODE_A, deviceName: 'guess' } })).status);
    expect(codes).toEqual([403, 403, 403, 429, 429]);
  });
});

describe('an unexpected failure', () => {
  it('answers INTERNAL with a typed body that says nothing of the server\'s insides', async () => {
    const { ana } = await curator();
    await server.store.close(); // the database goes away under the running server
    const reply = await server.request('POST', 'pull', { token: ana.token, json: { cursor: null } });
    expect(reply.status).toBe(500);
    expect(syncErrorBodySchema.parse(reply.body).error.code).toBe('INTERNAL');
    expect(reply.body.error.message).not.toMatch(/database|sqlite|stack|TypeError/i);
  });
});

describe('blobs and compression', () => {
  it('uploads only missing blobs, verified, and serves them back inert', async () => {
    server = await startTestServer();
    const ana = await server.enrolledDevice({ name: 'Ana', email: 'ana@example.org', role: 'focal_point', country: 'TH' }, NODE_A);
    const bytes = Buffer.from('RIFF....WEBPVP8 a photo');
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect((await server.request('POST', 'blobs/missing', { token: ana.token, json: { hashes: [hash] } })).body).toEqual({ missing: [hash] });
    expect((await server.request('PUT', `blobs/${hash}`, { token: ana.token, body: gzipSync(bytes), contentType: 'image/webp', headers: { 'content-encoding': 'gzip' } })).status).toBe(204);
    expect((await server.request('POST', 'blobs/missing', { token: ana.token, json: { hashes: [hash] } })).body).toEqual({ missing: [] });
    const res = await fetch(`${server.url}/sync/v1/blobs/${hash}`, { headers: { authorization: `Bearer ${ana.token}` } });
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('takes blobs up to their own limit (above the JSON body limit) and no larger', async () => {
    server = await startTestServer();
    const ana = await server.enrolledDevice({ name: 'Ana', email: 'ana@example.org', role: 'curator', country: null }, NODE_A);
    const put = (bytes: Buffer) =>
      server.app.inject({
        method: 'PUT',
        url: `/sync/v1/blobs/${createHash('sha256').update(bytes).digest('hex')}`,
        headers: { authorization: `Bearer ${ana.token}`, 'content-type': 'application/pdf' },
        payload: bytes,
      });
    const big = Buffer.alloc(MAX_BODY_BYTES + 1024, 1);
    expect((await put(big)).statusCode).toBe(204);
    const tooBig = await put(Buffer.alloc(MAX_BLOB_BYTES + 1, 2));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses uploads from a reviewer', async () => {
    server = await startTestServer();
    const rev = await server.enrolledDevice({ name: 'Rita', email: 'rita@example.org', role: 'reviewer', country: null }, NODE_A);
    const bytes = Buffer.from('x');
    const hash = createHash('sha256').update(bytes).digest('hex');
    const reply = await server.request('PUT', `blobs/${hash}`, { token: rev.token, body: bytes, contentType: 'image/webp' });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('FORBIDDEN');
  });

  it('accepts a gzip push and compresses large responses', async () => {
    const { ana, batch } = await curator();
    const reply = await server.request('POST', 'push', { token: ana.token, json: { node: NODE_A, changes: batch(40) }, gzip: true });
    expect(reply.body).toMatchObject({ applied: 40 });
    const pulled = await server.app.inject({ method: 'POST', url: '/sync/v1/pull', headers: { authorization: `Bearer ${ana.token}`, 'accept-encoding': 'gzip' }, payload: { cursor: null } });
    expect(pulled.headers['content-encoding']).toBe('gzip');
  });
});
