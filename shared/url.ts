/**
 * The one rule for links a curator stores and the desktop shell opens: the portfolio-link
 * schema and the shell's "open in the browser" use this same function, so a stored link is
 * always one the app will open, and nothing the shell refuses can be stored.
 */

/** The privileged scheme the packaged renderer and its photos are served from: app://curator/index.html. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'curator';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The URL to hand to the operating system's browser, or null when the link must not be
 * opened (or stored). Only http(s) with a real host and without embedded credentials passes:
 * javascript:, file:, data:, custom schemes (which may launch other programs) and malformed
 * text are refused. `https://bank.example@evil.example` is refused as well, because the part
 * before '@' misleads the reader about where the link goes. A real host is a DNS name with a
 * dot (`asean.org`), `localhost`, or an IP address; `https://x` or `https://.` is not.
 */
export function externalUrlToOpen(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return isRealHost(url.hostname) ? url : null;
}

/**
 * True for an http(s) link with a user name or password before its host
 * (`https://user:secret@host`, `https://bank.example@evil.example`): refused by
 * externalUrlToOpen, and worth its own message, since it does start with https://.
 */
export function hasEmbeddedCredentials(raw: string): boolean {
  // Credentials come only before an '@': without one there are none, and no parse (or, for
  // text that is no URL at all, such as an empty link, no exception) is needed.
  if (!raw.includes('@')) return false;
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && (url.username !== '' || url.password !== '');
  } catch {
    return false;
  }
}

const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function isRealHost(hostname: string): boolean {
  if (hostname === '' || hostname.length > 253) return false;
  // The URL parser has already checked IP literals: [v6] and dotted v4 (it rewrites 0x7f.1 forms).
  if (hostname.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname)) return true;
  if (hostname === 'localhost') return true;
  // The parser turns international names into punycode (xn--...), so ASCII labels cover them.
  const labels = hostname.replace(/\.$/, '').split('.');
  if (labels.length < 2 || !labels.every((l) => label.test(l))) return false;
  // A top-level domain is letters (or punycode), never all digits.
  return /^[a-z]{2,63}$|^xn--[a-z0-9-]+$/.test(labels[labels.length - 1]!);
}
