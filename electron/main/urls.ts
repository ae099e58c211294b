/**
 * URL allow-lists for the shell. Every URL that reaches the main process from the renderer
 * (navigation, window.open, IPC sender frames) is parsed here before anything acts on it.
 */

/** Shared with the renderer, which builds app:// photo URLs. */
export { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../shared/url';
import { externalUrlToOpen } from '../../shared/url';

export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * `scheme://host[:port]`. Node's URL gives origin 'null' for non-special schemes such as
 * app://, while Chromium gives a real origin for a scheme registered as standard; this
 * computes the Chromium form for both, so app:// and http:// compare the same way.
 */
export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** True when `raw` is a page of the app itself (the dev server in development, app:// when built). */
export function isAppUrl(raw: unknown, appOrigin: string): boolean {
  const url = parseUrl(raw);
  const origin = parseUrl(appOrigin);
  if (!url || !origin) return false;
  return originOf(url) === originOf(origin);
}

/** The one link rule, shared with the schema that stores links (shared/url). */
export { externalUrlToOpen };

/**
 * An IPC message is trusted only when it comes from a frame showing the app itself: not a
 * page navigated to elsewhere, not an iframe of another origin, not a frame that is gone
 * (Electron reports a destroyed frame as null).
 */
export function isTrustedSender(frameUrl: string | null | undefined, appOrigin: string): boolean {
  return isAppUrl(frameUrl, appOrigin);
}
