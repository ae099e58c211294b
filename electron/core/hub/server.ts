import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { createSyncApp } from '../../../server/app';
import { SyncError } from '../../../server/errors';
import { parseInput } from '../../../server/validate';
import type { FeedStore } from '../../../server/store';
import type { HubCertificate } from './cert';
import { hubAuth } from './auth';
import { HUB_JOIN_PATH, hubJoinRequestSchema } from './protocol';
import type { HubAccess } from './tokens';
import type { Db } from '../db/open';

export interface HubListenOptions {
  db: Db;
  store: FeedStore;
  access: HubAccess;
  certificate: HubCertificate;
  /** '0.0.0.0' (every interface) on a workshop network; tests use '127.0.0.1'. */
  host: string;
  port: number;
  /** Joins per minute per address: the secret's 80 bits are out of reach of guessing anyway. */
  joinMax?: number;
}

export interface RunningHub {
  port: number;
  host: string;
  close(): Promise<void>;
}

/**
 * The SAME sync app as the central server (server/app.ts createSyncApp) on the host's store,
 * plus the join route, served over HTTPS with the hub's own certificate. Fastify does the
 * routing; node:https does TLS (the app factory stays unaware of transport).
 */
export async function listenHub(o: HubListenOptions): Promise<RunningHub> {
  const auth = hubAuth(o.db, o.access);
  const app: FastifyInstance = createSyncApp({ store: o.store, auth, rateLimit: { max: 6000, enrollMax: o.joinMax ?? 20 } });
  const joinMax = o.joinMax ?? 20;
  app.register(async (scope) => {
    scope.post(HUB_JOIN_PATH, { config: { public: true, rateLimit: { max: joinMax, timeWindow: 60_000 } } }, async (request) => {
      const input = parseInput(hubJoinRequestSchema, request.body, 'join request');
      if (!o.access.secretMatches(input.secret)) {
        throw new SyncError('ENROLLMENT_INVALID', 'This pairing code is not the one this hub shows now. Check it on the hub screen and type it again.');
      }
      const user = auth.userOf({ userId: input.userId });
      if (!user) {
        throw new SyncError('FORBIDDEN', "The hub does not hold this laptop's account yet, or the account has no access. The host should sync with the central server, then join again.", { userId: input.userId });
      }
      const admitted = o.access.admit({ userId: input.userId, node: input.node, deviceName: input.deviceName });
      request.log.info({ node: input.node }, 'laptop admitted to the hub');
      return { ...admitted, user };
    });
  });
  await app.ready();
  const server: Server = createServer({ key: o.certificate.key, cert: o.certificate.cert, minVersion: 'TLSv1.2' }, (req, res) => app.routing(req, res));
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  server.keepAliveTimeout = 10_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: o.host, port: o.port }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  return {
    port: address.port,
    host: o.host,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}

/** The addresses other laptops can reach the hub at: the host's IPv4 addresses on the local network. */
export function hubAddresses(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`https://${host.includes(':') ? `[${host}]` : host}:${port}`];
  const found: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) found.push(`https://${a.address}:${port}`);
  }
  return found;
}
