import { useEffect, useState } from 'react';
import { photoFileName, photoSizeFor, type PhotoSize } from '../../../shared/photos';
import { APP_ORIGIN } from '../../../shared/url';
import { routeKey } from './token';

/**
 * Where photos come from, by transport. Photos are never fetched as JSON: an <img> loads
 * a thumbnail of the size it draws, by hash, so the browser caches it for good.
 *   Electron:     app://curator/photos/<size>/<hash>.webp (electron/main/app-protocol.ts)
 *   browser mode: /photos/<key>/<size>/<hash>.webp (electron/web/photos.ts), where <key> is
 *                 the per-launch photo key, HMAC-SHA256(token, "curator-photos/v1"): an <img>
 *                 cannot send the token in a header, and the token itself stays out of URLs.
 */

const KEY_CONTEXT = 'curator-photos/v1';

type Route = { kind: 'app' } | { kind: 'web'; key: string | null; ready: Promise<void> };
let route: Route | null = null;
const waiting = new Set<() => void>();

/** Browser mode: called once with the launch token (renderer/src/api/client.ts). */
export function setPhotoToken(token: string): void {
  const web: Route = { kind: 'web', key: null, ready: Promise.resolve() };
  web.ready = photoKey(token).then(
    (key) => {
      web.key = key;
      for (const notify of [...waiting]) notify();
    },
    () => undefined, // No WebCrypto (not a secure context): avatars keep their initials.
  );
  route = web;
}

/** The photo key for a launch token; electron/web/photos.ts computes the same value. */
export function photoKey(token: string): Promise<string> {
  return routeKey(token, KEY_CONTEXT);
}

function currentRoute(): Route | null {
  // The preload's bridge is there from the first line of the page in Electron.
  if (!route && typeof window !== 'undefined' && window.curator) route = { kind: 'app' };
  return route;
}

/** The URL of photo `hash` at `size` device pixels, or null while browser mode's key is not derived yet (or at all). */
export function photoUrl(hash: string, size: PhotoSize): string | null {
  const r = currentRoute();
  return r ? photoUrlFor(r.kind === 'app' ? r : { kind: 'web', key: r.key }, hash, size) : null;
}

/** The URL in one transport: Electron's app:// route, or browser mode's keyed route on the page's own origin. */
export function photoUrlFor(route: { kind: 'app' } | { kind: 'web'; key: string | null }, hash: string, size: PhotoSize): string | null {
  if (route.kind === 'app') return `${APP_ORIGIN}/photos/${photoFileName(hash, size)}`;
  return route.key ? `/photos/${route.key}/${photoFileName(hash, size)}` : null;
}

/** Resolves once browser mode's photo key is derived (at once in Electron or before a token is set). */
export function photoRouteReady(): Promise<void> {
  const r = currentRoute();
  return r?.kind === 'web' ? r.ready : Promise.resolve();
}

/** The URL for a photo drawn `cssPixels` wide on this screen (its pixel ratio included), once it can be built. */
export function usePhotoUrl(hash: string | null, cssPixels: number): string | null {
  const size = photoSizeFor(cssPixels, typeof window === 'undefined' ? 1 : window.devicePixelRatio);
  const [, rerender] = useState(0);
  const url = hash ? photoUrl(hash, size) : null;
  useEffect(() => {
    if (!hash || url) return;
    const notify = () => rerender((n) => n + 1);
    waiting.add(notify);
    return () => void waiting.delete(notify);
  }, [hash, url]);
  return url;
}
