import { bearerToken, type SyncAuth } from '../../../server/auth';
import { SyncError } from '../../../server/errors';
import type { Principal } from '../../../server/store';
import type { SyncUser } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import { userAuthority } from './store';
import type { HubAccess } from './tokens';

/**
 * How a workshop hub knows who calls: the hub token a laptop got when it joined with the
 * pairing code, and the central user it declared then (whose synced record the hub holds).
 *
 * Every joined laptop RELAYS: it carries changes it pulled from central that the host may not
 * have yet, and the hub must not refuse those for want of knowledge (a refusal would travel to
 * every laptop as the hub's verdict). So the principal has the relaying role, and each change is
 * judged by server/authorize.ts on its ACTOR's user record (a focal point's change to another
 * country's expert is still refused); a change whose actor is no user the hub knows is judged as
 * the joined user's. Central judges everything again when the host relays it.
 */
export function hubAuth(db: Db, access: HubAccess): SyncAuth & { userOf(device: { userId: string }): SyncUser | null } {
  const readUser = db.prepare("SELECT data FROM records WHERE entity = 'user' AND id = ?").pluck();
  const userOf = (device: { userId: string }): SyncUser | null => {
    const data = readUser.get(device.userId) as string | undefined;
    const record = data ? (JSON.parse(data) as Record<string, unknown>) : null;
    const authority = userAuthority(record);
    if (!record || !authority || authority.disabled) return null;
    return { id: device.userId, name: typeof record.name === 'string' && record.name ? record.name.slice(0, 200) : device.userId, role: authority.role, country: authority.country };
  };
  return {
    userOf,
    async authenticate(request): Promise<Principal | SyncError> {
      const token = bearerToken(request);
      if (!token) return new SyncError('UNAUTHENTICATED', 'This request carries no hub token. Join the workshop hub with its pairing code first.');
      const device = access.check(token);
      if (!device) return new SyncError('UNAUTHENTICATED', 'This workshop hub does not know this laptop (its pairing code may have been renewed). Join it again with the code shown on the hub.');
      const user = userOf(device);
      if (!user) return new SyncError('TOKEN_REVOKED', 'The account this laptop joined with is unknown to the hub or no longer has access. Ask the secretariat.');
      return { user: { ...user, role: user.role === 'admin' ? 'admin' : 'curator' }, tokenId: device.tokenId, node: device.node };
    },
    async enroll({ code, node }) {
      const issued = access.redeem(code, node);
      const user = issued ? userOf(issued) : null;
      if (!issued || !user) {
        throw new SyncError('ENROLLMENT_INVALID', 'This code is not one this hub issued to this laptop, or it has expired. Join the hub again with its pairing code.');
      }
      return { token: issued.token, tokenId: issued.tokenId, user };
    },
  };
}
