import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A per-launch route key, HMAC-SHA256(token, context) in base64url: the credential of a URL an
 * <img> or <iframe> loads without the Authorization header (photos.ts, attachments.ts). It opens
 * that route only, until the app restarts, and cannot be turned back into the token;
 * renderer/src/api/token.ts computes the same value.
 */
export function routeKey(token: string, context: string): string {
  return createHmac('sha256', token).update(context).digest('base64url');
}

/**
 * Answers a GET or HEAD of a keyed file route (photos.ts, attachments.ts): 405 for any other
 * method; 404 when `find` is null (a malformed path or a wrong key) or finds nothing, so the
 * route tells an outsider nothing; else 200 (or the route's own reply) with the file's headers and, for GET, its bytes.
 */
export async function answerKeyedFile<F extends { bytes: Uint8Array }>(
  req: IncomingMessage,
  res: ServerResponse,
  find: (() => Promise<F | null>) | null,
  headers: (file: F) => Record<string, string>,
  /** A reply of its own (the attachment route's byte ranges); by default 200 with `headers` and the whole file. */
  reply?: (file: F, req: IncomingMessage) => { status: number; headers: Record<string, string>; body: Uint8Array },
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    return void res.end('Method not allowed.');
  }
  const file = find ? await find().catch(() => null) : null;
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    return void res.end('Not found.');
  }
  const answer = reply ? reply(file, req) : { status: 200, headers: headers(file), body: file.bytes };
  res.writeHead(answer.status, answer.headers);
  res.end(method === 'HEAD' ? undefined : answer.body);
}
