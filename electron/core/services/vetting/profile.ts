import { AppError } from '../../../../shared/contract/result';
import type { UserRecord } from '../../../../shared/contract/vetting';
import { uuidv7 } from '../../../../shared/ids';
import type { SyncUser } from '../../../../shared/sync/protocol';
import type { TaxonomyIndex } from '../taxonomy';
import { PROFILE_META_KEY, type VettingContext } from './context';
import { checkUserFields, readUser, type UserFields } from './users';

/**
 * Who this device acts as (issue 7 point 8). Once the device is enrolled the server account is
 * the profile and cannot be switched here; before that, the curator chooses or creates a
 * profile at first start (a `user` record, its id kept in meta `profile.user`). Context.actor()
 * reads the same two sources, in the same order.
 *
 * The ids: an account's id is made by the server (`npm run server -- user add`), a local
 * profile's by this device. To keep one id for a person who worked before enrolling, the
 * administrator creates the account with the profile's id (`user add --id <the id shown in
 * Settings → Profile>`); then the enrolled account and the local profile are one user.
 */

export type ProfileSource = 'server' | 'local';
export interface Profile {
  user: UserRecord | null;
  source: ProfileSource | null;
}

export interface ProfileOptions {
  serverUser: () => SyncUser | null;
  taxonomy: TaxonomyIndex;
}

export function getProfile(ctx: VettingContext, o: ProfileOptions): Profile {
  const server = o.serverUser();
  if (server) {
    // The synced record adds agency, expertise and conflicts; before the first pull, the account alone.
    const record = readUser(ctx.db, server.id);
    const user: UserRecord = record
      ? { ...record, name: server.name, role: server.role, country: server.country }
      : { id: server.id, name: server.name, email: '', role: server.role, country: server.country, agency: '', expertise: [], declaredConflicts: [], disabled: false };
    return { user, source: 'server' };
  }
  const chosen = ctx.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(PROFILE_META_KEY) as string | undefined;
  const user = chosen ? readUser(ctx.db, chosen) : null;
  return user && !user.disabled ? { user, source: 'local' } : { user: null, source: null };
}

function refuseWhenEnrolled(o: ProfileOptions): void {
  const server = o.serverUser();
  if (server) {
    throw new AppError('NOT_ALLOWED', `This device is signed in to the server as ${server.name}; that account is the profile here. To act as someone else, sign out under Settings → Sync first.`);
  }
}

/** Chooses an existing user as this device's profile (first start, before enrollment). */
export function chooseProfile(ctx: VettingContext, userId: string, o: ProfileOptions): Profile {
  refuseWhenEnrolled(o);
  const user = readUser(ctx.db, userId);
  if (!user) throw new AppError('NOT_FOUND', 'This user does not exist (or was removed). Choose another profile or create yours.');
  if (user.disabled) throw new AppError('NOT_ALLOWED', `${user.name}'s profile is disabled. Choose another profile, or ask an administrator to enable it.`);
  setProfile(ctx, userId);
  return getProfile(ctx, o);
}

/** Creates a user record for the person at this device and chooses it, in one transaction. */
export function createProfile(ctx: VettingContext, fields: UserFields, o: ProfileOptions): Profile {
  refuseWhenEnrolled(o);
  const clean = { ...fields, name: fields.name.trim(), email: fields.email.trim(), agency: fields.agency.trim(), disabled: false };
  checkUserFields(ctx.db, o.taxonomy, clean, null);
  const id = uuidv7();
  ctx.db.transaction(() => {
    // The new user is its own author: the first change that names who made it.
    ctx.funnel.write(id, [{ entity: 'user', id, fields: { ...clean, deletedAt: null } }]);
    setProfile(ctx, id);
  })();
  ctx.changed('user');
  return getProfile(ctx, o);
}

function setProfile(ctx: VettingContext, userId: string): void {
  ctx.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PROFILE_META_KEY, userId);
}
