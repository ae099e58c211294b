import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Maps a request path to a file inside the renderer folder, or null when the path is not
 * one we may serve. Every check happens on the decoded path, so `%2e%2e` and `..%2f` are
 * treated exactly like `..`. The final containment test is on the resolved absolute path:
 * whatever the segments say, the file must lie inside `rootDir`.
 */
export function resolveStaticPath(rootDir: string, requestPath: string): string | null {
  const pathOnly = requestPath.split('?')[0]!.split('#')[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return null; // malformed percent-encoding
  }
  // NUL bytes and backslashes have no place in our URLs; on Windows a backslash is a separator.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (!decoded.startsWith('/')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;

  const relativePath = decoded === '/' ? 'index.html' : decoded.slice(1);
  const root = resolve(rootDir);
  const full = resolve(root, relativePath);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return full;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** With `nosniff` on every response, a wrong type breaks the page, so unknown files are opaque bytes. */
export function contentTypeFor(filePath: string): string {
  return contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * index.html names the hashed bundles of this build, so it must never be cached; the
 * bundles themselves may be revalidated cheaply.
 */
export function cacheControlFor(filePath: string): string {
  return extname(filePath).toLowerCase() === '.html' ? 'no-store' : 'no-cache';
}
