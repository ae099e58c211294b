import type { Change } from '../electron/core/changes/types';
import type { Authority, AuthVerdict, RecordReader } from './store';

/**
 * `user` records pushed by a device (the central server's own writes never come here). Users
 * sync to every device so that every screen can say who did what and vetting can build its
 * reviewer pool; a device may write them within these limits:
 * - the vetting profile (e-mail, agency, expertise, declared conflicts) of anyone, by an
 *   administrator or a curator, and of oneself, by anyone;
 * - any field of a user who has no account on this server (a reviewer without a device of
 *   their own, a profile made on a laptop before it enrolled), by an administrator or a curator;
 * - never the name, role, country or access of an account: those are the server's
 *   (`npm run server -- user set`), and authority on the central server comes from its account
 *   table alone, so no synced record can grant anything there.
 * A change claiming the server's own author name is refused: only the server writes as it.
 * Called with the author already resolved (authorize.ts), after the check by value.
 */
export const profileFields: ReadonlySet<string> = new Set(['email', 'agency', 'expertise', 'declaredConflicts']);
export const SERVER_ACTOR_PREFIX = 'server-admin:';

export function judgeUserRecord(author: Authority, change: Change, read: RecordReader): AuthVerdict {
  const secretariat = author.role === 'admin' || author.role === 'curator';
  const onlyProfile = Object.keys(change.fields).every((f) => profileFields.has(f));
  if (onlyProfile && (secretariat || change.id === change.actor)) return ok;
  if (!secretariat) {
    return refuse('Only an administrator or a curator adds users or changes their name, role, country or access; each user may change their own agency, expertise and declared conflicts. Ask the secretariat.');
  }
  if (read.authority(change.id)) {
    return refuse("This user has an account on the server: their name, role, country and access are changed there (npm run server -- user set). Agency, expertise and declared conflicts can be changed on a device.");
  }
  return ok;
}

export function claimsServerActor(change: Change): boolean {
  return change.actor.startsWith(SERVER_ACTOR_PREFIX);
}

const ok: AuthVerdict = { kind: 'ok' };
const refuse = (reason: string): AuthVerdict => ({ kind: 'rejected', code: 'ROLE', reason });
