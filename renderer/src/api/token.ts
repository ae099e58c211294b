/**
 * Browser mode: the server prints `http://127.0.0.1:PORT/#token=...`. The token is read once
 * from the fragment, kept in sessionStorage (so a reload keeps working in this tab only), and
 * removed from the address bar so it is not left in view, in bookmarks or in screenshots.
 */
const STORAGE_KEY = 'curator.token';

export interface TokenEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

export function takeToken(env: TokenEnvironment): string | null {
  const params = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    try {
      env.sessionStorage.setItem(STORAGE_KEY, fromHash);
    } catch {
      // Storage may be disabled; the token still works for this page load.
    }
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}`);
    return fromHash;
  }
  try {
    return env.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * A per-launch route key, HMAC-SHA256(token, context) in base64url: the credential of a URL an
 * <img> or <iframe> loads without the Authorization header (photos.ts, attachments.ts). It
 * cannot be turned back into the token; electron/web/keyed-route.ts computes the same value.
 */
export async function routeKey(token: string, context: string): Promise<string> {
  const utf8 = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', utf8.encode(token), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8.encode(context)));
  return btoa(String.fromCharCode(...mac)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
