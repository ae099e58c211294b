import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { Agent, fetch as undiciFetch, type buildConnector } from 'undici';
import { pinMatches } from './pairing';

/**
 * The transport a laptop uses to talk to a workshop hub: HTTPS whose certificate is accepted
 * only when its SHA-256 fingerprint matches the pin from the pairing code (no certificate
 * authority is involved; the hub's certificate is self-signed). The check runs when the TLS
 * handshake completes and BEFORE the connection is handed to HTTP, so on a mismatch not one
 * byte of the request (token, changes) is sent. Everyone else on the workshop network sees
 * only TLS: they can neither read nor alter the traffic, nor pose as the hub.
 */

/** The error a connection fails with when the certificate is not the paired hub's. */
export class PinMismatchError extends Error {
  /** Contains CERT, so the sync client's HTTP layer reports it as a certificate problem. */
  readonly code = 'ERR_HUB_CERT_MISMATCH';
  constructor(
    readonly host: string,
    readonly seen: string,
  ) {
    super(`The computer at ${host} showed a certificate that is not the paired workshop hub's (SHA-256 ${seen.slice(0, 16)}…).`);
    this.name = 'PinMismatchError';
  }
}

export type Fetch = typeof fetch;

export interface PinnedTransport {
  fetch: Fetch;
  /** The full fingerprint of the last certificate accepted (a 80-bit pin learns the rest). */
  readonly seenFingerprint: string | null;
  close(): Promise<void>;
}

/** A fetch that talks only to the holder of the pinned certificate (full hex, or its first 80 bits). */
export function pinnedTransport(pin: string): PinnedTransport {
  let seen: string | null = null;
  const connector: buildConnector.connector = (options, callback) => {
    const host = options.hostname;
    const socket: TLSSocket = tlsConnect({
      host,
      port: Number(options.port) || 443,
      // SNI only for names; the certificate is judged by its fingerprint, never by its name or CA.
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    let done = false;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      if (error) {
        socket.destroy();
        callback(error, null);
      } else callback(null, socket);
    };
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate()?.raw;
      const fp = raw ? createHash('sha256').update(raw).digest('hex') : '';
      if (!fp || !pinMatches(pin, fp)) return finish(new PinMismatchError(`${host}:${options.port}`, fp || 'none'));
      seen = fp;
      finish(null);
    });
    socket.once('error', (error) => finish(error));
    socket.setTimeout(15_000, () => finish(Object.assign(new Error(`No TLS answer from ${host} in time.`), { code: 'ETIMEDOUT' })));
    socket.once('secureConnect', () => socket.setTimeout(0));
  };
  const agent = new Agent({ connect: connector, keepAliveTimeout: 10_000 });
  const pinnedFetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('https://')) return Promise.reject(new TypeError('A workshop hub is reached over https:// only.'));
    // undici's own fetch with its own Agent (the pin lives in the Agent's connector).
    return undiciFetch(url, { ...(init as object), dispatcher: agent } as Parameters<typeof undiciFetch>[1]) as unknown as Promise<Response>;
  }) as Fetch;
  return {
    fetch: pinnedFetch,
    get seenFingerprint() {
      return seen;
    },
    close: () => agent.close(),
  };
}
