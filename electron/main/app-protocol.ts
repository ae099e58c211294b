import path from 'node:path';
import { ATTACHMENT_HASH, attachmentResponse, isServedAttachmentMime, type AttachmentSource } from '../../shared/attachmentFiles';
import { parsePhotoFileName, PHOTO_CACHE_CONTROL, type PhotoSize, type PhotoSource } from '../../shared/photos';
import { APP_HOST, APP_SCHEME } from './urls';

/**
 * The file under `rendererRoot` that an app:// request asks for, or null when the request
 * must be refused: another host, a malformed escape, a NUL byte, or a path that would leave
 * the renderer folder (`..`, an encoded `%2e%2e%2f`, a backslash, an absolute path).
 * Chromium normalises URLs before they reach the handler; this check does not rely on it.
 */
export function resolveAppFile(rendererRoot: string, requestUrl: string, pathApi: typeof path = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;

  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  if (relative === '' || relative === '/') relative = '/index.html';

  const root = pathApi.resolve(rendererRoot);
  const file = pathApi.resolve(root, '.' + relative);
  const inside = pathApi.relative(root, file);
  if (inside === '' || inside.startsWith('..') || pathApi.isAbsolute(inside)) return null;
  return file;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Content-Type by extension; a strict MIME type is what lets Chromium run a module script. */
export function mimeTypeFor(file: string): string {
  return mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * A photo request, `app://curator/photos/<size>/<hash>.webp`: the size and hash it names, or
 * null when it is not one (another host, another path, a size not served, anything that is
 * not exactly a hash). Matching the raw path against fixed patterns, before any decoding,
 * is the traversal guard here: `..`, `%2e`, `%2f`, backslashes and NUL bytes cannot match.
 */
export function resolvePhotoRequest(requestUrl: string): { hash: string; size: PhotoSize } | null {
  const rest = appPathAfter(requestUrl, PHOTO_PREFIX);
  return rest === null ? null : parsePhotoFileName(rest);
}

const PHOTO_PREFIX = '/photos/';

/** The raw path after `prefix` of an app:// URL on our host, or null (not a URL, another scheme, host or path). */
function appPathAfter(requestUrl: string, prefix: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || !url.pathname.startsWith(prefix)) return null;
  return url.pathname.slice(prefix.length);
}

/** Whether the URL's path is under `prefix` (on any host): such a request is answered by its route, if only with 404. */
function isRoute(requestUrl: string, prefix: string): boolean {
  try {
    return new URL(requestUrl).pathname.startsWith(prefix);
  } catch {
    return false;
  }
}

/**
 * The response for an app:// photo request, or null when the URL is not a photo request (the
 * renderer's files are served then). Photos are content-addressed, so a found one is cached
 * for good; `nosniff` keeps the browser from reading the bytes as anything but an image.
 */
export function servePhoto(requestUrl: string, photoFile: PhotoSource): Promise<Response> | null {
  if (!isRoute(requestUrl, PHOTO_PREFIX)) return null;
  const wanted = resolvePhotoRequest(requestUrl);
  const headers = { 'X-Content-Type-Options': 'nosniff' };
  if (!wanted) return Promise.resolve(new Response('Not found', { status: 404, headers }));
  return photoFile(wanted.hash, wanted.size).then(
    (file) =>
      file
        ? new Response(file.bytes as Uint8Array<ArrayBuffer>, {
            headers: { ...headers, 'Content-Type': file.mime, 'Content-Length': String(file.bytes.byteLength), 'Cache-Control': PHOTO_CACHE_CONTROL },
          })
        : new Response('Not found', { status: 404, headers: { ...headers, 'Cache-Control': 'no-store' } }),
    () => new Response('Not found', { status: 404, headers: { ...headers, 'Cache-Control': 'no-store' } }),
  );
}

export const ATTACHMENT_PREFIX = '/attachments/';

/**
 * An attachment request, `app://curator/attachments/<hash>`: the hash, or null when it is not
 * exactly one (another host, a longer path, an escape). The fixed pattern is the traversal guard.
 */
export function resolveAttachmentRequest(requestUrl: string): string | null {
  const hash = appPathAfter(requestUrl, ATTACHMENT_PREFIX);
  return hash !== null && ATTACHMENT_HASH.test(hash) ? hash : null;
}

/**
 * The response for an app:// attachment request, or null when the URL is not one. A stored
 * document is sent with the type the core recorded, inline, under the sandbox policy of
 * shared/attachmentFiles.ts (a range of it with 206 when asked); anything else is 404.
 */
export function serveAttachment(requestUrl: string, attachmentFile: AttachmentSource, rangeHeader?: string | null): Promise<Response> | null {
  if (!isRoute(requestUrl, ATTACHMENT_PREFIX)) return null;
  const notFound = () => new Response('Not found', { status: 404, headers: { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' } });
  const hash = resolveAttachmentRequest(requestUrl);
  if (!hash) return Promise.resolve(notFound());
  return attachmentFile(hash).then(
    (file) => {
      if (!file || !isServedAttachmentMime(file.mime)) return notFound();
      // 206 for a byte range: Chromium's media player streams and seeks a recording that way.
      const reply = attachmentResponse(file, rangeHeader);
      return new Response(reply.body as Uint8Array<ArrayBuffer>, { status: reply.status, headers: reply.headers });
    },
    notFound,
  );
}
