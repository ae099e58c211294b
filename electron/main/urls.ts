/**
 * URL allow-lists for the shell. Every URL that reaches the main process from the renderer
 * (navigation, window.open, IPC sender frames) is parsed here before anything acts on it.
 */

/** The privileged scheme the packaged renderer is served from: app://curator/index.html. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'curator';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

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

/**
 * The URL to hand to the operating system's browser, or null when the link must not be
 * opened. Only http(s) with a host and without embedded credentials passes:
 * javascript:, file:, data:, custom schemes (which may launch other programs) and malformed
 * text are refused. `https://bank.example@evil.example` is refused as well, because the
 * part before '@' misleads the reader about where the link goes.
 */
export function externalUrlToOpen(raw: unknown): URL | null {
  const url = parseUrl(raw);
  if (!url) return null;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === '') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url;
}

/**
 * An IPC message is trusted only when it comes from a frame showing the app itself: not a
 * page navigated to elsewhere, not an iframe of another origin, not a frame that is gone
 * (Electron reports a destroyed frame as null).
 */
export function isTrustedSender(frameUrl: string | null | undefined, appOrigin: string): boolean {
  return isAppUrl(frameUrl, appOrigin);
}
