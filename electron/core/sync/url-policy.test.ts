import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/result';
import { checkServerUrl, isLoopbackHost } from './url-policy';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'thrown';
  }
  return 'accepted';
};

describe('server URL policy', () => {
  it('accepts https anywhere and normalises the base URL', () => {
    expect(checkServerUrl('https://sync.accsm.example/')).toBe('https://sync.accsm.example');
    expect(checkServerUrl('  HTTPS://Sync.ACCSM.example:8443/curator/ ')).toBe('https://sync.accsm.example:8443/curator');
    // A bare host name is taken as https, never as http.
    expect(checkServerUrl('sync.accsm.example')).toBe('https://sync.accsm.example');
  });

  it('accepts http only to loopback or a paired hub', () => {
    expect(checkServerUrl('http://127.0.0.1:4040')).toBe('http://127.0.0.1:4040');
    expect(checkServerUrl('http://localhost:4040/')).toBe('http://localhost:4040');
    expect(checkServerUrl('http://[::1]:4040')).toBe('http://[::1]:4040');
    expect(codeOf(() => checkServerUrl('http://192.168.1.20:4040'))).toBe('INSECURE_URL');
    expect(codeOf(() => checkServerUrl('http://sync.accsm.example'))).toBe('INSECURE_URL');
    // 127.0.0.1.evil.example is a DNS name that only looks like loopback.
    expect(codeOf(() => checkServerUrl('http://127.0.0.1.evil.example'))).toBe('INSECURE_URL');
    const paired = (origin: string) => origin === 'http://192.168.1.20:4040';
    expect(checkServerUrl('http://192.168.1.20:4040', { isPairedHub: paired })).toBe('http://192.168.1.20:4040');
    expect(codeOf(() => checkServerUrl('http://192.168.1.21:4040', { isPairedHub: paired }))).toBe('INSECURE_URL');
  });

  it('refuses what is not a plain server address', () => {
    for (const bad of ['ftp://sync.accsm.example', 'https://user:pw@sync.accsm.example', 'https://sync.accsm.example/?x=1', 'https://a b', 'javascript:alert(1)']) {
      expect(codeOf(() => checkServerUrl(bad)), bad).toBe('INVALID_INPUT');
    }
  });

  it('knows loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '127.8.9.10', '[::1]', 'app.localhost'].map(isLoopbackHost)).toEqual([true, true, true, true, true]);
    expect(['10.0.0.1', '::2', 'localhost.example', '1270.0.0.1'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });
});
