import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type ClientRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ok, type Result } from '../../shared/contract';
import { startWebServer, type Dispatch, type WebServer, type WebServerOptions } from './server';
import { openRawRequest, rawRequest } from './testing';

/**
 * The edges of browser mode against a real server on 127.0.0.1: malformed targets, bodies
 * that are too large or too slow, too many event streams, and what an internal failure says.
 */

let rendererDir: string;
const calls: string[] = [];
const servers: WebServer[] = [];
const dispatch: Dispatch = async (method) => {
  calls.push(method);
  return ok({}) as Result<unknown>;
};

beforeAll(() => {
  rendererDir = mkdtempSync(join(tmpdir(), 'curator-edges-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Curator</title>');
});
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));
afterEach(async () => {
  calls.length = 0;
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(options: Partial<WebServerOptions> = {}): Promise<WebServer> {
  const server = await startWebServer({ dispatch, subscribe: () => () => {}, rendererDir, maxBodyBytes: 64 * 1024, ...options });
  servers.push(server);
  return server;
}

const headersFor = (server: WebServer, extra: Record<string, string> = {}) => ({
  Host: `127.0.0.1:${server.port}`,
  Authorization: `Bearer ${server.token}`,
  ...extra,
});

describe('malformed request targets', () => {
  it('get 400 with a Result, never 500', async () => {
    const server = await serve();
    for (const [method, path] of [
      ['GET', '/%'],
      ['GET', '/assets/%zz.js'],
      ['GET', '/%E0%A4%A'],
      ['POST', '/rpc/%E0%A4%A'],
      ['POST', '/rpc/%'],
      ['GET', '/events%'],
      ['OPTIONS', '*'],
      ['GET', `http://127.0.0.1:${server.port}/`],
    ] as const) {
      const res = await rawRequest(server.port, { method, path, headers: headersFor(server), body: method === 'POST' ? '{}' : undefined });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(JSON.parse(res.body), path).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/malformed/) } });
      expect(res.headers['content-security-policy'], path).toBeDefined();
    }
    expect(calls).toEqual([]);
    // Well-formed encodings still work.
    expect((await rawRequest(server.port, { path: '/index%2Ehtml', headers: headersFor(server) })).status).toBe(200);
  });
});

describe('request bodies', () => {
  it('refuses a declared length over the limit before the body is sent at all', async () => {
    const server = await serve();
    // Headers only: the body is never written, so a 413 can only come from the declared length.
    const request = openRawRequest(server.port, {
      path: '/rpc/attachments.putPhoto',
      headers: headersFor(server, { 'Content-Type': 'application/json', 'Content-Length': String(50 * 1024 * 1024) }),
    });
    const res = await request.response;
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/larger than 64 KB/) } });
    await request.closed;
    expect(calls).toEqual([]);
  });

  it('checks the token before the declared length, so an outsider learns nothing from a 413', async () => {
    const server = await serve();
    const request = openRawRequest(server.port, {
      path: '/rpc/attachments.putPhoto',
      headers: { Host: `127.0.0.1:${server.port}`, 'Content-Length': String(50 * 1024 * 1024) },
    });
    expect((await request.response).status).toBe(401);
  });

  it('answers 408 and disconnects when the body stops arriving', async () => {
    const server = await serve({ bodyTimeoutMs: 50 });
    const body = JSON.stringify({ id: 'x' });
    const request = openRawRequest(server.port, {
      path: '/rpc/experts.get',
      headers: headersFor(server, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }),
    });
    // Half the body, then nothing more.
    request.write(body.slice(0, 5));
    const res = await request.response;
    expect(res.status).toBe(408);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/took too long/) } });
    await request.closed;
    expect(calls).toEqual([]);
    // A body that does arrive is answered as usual.
    const quick = await rawRequest(server.port, { method: 'POST', path: '/rpc/experts.get', headers: headersFor(server), body });
    expect(quick.status).toBe(200);
    expect(calls).toEqual(['experts.get']);
  });
});

describe('event streams', () => {
  /** Opens a stream; resolves with the response once its head has arrived. */
  function openStream(server: WebServer, headers: Record<string, string> = headersFor(server)) {
    let req!: ClientRequest;
    const opened = new Promise<IncomingMessage>((done, failed) => {
      req = get({ host: '127.0.0.1', port: server.port, path: '/events', headers }, done);
      req.on('error', failed);
    });
    return { opened, close: () => req.destroy() };
  }

  it('takes the token only from the Authorization header', async () => {
    const server = await serve();
    const inQuery = await rawRequest(server.port, { path: `/events?token=${server.token}`, headers: { Host: `127.0.0.1:${server.port}` } });
    expect(inQuery.status).toBe(401);
    const stream = openStream(server);
    expect((await stream.opened).statusCode).toBe(200);
    stream.close();
  });

  it('serves at most the configured number at once, and says why it refuses one more', async () => {
    const server = await serve({ maxEventStreams: 2 });
    const first = openStream(server);
    const second = openStream(server);
    expect((await first.opened).statusCode).toBe(200);
    expect((await second.opened).statusCode).toBe(200);

    const third = await rawRequest(server.port, { path: '/events', headers: headersFor(server) });
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBeDefined();
    expect(JSON.parse(third.body)).toMatchObject({ ok: false, error: { code: 'BUSY', message: expect.stringMatching(/2 browser tabs or windows.*Close/) } });

    // A closed stream frees its place.
    first.close();
    await expect
      .poll(async () => {
        const again = openStream(server);
        const status = (await again.opened).statusCode;
        if (status === 200) again.close();
        return status;
      })
      .toBe(200);
    second.close();
  });

  it('refuses a stream without the token before counting it', async () => {
    const server = await serve({ maxEventStreams: 1 });
    for (let i = 0; i < 3; i++) {
      expect((await rawRequest(server.port, { path: '/events', headers: { Host: `127.0.0.1:${server.port}` } })).status).toBe(401);
    }
    const stream = openStream(server);
    expect((await stream.opened).statusCode).toBe(200);
    stream.close();
  });
});

describe('internal failures', () => {
  it('never show the exception text to the window', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const server = await serve({
      dispatch: async () => {
        throw new Error('ENOENT: /home/ana/.config/secret/path');
      },
    });
    const res = await rawRequest(server.port, { method: 'POST', path: '/rpc/app.info', headers: headersFor(server), body: '{}' });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/Try again/) } });
    expect(res.body).not.toMatch(/ENOENT|secret/);
    // The details go to the log, for whoever diagnoses it.
    expect(logged).toHaveBeenCalled();
  });
});
