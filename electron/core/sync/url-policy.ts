import { AppError } from '../../../shared/contract/result';

/**
 * Which server addresses the client talks to. The token and every expert's personal data
 * travel on this connection, so plain http:// is refused except where nobody else can listen:
 * this computer (loopback), or a workshop hub this device has paired with (its traffic is
 * protected by the hub's pinned certificate, not by the scheme of the address typed).
 */

/** True for localhost, 127.0.0.0/8 and ::1: traffic that never leaves this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1') return true;
  return /^127(\.\d{1,3}){3}$/.test(host);
}

export interface UrlPolicyOptions {
  /** Whether this origin (scheme://host:port) is a workshop hub this device has paired with. */
  isPairedHub?: (origin: string) => boolean;
}

/**
 * The base URL to use for a server address a curator typed: scheme, host, port and an optional
 * path prefix (a reverse proxy may mount the server under one), without a trailing slash.
 * Throws INVALID_INPUT for something that is not a web address and INSECURE_URL for http://
 * to another computer.
 */
export function checkServerUrl(raw: string, options: UrlPolicyOptions = {}): string {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new AppError('INVALID_INPUT', `"${text.slice(0, 100)}" is not a server address. Enter it as the secretariat gave it, like https://sync.accsm.example.`, [
      { path: ['serverUrl'], message: 'Enter an address like https://sync.accsm.example.' },
    ]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('INVALID_INPUT', 'A server address starts with https://. Enter it as the secretariat gave it.', [{ path: ['serverUrl'], message: 'Start the address with https://.' }]);
  }
  if (url.username || url.password) {
    throw new AppError('INVALID_INPUT', 'The server address must not contain a user name or password; the enrollment code signs you in. Remove the part before "@".', [
      { path: ['serverUrl'], message: 'Remove the user name and password from the address.' },
    ]);
  }
  if (url.search || url.hash) {
    throw new AppError('INVALID_INPUT', 'The server address must not contain "?" or "#". Enter just the address, like https://sync.accsm.example.', [
      { path: ['serverUrl'], message: 'Remove the part from "?" or "#" on.' },
    ]);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !options.isPairedHub?.(url.origin)) {
    throw new AppError(
      'INSECURE_URL',
      `The address ${url.origin} is not encrypted (http://), so the sign-in token and experts' personal data could be read on the network. Use the https:// address of the server, or join a workshop hub with its pairing code.`,
      [{ path: ['serverUrl'], message: 'Use an https:// address.' }],
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}`;
}
