import { describe, expect, it } from 'vitest';
import { takeToken, type TokenEnvironment } from './token';

function environment(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [['curator.token', stored]] : []);
  const replaced: string[] = [];
  const env: TokenEnvironment = {
    location: { hash, pathname: '/', search: '' },
    history: { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) },
    sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
  };
  return { env, storage, replaced };
}

describe('takeToken', () => {
  it('reads the token from the fragment, keeps it for this tab and clears the address bar', () => {
    const { env, storage, replaced } = environment('#token=abc123');
    expect(takeToken(env)).toBe('abc123');
    expect(storage.get('curator.token')).toBe('abc123');
    expect(replaced).toEqual(['/']);
  });

  it('falls back to the stored token after a reload, leaving the address alone', () => {
    const { env, replaced } = environment('#/experts', 'stored');
    expect(takeToken(env)).toBe('stored');
    expect(replaced).toEqual([]);
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeToken(environment('').env)).toBeNull();
  });
});
