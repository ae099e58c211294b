import type { IncomingMessage, ServerResponse } from 'node:http';
import { parsePhotoFileName, PHOTO_CACHE_CONTROL, type PhotoSource } from '../../shared/photos';
import { answerKeyedFile, routeKey } from './keyed-route';
import { tokenMatches } from './security';

/**
 * Browser mode's photo route: `GET /photos/<key>/<size>/<hash>.webp`.
 *
 * An <img> cannot send the Authorization header the RPC route wants, so a photo URL carries
 * its own credential: the per-launch *photo key*, HMAC-SHA256(token, "curator-photos/v1").
 * The renderer derives the same key from the token it already holds (WebCrypto, see
 * renderer/src/api/photos.ts), so no extra request or state is needed, and:
 * - the main token never appears in a URL (URLs end up in devtools, copied image addresses,
 *   and "save image as" dialogs); the key cannot be turned back into the token;
 * - the key opens photos only, and only until the app restarts (a new token, a new key);
 * - Referrer-Policy: no-referrer and Cross-Origin-Resource-Policy: same-origin (security.ts,
 *   on every response) keep the URL from leaking to, or being embedded by, other sites.
 * A cookie would have worked too, but cookies are shared by every port of 127.0.0.1, so a
 * photo cookie would be sent to any other local server as well.
 */

export const PHOTO_ROUTE = '/photos/';
const KEY_CONTEXT = 'curator-photos/v1';

/** The photo key for a launch token; renderer/src/api/photos.ts computes the same value. */
export function photoKey(token: string): string {
  return routeKey(token, KEY_CONTEXT);
}

/**
 * Answers a request whose path starts with PHOTO_ROUTE. The Host check has already passed
 * (server.ts checks it for every request). Anything but a well-formed photo path with the
 * right key gets 404, so the route tells an outsider nothing, not even that a photo exists.
 */
export function handlePhotoRequest(req: IncomingMessage, res: ServerResponse, pathname: string, token: string, photoFile: PhotoSource | undefined): Promise<void> {
  const wanted = parsePhotoRoute(pathname, token);
  return answerKeyedFile(req, res, wanted && photoFile ? () => photoFile(wanted.hash, wanted.size) : null, (file) => ({
    'Content-Type': file.mime,
    'Content-Length': String(file.bytes.byteLength),
    // The URL names the bytes by hash (and this launch by key): they never change under it.
    'Cache-Control': PHOTO_CACHE_CONTROL,
    'X-Content-Type-Options': 'nosniff',
  }));
}

/** `/photos/<key>/<size>/<hash>.webp` → size and hash, when the key is this launch's; else null. */
export function parsePhotoRoute(pathname: string, token: string) {
  if (!pathname.startsWith(PHOTO_ROUTE)) return null;
  const rest = pathname.slice(PHOTO_ROUTE.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  if (!tokenMatches(rest.slice(0, slash), photoKey(token))) return null;
  return parsePhotoFileName(rest.slice(slash + 1));
}
