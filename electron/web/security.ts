import { createHash, timingSafeEqual } from 'node:crypto';
// A plain function with no Electron import, shared so the two transports cannot drift apart.
import { contentSecurityPolicy as shellContentSecurityPolicy } from '../main/csp';

/**
 * The browser-mode server's guard rails as plain functions, so each rule is unit-tested
 * without a socket. The server only listens on loopback, but a page on any other site can
 * still reach 127.0.0.1 from the user's browser; the token, the Host check (against DNS
 * rebinding) and the Origin check (against cross-site POSTs) close those doors.
 */

/** Exactly the policy of the Electron shell's window (built app, no dev server). */
export const contentSecurityPolicy = shellContentSecurityPolicy();

/** Headers sent on every response, errors included. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

/** True for the names the server may bind to: loopback only, never a LAN address. */
export function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host);
}

/** The Host header values a browser sends for this server (a rebinding attack sends its own name). */
export function allowedHostHeaders(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return allowedHostHeaders(port).includes(hostHeader.toLowerCase());
}

/** An absent Origin (same-origin GET, curl, tests) is fine; a present one must be ours. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHostHeaders(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

/**
 * Compares a presented token with the expected one in constant time. Hashing first gives
 * both sides the same length, so neither the length nor the content leaks through timing.
 */
export function tokenMatches(presented: string | undefined | null, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Reads `Authorization: Bearer <token>`; anything else is no token. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** A request's path, as sent and percent-decoded. */
export interface RequestTarget {
  rawPath: string;
  path: string;
}

/**
 * The path of a request target in origin form (`/rpc/app.info?x`), or null for anything a
 * browser never sends us: an absolute-form or `*` target, or percent-encoding that does not
 * decode (`/%`, `/rpc/%E0%A4%A`). The server answers null with 400 rather than failing later.
 */
export function decodeRequestTarget(raw: string | undefined): RequestTarget | null {
  if (typeof raw !== 'string' || !raw.startsWith('/')) return null;
  const rawPath = raw.split(/[?#]/, 1)[0]!;
  try {
    return { rawPath, path: decodeURIComponent(rawPath) };
  } catch {
    return null;
  }
}
