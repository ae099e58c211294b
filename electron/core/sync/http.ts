import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { z } from 'zod';
import { AppError, type ErrorCode } from '../../../shared/contract/result';
import { syncErrorBodySchema, type SyncErrorCode } from '../../../shared/sync/protocol';

/**
 * The client's one way to talk to a sync server (central or hub): Node's fetch (undici), JSON
 * bodies, gzip answers (fetch asks for and decodes them), a timeout on every request, and every
 * failure turned into a SyncError with a stable app code and a sentence a curator can act on.
 */

/** Why a request failed, and whether trying again later can help. */
export class SyncError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    /** Offline or a server hiccup: the scheduler retries with backoff. Otherwise it waits for the curator. */
    readonly retryable: boolean,
    /** The server's own code (shared/sync/protocol.ts syncErrorCodes), when it sent one. */
    readonly serverCode: SyncErrorCode | null = null,
    details: Record<string, unknown> = {},
  ) {
    super(code, message, undefined, details);
    this.name = 'SyncError';
  }
}

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  /** Whole-request limit; a stream reader sets its own idle limit instead. */
  timeoutMs?: number;
  /** Raw bytes instead of JSON (a blob upload). */
  bytes?: { data: Uint8Array; mime: string };
}

export type Fetch = typeof fetch;
export const DEFAULT_TIMEOUT_MS = 30_000;
/** JSON bodies above this size go gzip-compressed (a push page of 1,000 changes shrinks about tenfold). */
const GZIP_ABOVE_BYTES = 16 * 1024;
const gzipAsync = promisify(gzip);

/** Sends one request and returns the response if it succeeded (2xx); throws SyncError otherwise. */
export async function send(fetchImpl: Fetch, baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.bytes) {
    headers['content-type'] = options.bytes.mime;
    body = options.bytes.data as unknown as BodyInit;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    const json = JSON.stringify(options.body);
    if (json.length > GZIP_ABOVE_BYTES) {
      // Compressed off the core's thread (zlib's thread pool).
      body = (await gzipAsync(json)) as unknown as BodyInit;
      headers['content-encoding'] = 'gzip';
    } else body = json;
  }
  let response: Response;
  const attempt = () => fetchImpl(`${baseUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS), redirect: 'error' });
  try {
    try {
      response = await attempt();
    } catch (error) {
      // A kept-alive connection the server closed meanwhile (it restarted) fails at once: one more
      // try on a fresh connection. Every sync request is safe to repeat (a repeated push is a no-op).
      if (!staleConnection(error)) throw error;
      response = await attempt();
    }
  } catch (error) {
    throw networkError(baseUrl, error);
  }
  if (response.ok) return response;
  throw await responseError(baseUrl, response);
}

/** A JSON request whose answer is checked against `schema`. */
export async function requestJson<S extends z.ZodType>(fetchImpl: Fetch, baseUrl: string, method: string, path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
  const response = await send(fetchImpl, baseUrl, method, path, options);
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    if (isAbort(error)) throw networkError(baseUrl, error);
    throw unreadable(baseUrl);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw unreadable(baseUrl);
  return parsed.data;
}

export function unreadable(baseUrl: string): SyncError {
  return new SyncError('SERVER_ERROR', `The server at ${baseUrl} answered in a form this app does not understand. It may run another version; ask the secretariat, and update the app if one is offered.`, true);
}

function staleConnection(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE';
}

const certificateCodes = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** fetch throws only when no HTTP answer came: offline, refused, timed out, or a bad certificate. */
export function networkError(baseUrl: string, error: unknown): SyncError {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  if (certificateCodes.test(code)) {
    return new SyncError('SERVER_ERROR', `The server at ${baseUrl} did not show a valid certificate (${code}), so the app did not send anything. Check the address; if it is right, tell the secretariat.`, false);
  }
  if (isAbort(error)) {
    return new SyncError('OFFLINE', `The server at ${baseUrl} did not answer in time. Your changes are kept on this computer; the app tries again.`, true);
  }
  return new SyncError('OFFLINE', `The server at ${baseUrl} cannot be reached. Check the network connection; your changes are kept on this computer and the app tries again.`, true);
}

/** Maps a non-2xx answer to an app code: authentication problems wait for the curator, the rest retries. */
export async function responseError(baseUrl: string, response: Response): Promise<SyncError> {
  let parsed: ReturnType<typeof syncErrorBodySchema.safeParse> | null = null;
  try {
    parsed = syncErrorBodySchema.safeParse(await response.json());
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    // A reverse proxy whose server is down answers 502-504 without our JSON: as good as offline.
    if ([502, 503, 504].includes(response.status)) {
      return new SyncError('OFFLINE', `The server at ${baseUrl} is not answering right now (HTTP ${response.status}). Your changes are kept; the app tries again.`, true);
    }
    return new SyncError('SERVER_ERROR', `The server at ${baseUrl} answered with an error (HTTP ${response.status}). Check the address; if it is right, the app tries again later.`, response.status >= 500 || response.status === 429);
  }
  const { code, message, details = {} } = parsed.data.error;
  const mapped = fromServerCode(code, message, baseUrl);
  return new SyncError(mapped.code, mapped.message, mapped.retryable, code, details);
}

function fromServerCode(code: SyncErrorCode, message: string, baseUrl: string): { code: ErrorCode; message: string; retryable: boolean } {
  switch (code) {
    case 'UNAUTHENTICATED':
      return { code, message: 'The server no longer recognises this computer. Sign in again in Settings with a new enrollment code from the secretariat.', retryable: false };
    case 'TOKEN_REVOKED':
      return { code, message: "This computer's access to the server was withdrawn. Ask the secretariat for a new enrollment code and sign in again in Settings.", retryable: false };
    case 'ENROLLMENT_INVALID':
      return { code, message: 'The enrollment code is not valid: it may be mistyped, expired or already used. Check it, or ask the secretariat for a new one.', retryable: false };
    case 'ORIGIN_FORKED':
      return { code, message: 'Another copy of this data folder sent different changes under the same identity. The app takes a new identity and sends your changes again.', retryable: true };
    case 'SEQ_GAP':
      return { code, message: 'The server is missing earlier changes from this computer; the app sends them again.', retryable: true };
    case 'FORBIDDEN':
      return { code: 'NOT_ALLOWED', message: `The server refused: ${message} Ask the secretariat if your account should allow it.`, retryable: false };
    case 'RATE_LIMITED':
      return { code: 'SERVER_ERROR', message: 'The server is busy and asked the app to slow down. The app tries again shortly.', retryable: true };
    default:
      return { code: 'SERVER_ERROR', message: `The server at ${baseUrl} refused the request (${code}: ${message}). The app tries again later; if this persists, tell the secretariat.`, retryable: true };
  }
}
