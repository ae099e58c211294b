import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../shared/sync/protocol';
import type { SyncAuth } from './auth';
import { handleError, SyncError } from './errors';
import { accountRoutes } from './routes/accounts';
import { blobRoutes } from './routes/blobs';
import { syncRoutes } from './routes/sync';
import type { Principal, FeedStore } from './store';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every route but enrollment. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** A route anyone may call (enrollment: the device has no token yet). */
    public?: boolean;
  }
}

export interface SyncAppOptions {
  store: FeedStore;
  auth: SyncAuth;
  /** A pino logger (Fastify's own); silent when omitted. */
  logger?: FastifyBaseLogger;
  /** Requests per minute per client address; false turns the limit off (tests of other limits). */
  rateLimit?: { max: number; enrollMax?: number } | false;
  /** Behind a reverse proxy: trust its X-Forwarded-For so limits and logs see the real client. */
  trustProxy?: boolean | string;
  /**
   * Serve TLS itself (a workshop hub, with a certificate its pairing code pins). The central
   * server leaves TLS to its reverse proxy.
   */
  https?: { key: string | Buffer; cert: string | Buffer };
}

/**
 * The sync API (shared/sync/protocol.ts) as a Fastify instance, not yet listening. The same
 * factory serves the central server (server/cli.ts) and a workshop hub inside the desktop
 * core: only `store` and `auth` differ.
 *
 * Every route but enrollment is authenticated before its body is read; every failure,
 * Fastify's own included, answers `{ error: { code, message, details? } }`.
 */
export function createSyncApp(options: SyncAppOptions): FastifyInstance {
  const app = Fastify({
    ...(options.https ? { https: options.https } : {}),
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: options.trustProxy ?? false,
    // Sync requests are small and frequent: a slow or idle client must not hold a socket for long.
    connectionTimeout: 120_000,
    requestTimeout: 120_000,
  });
  app.decorateRequest('principal', null);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => handleError(new SyncError('NOT_FOUND', `There is no ${request.method} ${request.url.split('?')[0]} on this server.`), request, reply));

  // Responses are gzip-compressed when the client accepts it; gzip request bodies are
  // decompressed before parsing, and the body limit applies to the decompressed bytes.
  app.register(compress, { global: true, encodings: ['gzip'], requestEncodings: ['gzip'], threshold: 1024, customTypes: /^application\/x-ndjson/ });
  if (options.rateLimit !== false) {
    app.register(rateLimit, {
      max: options.rateLimit?.max ?? 1200,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) =>
        Object.assign(new SyncError('RATE_LIMITED', `Too many requests from this address. Wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`), {
          statusCode: 429,
        }),
    });
  }

  // preParsing: after the rate limit (a route-level onRequest hook, which runs after any
  // instance-level one), so a flood of bad tokens is limited too; before the body is read.
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.routeOptions.config?.public || !request.routeOptions.url) return payload;
    const who = await options.auth.authenticate(request);
    if (who instanceof SyncError) throw who;
    request.principal = who;
    return payload;
  });

  const enrollMax = options.rateLimit === false ? undefined : (options.rateLimit?.enrollMax ?? 10);
  app.register(accountRoutes, { store: options.store, auth: options.auth, enrollMax });
  app.register(syncRoutes, { store: options.store });
  app.register(blobRoutes, { store: options.store });
  return app;
}
