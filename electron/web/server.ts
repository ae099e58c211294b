import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, isMethodName, type ErrorCode, type EventName, type Result } from '../../shared/contract';
import {
  bearerToken,
  decodeRequestTarget,
  isAllowedHost,
  isAllowedOrigin,
  isLoopbackHost,
  securityHeaders,
  tokenMatches,
} from './security';
import { cacheControlFor, contentTypeFor, resolveStaticPath } from './static';
import { handlePhotoRequest, PHOTO_ROUTE } from './photos';
import type { PhotoSource } from '../../shared/photos';
import { ATTACHMENT_ROUTE, handleAttachmentRequest } from './attachments';
import type { AttachmentSource } from '../../shared/attachmentFiles';

/**
 * Browser mode: the built renderer and the core's dispatch over HTTP on loopback.
 * Protocol (the renderer's web client relies on it):
 *   POST /rpc/<method>   Authorization: Bearer <token>, JSON body = input → JSON Result
 *   GET  /events         Authorization: Bearer <token>; Server-Sent Events, `event: <name>\ndata: <json>\n\n`
 *   GET  /photos/<key>/<size>/<hash>.webp   photo thumbnails (photos.ts)
 *   GET  /attachments/<key>/<hash>          application documents (attachments.ts)
 *   GET  /, /assets/...  the renderer's static files
 * The token never travels in a URL: URLs end up in logs, history and Referer headers.
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
  /** Documents for GET /attachments/<key>/<hash> (electron/web/attachments.ts); Core.attachmentFile. */
  attachmentFile?: AttachmentSource;
  /** Interval of SSE comment lines that keep proxies and the browser from dropping the stream. */
  heartbeatMs?: number;
  /** Time a client has to send a whole RPC body; a slower one gets 408 and is disconnected. */
  bodyTimeoutMs?: number;
  /**
   * Open event streams at most. Each window or tab holds one; a client that opens streams in a
   * loop would otherwise hold sockets and listeners without bound.
   */
  maxEventStreams?: number;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Room for the largest upload as JSON: a 16 MB interview recording is 22.4 MB of base64 (shared/contract/reports.ts). */
const DEFAULT_MAX_BODY = 24 * 1024 * 1024;
const DEFAULT_HEARTBEAT_MS = 15_000;
const DEFAULT_BODY_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_EVENT_STREAMS = 8;
/** Every unexpected failure says this and nothing more: the details go to the log, never to the window. */
const INTERNAL_MESSAGE = 'Something went wrong inside the app; nothing was saved. Try again, and if it happens again, restart the app.';

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
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const maxEventStreams = options.maxEventStreams ?? DEFAULT_MAX_EVENT_STREAMS;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    handle(req, res).catch((error: unknown) => {
      console.error(`Browser mode failed to answer ${req.method} ${String(req.url).slice(0, 200)}`, error);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', INTERNAL_MESSAGE);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      return sendError(res, 403, 'UNAUTHORIZED', 'This server answers only on 127.0.0.1 or localhost.');
    }
    const target = decodeRequestTarget(req.url);
    if (!target) {
      return sendError(res, 400, 'INVALID_INPUT', 'The address of this request is malformed. Open the address printed when the app started.');
    }
    const method = req.method ?? 'GET';

    if (target.path.startsWith('/rpc/')) {
      if (method !== 'POST') return sendMethodNotAllowed(res, 'POST');
      return handleRpc(req, res, target.path.slice('/rpc/'.length));
    }
    if (target.path === '/events') {
      if (method !== 'GET') return sendMethodNotAllowed(res, 'GET');
      return handleEvents(req, res);
    }
    if (target.rawPath.startsWith(PHOTO_ROUTE)) return handlePhotoRequest(req, res, target.rawPath, token, options.photoFile);
    if (target.rawPath.startsWith(ATTACHMENT_ROUTE)) return handleAttachmentRequest(req, res, target.rawPath, token, options.attachmentFile);
    if (method !== 'GET' && method !== 'HEAD') return sendMethodNotAllowed(res, 'GET, HEAD');
    return handleStatic(res, target.rawPath, method === 'HEAD');
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (!isAllowedOrigin(req.headers.origin, port)) {
      return sendError(res, 403, 'UNAUTHORIZED', 'Requests from other sites are refused.');
    }
    // The token is checked before the body is read, so an outsider cannot make us buffer anything.
    if (!tokenMatches(bearerToken(req.headers.authorization), token)) {
      return sendError(res, 401, 'UNAUTHORIZED', 'The access token is missing or wrong. Open the address printed when the app started.');
    }
    if (!isMethodName(name)) {
      return sendError(res, 404, 'UNKNOWN_METHOD', `There is no method named "${name.slice(0, 100)}".`);
    }
    const tooLarge = () => sendError(res, 413, 'INVALID_INPUT', `The request is larger than ${formatMegabytes(maxBodyBytes)}; nothing was saved.`);
    // A declared length over the limit is refused before a byte of the body is read; the
    // connection closes, so the rest of the body is never taken in.
    if (declaredLength(req) > maxBodyBytes) {
      res.setHeader('Connection', 'close');
      return tooLarge();
    }
    const body = await readBody(req, maxBodyBytes, bodyTimeoutMs);
    if (body === 'too-large') {
      res.setHeader('Connection', 'close');
      return tooLarge();
    }
    if (body === 'timeout') {
      res.setHeader('Connection', 'close');
      res.once('finish', () => req.destroy());
      return sendError(res, 408, 'INVALID_INPUT', 'The request took too long to arrive, so it was dropped and nothing was saved. Try again.');
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
    } catch (error) {
      // Dispatch is meant never to throw; if it does, the client still gets a Result, without the details.
      console.error(`${name} failed in browser mode`, error);
      result = fail('INTERNAL', INTERNAL_MESSAGE);
    }
    sendJson(res, 200, result);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    if (!isAllowedOrigin(req.headers.origin, port)) {
      return sendError(res, 403, 'UNAUTHORIZED', 'Requests from other sites are refused.');
    }
    if (!tokenMatches(bearerToken(req.headers.authorization), token)) {
      return sendError(res, 401, 'UNAUTHORIZED', 'The access token is missing or wrong. Open the address printed when the app started.');
    }
    if (streams.size >= maxEventStreams) {
      res.setHeader('Retry-After', '10');
      return sendError(
        res,
        429,
        'BUSY',
        `A-EXPECS Curator is already open in ${maxEventStreams} browser tabs or windows, the most it serves at once. Close the ones you do not need, then reload this page.`,
      );
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

  async function handleStatic(res: ServerResponse, rawPath: string, headOnly: boolean): Promise<void> {
    const filePath = resolveStaticPath(options.rendererDir, rawPath);
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

/** The declared Content-Length, or 0 when there is none (chunked bodies are counted as they arrive). */
function declaredLength(req: IncomingMessage): number {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) ? declared : 0;
}

/**
 * Reads the body up to `limit` bytes within `timeoutMs`. Past the limit (a chunked body,
 * counted) it keeps nothing but lets the client finish sending, so the client reads our 413
 * instead of a reset connection; the timeout bounds that too. Only a token holder gets here.
 */
function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Buffer | 'too-large' | 'timeout'> {
  return new Promise((done, failed) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const timer = setTimeout(() => {
      req.removeAllListeners('data');
      req.pause();
      done('timeout');
    }, timeoutMs);
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
    req.on('end', () => {
      clearTimeout(timer);
      done(tooLarge ? 'too-large' : Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      failed(error);
    });
  });
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1 ? `${Math.round(mb)} MB` : `${Math.round(bytes / 1024)} KB`;
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
