import type { FastifyPluginAsync } from 'fastify';
import { enrollRequestSchema, SYNC_PREFIX } from '../../shared/sync/protocol';
import { hasHiddenCharacters } from '../../shared/text/hygiene';
import { principalOf, type SyncAuth } from '../auth';
import { SyncError } from '../errors';
import type { FeedStore } from '../store';
import { parseInput } from '../validate';

/** POST /enroll (no token: the code is the credential) and GET /whoami. */
export const accountRoutes: FastifyPluginAsync<{ store: FeedStore; auth: SyncAuth; enrollMax: number | undefined }> = async (app, { store, auth, enrollMax }) => {
  app.post(
    `${SYNC_PREFIX}/enroll`,
    {
      // Codes carry 80 random bits; the tight per-address limit makes guessing pointless even so.
      config: { public: true, ...(enrollMax ? { rateLimit: { max: enrollMax, timeWindow: 60_000 } } : {}) },
    },
    async (request) => {
      const input = parseInput(enrollRequestSchema, request.body, 'enrollment request');
      // The name is shown to administrators in a terminal (token list): no control characters.
      if (hasHiddenCharacters(input.deviceName)) throw new SyncError('INVALID_INPUT', 'The device name contains control characters. Use letters, digits and spaces.');
      const enrolled = await auth.enroll(input);
      request.log.info({ tokenId: enrolled.tokenId, userId: enrolled.user.id, node: input.node }, 'device enrolled');
      return { ...enrolled, epoch: await store.epoch() };
    },
  );

  app.get(`${SYNC_PREFIX}/whoami`, async (request) => {
    const principal = principalOf(request);
    return { user: principal.user, tokenId: principal.tokenId, epoch: await store.epoch() };
  });
};
