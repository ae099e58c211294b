import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, isMethodName, type ErrorCode, type EventName, type Result } from '../../shared/contract';
import {
  bearerToken,
  isAllowedHost,
  isAllowedOrigin,
  isLoopbackHost,
  securityHeaders,
  tokenMatches,
} from './security';
import { cacheControlFor, contentTypeFor, resolveStaticPath } from './static';
import { handlePhotoRequest, PHOTO_ROUTE } from './photos';
import type { PhotoSource } from '../../shared/photos';

/**
 * Browser mode: the built renderer and the core's dispatch over HTTP on loopback.
 * Protocol (the renderer's web client relies on it):
 *   POST /rpc/<method>   Authorization: Bearer <token>, JSON body = input → JSON Result
 *   GET  /events?token=  Server-Sent Events, `event: <name>\ndata: <json>\n\n`
 *   GET  /photos/<key>/<size>/<hash>.webp   photo thumbnails (photos.ts)
 *   GET  /, /assets/...  the renderer's static files
 */

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;
export type EventListener = (event: EventName, payload: unknown) => void;
export type Subscribe = (listener: EventListener) => () => void;

export interface WebServerOptions {
  dispatch: Dispatch;
  subscribe: Subscribe;
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
  /** Largest accepted RPC body. A photo travels base64-encoded (5 MB → ~6.7 MB), so 10 MB by default. */
  maxBodyBytes?: number;
  /** Thumbnails for GET /photos/<key>/<size>/<hash>.webp (electron/web/photos.ts); Core.photoFile. */
  photoFile?: PhotoSource;
  /** Interval of SSE comment lines that keep proxies and the browser from dropping the stream. */
  heartbeatMs?: number;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;
const DEFAULT_HEARTBEAT_MS = 15_000;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new Error(`Browser mode listens on this computer only (127.0.0.1); refusing to bind to ${host}.`);
  }
  const token = options.token ?? newToken();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    handle(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'The browser-mode server failed to answer. Try again.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      return sendError(res, 403, 'UNAUTHORIZED', 'This server answers only on 127.0.0.1 or localhost.');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const method = req.method ?? 'GET';

    if (url.pathname.startsWith('/rpc/')) {
      if (method !== 'POST') return sendMethodNotAllowed(res, 'POST');
      return handleRpc(req, res, url.pathname.slice('/rpc/'.length));
    }
    if (url.pathname === '/events') {
      if (method !== 'GET') return sendMethodNotAllowed(res, 'GET');
      return handleEvents(req, res, url);
    }
    if (url.pathname.startsWith(PHOTO_ROUTE)) return handlePhotoRequest(req, res, url.pathname, token, options.photoFile);
    if (method !== 'GET' && method !== 'HEAD') return sendMethodNotAllowed(res, 'GET, HEAD');
    return handleStatic(req, res, method === 'HEAD');
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse, rawName: string): Promise<void> {
    if (!isAllowedOrigin(req.headers.origin, port)) {
      return sendError(res, 403, 'UNAUTHORIZED', 'Requests from other sites are refused.');
    }
    // The token is checked before the body is read, so an outsider cannot make us buffer anything.
    if (!tokenMatches(bearerToken(req.headers.authorization), token)) {
      return sendError(res, 401, 'UNAUTHORIZED', 'The access token is missing or wrong. Open the address printed when the app started.');
    }
    let name: string;
    try {
      name = decodeURIComponent(rawName);
    } catch {
      name = rawName;
    }
    if (!isMethodName(name)) {
      return sendError(res, 404, 'UNKNOWN_METHOD', `There is no method named "${name.slice(0, 100)}".`);
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too-large') {
      res.setHeader('Connection', 'close');
      return sendError(res, 413, 'INVALID_INPUT', `The request is larger than ${Math.round(maxBodyBytes / 1024 / 1024)} MB.`);
    }
    let input: unknown;
    try {
      // An empty body means "no input", which methods with defaults accept.
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, 400, 'INVALID_INPUT', 'The request body is not valid JSON.');
    }
    let result: Result<unknown>;
    try {
      result = await options.dispatch(name, input);
    } catch {
      // Dispatch is meant never to throw; if it does, the client still gets a Result.
      result = fail('INTERNAL', 'Something went wrong inside the app. Try again; if it persists, restart it.');
    }
    sendJson(res, 200, result);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!isAllowedOrigin(req.headers.origin, port)) {
      return sendError(res, 403, 'UNAUTHORIZED', 'Requests from other sites are refused.');
    }
    if (!tokenMatches(url.searchParams.get('token'), token)) {
      return sendError(res, 401, 'UNAUTHORIZED', 'The access token is missing or wrong.');
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();
    const cleanUp = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', cleanUp);
    res.on('close', cleanUp);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, headOnly: boolean): Promise<void> {
    const filePath = resolveStaticPath(options.rendererDir, (req.url ?? '/').split('?')[0]!);
    if (!filePath) return sendText(res, 404, 'Not found.');
    const info = await stat(filePath).catch(() => null);
    if (!info || !info.isFile()) return sendText(res, 404, 'Not found.');
    res.writeHead(200, {
      'Content-Type': contentTypeFor(filePath),
      'Content-Length': String(info.size),
      'Cache-Control': cacheControlFor(filePath),
    });
    if (headOnly) return void res.end();
    await new Promise<void>((done, failed) => {
      const stream = createReadStream(filePath);
      stream.on('error', failed);
      res.on('close', done);
      stream.pipe(res);
    });
  }

  await new Promise<void>((done, failed) => {
    server.once('error', failed);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', failed);
      done();
    });
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = host === '::1' ? '[::1]' : host;

  return {
    url: `http://${urlHost}:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((done) => {
        for (const res of streams) res.end();
        streams.clear();
        server.close(() => done());
        // Keep-alive sockets would otherwise hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

/**
 * Reads the body up to `limit` bytes. Past the limit (declared or counted) it keeps nothing
 * but lets the client finish sending, so the client reads our 413 instead of a reset
 * connection. Only a token holder gets this far, so draining cannot be abused from outside.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  return new Promise((done, failed) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => done(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', failed);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, fail(code, message));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendMethodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendText(res, 405, 'Method not allowed.');
}
