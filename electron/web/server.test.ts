import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok, type EventName, type Result } from '../../shared/contract';
import { startWebServer, type Dispatch, type EventListener, type WebServer } from './server';
import { rawRequest } from './testing';

/** A real server on 127.0.0.1 with a recording fake dispatch: the transport's own rules. */

let root: string;
let rendererDir: string;
const calls: { method: string; input: unknown }[] = [];
const listeners = new Set<EventListener>();
let server: WebServer;

const dispatch: Dispatch = async (method, input) => {
  calls.push({ method, input });
  return ok({ echo: input ?? null }) as Result<unknown>;
};
const emit = (event: EventName, payload: unknown) => {
  for (const l of listeners) l(event, payload);
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'curator-web-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Curator</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  // A file next to the renderer folder that no request may reach.
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeEach(async () => {
  calls.length = 0;
  listeners.clear();
  server = await startWebServer({
    dispatch,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    rendererDir,
    maxBodyBytes: 64 * 1024,
  });
});
afterEach(() => server.close());

const rpc = (method: string, body: string | undefined, headers: Record<string, string> = {}) =>
  rawRequest(server.port, {
    method: 'POST',
    path: `/rpc/${method}`,
    headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...headers },
    body,
  });

describe('startWebServer', () => {
  it('refuses to bind to anything but loopback', async () => {
    await expect(startWebServer({ dispatch, subscribe: () => () => {}, rendererDir, host: '0.0.0.0' })).rejects.toThrow(/127\.0\.0\.1/);
  });

  it('makes a fresh 256-bit token per launch unless given one', async () => {
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startWebServer({ dispatch, subscribe: () => () => {}, rendererDir });
    const fixed = await startWebServer({ dispatch, subscribe: () => () => {}, rendererDir, token: 'given-token' });
    try {
      expect(other.token).not.toBe(server.token);
      expect(fixed.token).toBe('given-token');
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    } finally {
      await other.close();
      await fixed.close();
    }
  });
});

