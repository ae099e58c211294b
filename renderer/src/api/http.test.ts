import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpBridge } from './http';
import { createApi } from './client';
import { createSseParser } from './sse';

/** A small server speaking the browser-mode protocol, with hooks to misbehave on purpose. */
interface TestServer {
  url: string;
  calls: { method: string; auth: string | undefined; body: string }[];
  streams: Set<ServerResponse>;
  /** How each event-stream request carried the token. */
  streamAuth: { header: string | undefined; query: string | null }[];
  send(event: string, payload: unknown): void;
  dropStreams(): void;
  close(): Promise<void>;
}

const TOKEN = 'secret-token';
const servers: TestServer[] = [];

async function startServer(handler?: (req: IncomingMessage, res: ServerResponse, body: string) => boolean): Promise<TestServer> {
  const calls: TestServer['calls'] = [];
  const streams = new Set<ServerResponse>();
  const streamAuth: TestServer['streamAuth'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/events') {
      streamAuth.push({ header: req.headers.authorization, query: url.searchParams.get('token') });
      if (req.headers.authorization !== `Bearer ${TOKEN}` || url.searchParams.has('token')) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const method = url.pathname.replace('/rpc/', '');
      calls.push({ method, auth: req.headers.authorization, body });
      if (handler?.(req, res, body)) return;
      res.setHeader('Content-Type', 'application/json');
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(401).end(JSON.stringify({ ok: false, error: { code: 'UNAUTHORIZED', message: 'The access token is missing or wrong.' } }));
        return;
      }
      res.end(JSON.stringify({ ok: true, value: { echo: method, input: JSON.parse(body) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const testServer: TestServer = {
    url: `http://127.0.0.1:${port}`,
    calls,
    streams,
    streamAuth,
    send(event, payload) {
      for (const res of streams) res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    },
    dropStreams() {
      for (const res of streams) res.destroy();
      streams.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(testServer);
  return testServer;
}

/** Resolves once `check` passes; polls on the event loop instead of sleeping a fixed time. */
async function eventually(check: () => void): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      check();
      return;
    } catch (error) {
      if (i > 500) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('HTTP bridge', () => {
  it('posts the input as JSON to /rpc/<method> with the bearer token and returns the Result', async () => {
    const server = await startServer();
    const api = createApi(createHttpBridge({ baseUrl: server.url, token: TOKEN }));
    const result = await api.call('experts.get', { id: '0190a4c0-0000-7000-8000-000000000001' });
    expect(result).toEqual({ ok: true, value: { echo: 'experts.get', input: { id: '0190a4c0-0000-7000-8000-000000000001' } } });
    expect(server.calls).toEqual([
      { method: 'experts.get', auth: `Bearer ${TOKEN}`, body: '{"id":"0190a4c0-0000-7000-8000-000000000001"}' },
    ]);
  });

  it('passes a refusal through as a failed Result with its code', async () => {
    const server = await startServer();
    const api = createApi(createHttpBridge({ baseUrl: server.url, token: 'wrong' }));
    const result = await api.call('app.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: 'The access token is missing or wrong.' } });
  });

  it('turns a refused connection into INTERNAL saying the core cannot be reached', async () => {
    const server = await startServer();
    const url = server.url;
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const api = createApi(createHttpBridge({ baseUrl: url, token: TOKEN }));
    const result = await api.call('app.info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).toMatch(/cannot be reached/);
    }
  });

  it('turns an answer that is not a Result into INTERNAL', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html>Bad gateway</html>');
      return true;
    });
    const api = createApi(createHttpBridge({ baseUrl: server.url, token: TOKEN }));
    const result = await api.call('app.info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).toMatch(/HTTP 502/);
    }
  });

  it('stops waiting for a call whose signal is aborted', async () => {
    let answer: (() => void) | null = null;
    const server = await startServer((_req, res) => {
      answer = () => res.end(JSON.stringify({ ok: true, value: 'late' }));
      return true;
    });
    const api = createApi(createHttpBridge({ baseUrl: server.url, token: TOKEN }));
    const controller = new AbortController();
    const pending = api.call('app.info', {}, { signal: controller.signal });
    await eventually(() => expect(answer).not.toBeNull());
    controller.abort();
    const result = await pending;
    expect(result.ok).toBe(false);
    answer!();
  });

  it('sends the token to the event stream in the Authorization header, never in the address', async () => {
    const server = await startServer();
    const bridge = createHttpBridge({ baseUrl: server.url, token: TOKEN });
    const off = bridge.on('changed', () => {});
    await eventually(() => expect(server.streams.size).toBe(1));
    expect(server.streamAuth).toEqual([{ header: `Bearer ${TOKEN}`, query: null }]);
    off();
  });

  it('delivers SSE events to listeners of that event only, and stops after unsubscribe', async () => {
    const server = await startServer();
    const bridge = createHttpBridge({ baseUrl: server.url, token: TOKEN });
    const progress: unknown[] = [];
    const changed: unknown[] = [];
    const offProgress = bridge.on('progress', (p) => progress.push(p));
    const offChanged = bridge.on('changed', (p) => changed.push(p));
    await eventually(() => expect(server.streams.size).toBe(1));

    server.send('progress', { task: 'demo', done: 5, total: 10, finished: false });
    server.send('changed', { entities: ['experts'] });
    server.send('not-an-event', { x: 1 });
    await eventually(() => expect(changed).toHaveLength(1));
    expect(progress).toEqual([{ task: 'demo', done: 5, total: 10, finished: false }]);
    expect(changed).toEqual([{ entities: ['experts'] }]);

    offProgress();
    offChanged();
    // The last listener gone, the stream is closed.
    await eventually(() => expect(server.streams.size).toBe(0));
  });

  it('reconnects after the stream drops and announces a change, since events may have been missed', async () => {
    const server = await startServer();
    const bridge = createHttpBridge({ baseUrl: server.url, token: TOKEN, retryDelaysMs: [10] });
    const changed: unknown[] = [];
    const off = bridge.on('changed', (p) => changed.push(p));
    await eventually(() => expect(server.streams.size).toBe(1));
    server.dropStreams();
    await eventually(() => expect(server.streams.size).toBe(1));
    await eventually(() => expect(changed).toEqual([{ entities: ['*'] }]));
    server.send('changed', { entities: ['experts'] });
    await eventually(() => expect(changed).toHaveLength(2));
    off();
  });
});

describe('SSE parser', () => {
  it('assembles events split across chunks, joins data lines, skips comments, names unnamed events "message"', () => {
    const parse = createSseParser();
    expect(parse(': hello\n\nevent: chan')).toEqual([]);
    expect(parse('ged\r\ndata: {"a":\r')).toEqual([]);
    expect(parse('\ndata: 1}\n\n')).toEqual([{ event: 'changed', data: '{"a":\n1}' }]);
    expect(parse('data: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
  });
});
