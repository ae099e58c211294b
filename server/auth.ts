import type { FastifyRequest } from 'fastify';
import type { SyncUser } from '../shared/sync/protocol';
import { SyncError } from './errors';
import type { Accounts, Principal } from './store';

/**
 * How a request proves who it is. The central server uses device tokens issued at enrollment
 * (tokenAuth below); a workshop hub supplies its own (a pairing code) with the same shape, so
 * the app factory never knows which.
 */
export interface SyncAuth {
  /** The principal behind the request, or the SyncError that refuses it (UNAUTHENTICATED, TOKEN_REVOKED). */
  authenticate(request: FastifyRequest): Promise<Principal | SyncError>;
  /** Trades a one-time code for a device token; ENROLLMENT_INVALID when the code cannot be used. */
  enroll(input: { code: string; node: string; deviceName: string }): Promise<{ token: string; tokenId: string; user: SyncUser }>;
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S{16,200})\s*$/i.exec(header);
  return m ? m[1]! : null;
}

export function tokenAuth(accounts: Accounts): SyncAuth {
  return {
    async authenticate(request) {
      const token = bearerToken(request);
      if (!token) return new SyncError('UNAUTHENTICATED', 'This request carries no device token. Enroll the device with a code from the secretariat, then sync again.');
      const check = await accounts.checkToken(token);
      switch (check.kind) {
        case 'ok':
          return check.principal;
        case 'revoked':
          return new SyncError('TOKEN_REVOKED', "This device's access was withdrawn. Ask the secretariat for a new enrollment code and enroll again.");
        case 'disabled':
          return new SyncError('TOKEN_REVOKED', 'The account this device signed in with no longer has access. Ask the secretariat.');
        case 'unknown':
          return new SyncError('UNAUTHENTICATED', 'The server does not know this device token. Enroll the device again with a code from the secretariat.');
      }
    },
    async enroll({ code, node, deviceName }) {
      const outcome = await accounts.enroll(code, node, deviceName);
      if (outcome.kind === 'ok') return { token: outcome.token, tokenId: outcome.tokenId, user: outcome.user };
      const why = { unknown: 'is not one this server issued', used: 'has already been used', expired: 'has expired' }[outcome.reason];
      throw new SyncError('ENROLLMENT_INVALID', `This enrollment code ${why}. Ask the secretariat for a new code; each code works once, for 72 hours.`);
    },
  };
}

/** The authenticated principal of a request that passed the app's hook (never null on a non-public route). */
export function principalOf(request: { principal: Principal | null }): Principal {
  if (!request.principal) throw new SyncError('UNAUTHENTICATED', 'This request is not signed in.');
  return request.principal;
}