describe('POST /rpc/:method', () => {
  it('passes the JSON body to dispatch and answers its Result with 200', async () => {
    const res = await rpc('experts.get', JSON.stringify({ id: 'x' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { echo: { id: 'x' } } });
    expect(calls).toEqual([{ method: 'experts.get', input: { id: 'x' } }]);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('treats an empty body as no input', async () => {
    const res = await rpc('app.info', '');
    expect(res.status).toBe(200);
    expect(calls).toEqual([{ method: 'app.info', input: undefined }]);
  });

  it('answers 401 without a token, with a wrong token, or with another scheme, and never dispatches', async () => {
    for (const auth of [undefined, 'Bearer wrong', `Basic ${server.token}`, `Bearer ${server.token}x`, 'Bearer ']) {
      const headers: Record<string, string> = { Host: `127.0.0.1:${server.port}` };
      if (auth !== undefined) headers.Authorization = auth;
      const res = await rawRequest(server.port, { method: 'POST', path: '/rpc/app.info', headers, body: '{}' });
      expect(res.status, String(auth)).toBe(401);
      expect(JSON.parse(res.body).error.code).toBe('UNAUTHORIZED');
    }
    expect(calls).toEqual([]);
  });

  it('answers 400 INVALID_INPUT to malformed JSON', async () => {
    const res = await rpc('experts.create', '{"expert": ');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toEqual([]);
  });

  it('answers 404 UNKNOWN_METHOD for a name outside the contract, including prototype names', async () => {
    for (const name of ['experts.drop', 'constructor', '__proto__', 'toString', '%E2%9C%93']) {
      const res = await rpc(name, '{}');
      expect(res.status, name).toBe(404);
      expect(JSON.parse(res.body).error.code).toBe('UNKNOWN_METHOD');
    }
    expect(calls).toEqual([]);
  });

  it('answers 413 to a body over the limit, declared or streamed', async () => {
    const big = JSON.stringify({ data: 'x'.repeat(70 * 1024) });
    const declared = await rpc('attachments.putPhoto', big);
    expect(declared.status).toBe(413);
    const streamed = await rawRequest(server.port, {
      method: 'POST',
      path: '/rpc/attachments.putPhoto',
      headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}` },
      body: big,
      chunked: true,
    });
    expect(streamed.status).toBe(413);
    expect(calls).toEqual([]);
  });

  it('answers 405 to other verbs', async () => {
    const res = await rawRequest(server.port, { method: 'GET', path: '/rpc/app.info', headers: { Host: `127.0.0.1:${server.port}` } });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });

  it('refuses a cross-site Origin but accepts our own', async () => {
    const evil = await rpc('app.info', '{}', { Origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    const own = await rpc('app.info', '{}', { Origin: `http://127.0.0.1:${server.port}` });
    expect(own.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('turns a throwing dispatch into an INTERNAL Result', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const throwing = await startWebServer({
      dispatch: async () => {
        throw new Error('boom');
      },
      subscribe: () => () => {},
      rendererDir,
    });
    try {
      const res = await rawRequest(throwing.port, {
        method: 'POST',
        path: '/rpc/app.info',
        headers: { Host: `127.0.0.1:${throwing.port}`, Authorization: `Bearer ${throwing.token}` },
        body: '{}',
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      // The exception's own text stays in the log; the window gets a message it can act on.
      expect(res.body).not.toContain('boom');
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      await throwing.close();
    }
  });
});

describe('Host header (DNS rebinding)', () => {
  it('answers only to 127.0.0.1:port and localhost:port', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      const res = await rawRequest(server.port, { path: '/', headers: { Host: host } });
      expect(res.status, host).toBe(403);
    }
    const viaLocalhost = await rawRequest(server.port, { path: '/', headers: { Host: `localhost:${server.port}` } });
    expect(viaLocalhost.status).toBe(200);
    const rpcViaEvil = await rpc('app.info', '{}', { Host: `evil.example:${server.port}` });
    expect(rpcViaEvil.status).toBe(403);
    expect(calls).toEqual([]);
  });
});

describe('static files', () => {
  const getPath = (path: string, method = 'GET') => rawRequest(server.port, { method, path, headers: { Host: `127.0.0.1:${server.port}` } });

  it('serves index.html for / with no-store and the strict CSP', async () => {
    const res = await getPath('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Curator</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content types, and HEAD without a body', async () => {
    expect((await getPath('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await getPath('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await getPath('/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('14');
    expect(head.body).toBe('');
  });

  it('answers 404 for a missing file and a folder, 405 for other verbs', async () => {
    expect((await getPath('/nothing.js')).status).toBe(404);
    expect((await getPath('/assets')).status).toBe(404);
    const post = await getPath('/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers['content-security-policy']).toBeDefined();
  });

  it('refuses every spelling of a path out of the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/assets/../../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%5csecret.txt', '/%00']) {
      const res = await getPath(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('SECRET');
    }
  });
});

describe('GET /events', () => {
  it('refuses a missing or wrong token', async () => {
    for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: `Basic ${server.token}` }] as Record<string, string>[]) {
      const res = await rawRequest(server.port, { path: '/events', headers: { Host: `127.0.0.1:${server.port}`, ...headers } });
      expect(res.status).toBe(401);
    }
    // The token in the query string is not accepted: URLs end up in logs and history.
    const inQuery = await rawRequest(server.port, { path: `/events?token=${server.token}`, headers: { Host: `127.0.0.1:${server.port}` } });
    expect(inQuery.status).toBe(401);
    expect(listeners.size).toBe(0);
  });

  it('streams events as SSE and unsubscribes when the client goes away', async () => {
    const received = await new Promise<string>((done, failed) => {
      const req = get(
        { host: '127.0.0.1', port: server.port, path: '/events', headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}` } },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            // The subscription exists once the stream has opened; then the core emits.
            if (text.includes(': connected') && !text.includes('event:')) emit('changed', { entities: ['expert'] });
            if (text.includes('\n\nevent: changed\n') && text.endsWith('\n\n')) {
              req.destroy();
              done(text);
            }
          });
        },
      );
      req.on('error', failed);
    });
    expect(received).toContain('event: changed\ndata: {"entities":["expert"]}\n\n');
    await expect.poll(() => listeners.size).toBe(0);
  });

  it('sends heartbeat comments', async () => {
    const quick = await startWebServer({ dispatch, subscribe: () => () => {}, rendererDir, heartbeatMs: 5 });
    try {
      const text = await new Promise<string>((done, failed) => {
        const req = get({ host: '127.0.0.1', port: quick.port, path: '/events', headers: { Host: `127.0.0.1:${quick.port}`, Authorization: `Bearer ${quick.token}` } }, (res) => {
          let t = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            t += c;
            if (t.includes(': heartbeat\n\n')) {
              req.destroy();
              done(t);
            }
          });
        });
        req.on('error', failed);
      });
      expect(text).toContain(': heartbeat');
    } finally {
      await quick.close();
    }
  });

  it('close() ends open streams, so shutdown does not hang', async () => {
    const ended = new Promise<void>((done, failed) => {
      const req = get({ host: '127.0.0.1', port: server.port, path: '/events', headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}` } }, (res) => {
        res.on('data', () => {
          void server.close();
        });
        res.on('end', () => done());
        res.on('close', () => done());
      });
      req.on('error', failed);
    });
    await ended;
  });
});
