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
