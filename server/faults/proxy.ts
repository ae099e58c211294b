import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

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
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length']);

function forward(target: string, method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Upstream> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !hopByHop.has(k)) out[k] = v;
  out['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${target}${path}`, { method, headers: out, agent: false }, (res) => {
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

  const server: Server = createServer((req, res) => {
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
          const first = await forward(target, method, path, req.headers, body);
          if (fault === 'duplicate') {
            const again = options.target();
            if (again) await forward(again, method, path, req.headers, body).catch(() => undefined);
          }
          if (fault === 'replay-later') {
            void track(
              sleep(delayMs).then(() => {
                const again = options.target();
                return again ? forward(again, method, path, req.headers, body) : undefined;
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
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

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
