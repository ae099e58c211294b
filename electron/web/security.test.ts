import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy as shellContentSecurityPolicy } from '../main/csp';
import {
  bearerToken,
  contentSecurityPolicy,
  isAllowedHost,
  isAllowedOrigin,
  isLoopbackHost,
  securityHeaders,
  tokenMatches,
} from './security';

describe('security rules of browser mode', () => {
  it('binds to loopback names only', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '']) expect(isLoopbackHost(h), h).toBe(false);
  });

  it('accepts only our own Host header with the right port', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('LOCALHOST:4000', 4000)).toBe(true);
    for (const h of [undefined, '', '127.0.0.1', '127.0.0.1:4001', 'attacker.example:4000', '127.0.0.1.nip.io:4000']) {
      expect(isAllowedHost(h, 4000), String(h)).toBe(false);
    }
  });

  it('accepts an absent or same Origin and nothing else', () => {
    expect(isAllowedOrigin(undefined, 4000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4000', 4000)).toBe(true);
    for (const o of ['null', 'http://evil.example', 'https://127.0.0.1:4000', 'http://127.0.0.1:4001', '']) {
      expect(isAllowedOrigin(o, 4000), o).toBe(false);
    }
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    for (const t of [undefined, null, '', 'ab', 'abcd', 'ABC']) expect(tokenMatches(t, 'abc'), String(t)).toBe(false);
  });

  it('reads only the Bearer scheme', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBe('abc');
    for (const h of [undefined, '', 'Bearer', 'Bearer ', 'Basic abc', 'Bearer a b', 'abc']) expect(bearerToken(h), String(h)).toBeNull();
  });

  it('sends the strict CSP of the Electron shell', () => {
    expect(contentSecurityPolicy).toBe(shellContentSecurityPolicy());
    for (const directive of [
      "default-src 'self'",
      "script-src 'self';",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self';",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]) {
      expect(contentSecurityPolicy).toContain(directive);
    }
    expect(securityHeaders['X-Content-Type-Options']).toBe('nosniff');
    expect(securityHeaders['Referrer-Policy']).toBe('no-referrer');
  });
});
