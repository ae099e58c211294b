import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

/**
 * A small fault-injecting HTTP proxy for the convergence harness. It sits in front of one sync
 * server on 127.0.0.1 and, for each request, does what `decide` says:
 * - 'pass': forward, answer with the server's response;
 * - 'drop-request': cut the client's connection; the server never sees the request;
 * - 'drop-response': forward, let the server commit, then cut the connection (the client
 *   cannot tell whether anything was stored);
 * - 'duplicate': forward the same request twice, one after the other; answer with the first;
 * - 'replay-later': forward and answer, and send the same request again after a while, when
 *   newer requests have passed it (a stale request arriving out of order);
 * - 'delay': hold the request for a while before forwarding (concurrent requests overtake it).
 * While the server is down (`target()` is null) every connection is cut, as a refused one.
 *
 * The client sees only what a real network can do to it: no answer, or the server's own answer.
 *
 * In front of a workshop hub (`tls`), the proxy terminates TLS with the hub's OWN certificate
 * and key, so the laptops' transport pinned by the pairing code accepts it exactly as it accepts
 * the hub, and forwards over TLS to the hub, refusing any upstream certificate but the hub's.
 * The faults are the same; only a party holding the hub's key can sit where this proxy sits.
 */

export type Fault = 'pass' | 'drop-request' | 'drop-response' | 'duplicate' | 'replay-later' | 'delay';
export const faultKinds: readonly Fault[] = ['pass', 'drop-request', 'drop-response', 'duplicate', 'replay-later', 'delay'];

export interface ProxyRequest {
  method: string;
  path: string;
}

export interface FaultProxyOptions {
  /** Where the server listens now ('http://127.0.0.1:PORT'), or null while it is down. */
  target: () => string | null;
  decide: (request: ProxyRequest) => { fault: Fault; delayMs: number };
  /** Serve https with this certificate and key (the hub's), and accept only it upstream. */
  tls?: { key: string; cert: string; fingerprint: string };
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length']);

/** SHA-256 of a certificate as Node prints it (AB:CD:…), in the hub's form (lowercase hex). */
const plainFingerprint = (fp: string | undefined) => (fp ?? '').replace(/:/g, '').toLowerCase();

function forward(target: string, method: string, path: string, headers: IncomingHttpHeaders, body: Buffer, pin: string | null): Promise<Upstream> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !hopByHop.has(k)) out[k] = v;
  out['content-length'] = String(body.length);
  const tls = target.startsWith('https://');
  if (tls !== (pin !== null)) return Promise.reject(new Error(`The proxy forwards ${pin ? 'over TLS only' : 'plain HTTP only'}, not to ${target}.`));
  const request = tls ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // The hub's certificate is self-signed: no CA check, its fingerprint is checked on the response below.
    const req = request(`${target}${path}`, { method, headers: out, agent: false, ...(tls ? { rejectUnauthorized: false } : {}) }, (res) => {
      if (pin !== null && plainFingerprint((res.socket as TLSSocket).getPeerCertificate().fingerprint256) !== pin) {
        res.destroy();
        return reject(new Error(`The server at ${target} is not the hub this proxy stands in front of.`));
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFaultProxy(options: FaultProxyOptions) {
  const pending = new Set<Promise<unknown>>();
  const sockets = new Set<Socket>();
  const counts: Record<Fault, number> = { pass: 0, 'drop-request': 0, 'drop-response': 0, duplicate: 0, 'replay-later': 0, delay: 0 };
  let enabled = true;
  const track = <T>(p: Promise<T>): Promise<T> => {
    const settled = p.catch(() => undefined);
    pending.add(settled);
    void settled.finally(() => pending.delete(settled));
    return p;
  };

  const pin = options.tls?.fingerprint ?? null;
  const handle: RequestListener<typeof IncomingMessage, typeof ServerResponse> = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const cut = () => res.socket?.destroy();
      const target = options.target();
      if (!target) return cut();
      const { fault, delayMs } = enabled ? options.decide({ method, path }) : { fault: 'pass' as Fault, delayMs: 0 };
      counts[fault]++;
      if (fault === 'drop-request') return cut();
      void track(
        (async () => {
          if (fault === 'delay') await sleep(delayMs);
          const first = await forward(target, method, path, req.headers, body, pin);
          if (fault === 'duplicate') {
            const again = options.target();
            if (again) await forward(again, method, path, req.headers, body, pin).catch(() => undefined);
          }
          if (fault === 'replay-later') {
            void track(
              sleep(delayMs).then(() => {
                const again = options.target();
                return again ? forward(again, method, path, req.headers, body, pin) : undefined;
              }),
            );
          }
          if (fault === 'drop-response') return cut();
          const headers: Record<string, string | string[]> = {};
          for (const [k, v] of Object.entries(first.headers)) if (v !== undefined && !hopByHop.has(k)) headers[k] = v;
          headers['content-length'] = String(first.body.length);
          res.writeHead(first.status, headers).end(first.body);
        })().catch(cut),
      );
    });
  };
  const server: Server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, handle) : createServer(handle);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    counts,
    /** Faults on or off (off: every request passes, for quiescence). */
    setEnabled(on: boolean) {
      enabled = on;
    },
    /** Waits until every forwarded, duplicated and replayed request has finished. */
    async settle(): Promise<void> {
      while (pending.size) await Promise.all([...pending]);
    },
    async close(): Promise<void> {
      await this.settle();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;
