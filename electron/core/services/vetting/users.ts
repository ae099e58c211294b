import type { z } from 'zod';
import { AppError } from '../../../../shared/contract/result';
import type { userFieldsInputSchema, UserRecord } from '../../../../shared/contract/vetting';
import { uuidv7 } from '../../../../shared/ids';
import { countryCodes } from '../../../../shared/model/countries';
import { canDecide } from '../../../../shared/model/vetting/roles';
import { roles, type Role } from '../../../../shared/sync/protocol';
import type { Db } from '../../db/open';
import { readRaw } from '../experts/read';
import type { TaxonomyIndex } from '../taxonomy';
import type { VettingContext } from './context';

/**
 * Users as every screen sees them: the synced `user` records (shared/sync/change.ts), written by
 * the central server for accounts and by admins and curators on a device for people without a
 * device of their own (a reviewer scored on paper) and for the vetting profile of everyone
 * (agency, expertise, declared conflicts). Never a secret.
 */

export type UserFields = z.output<typeof userFieldsInputSchema>;

/** The fields only the server decides for an account it holds (server/authorize-users.ts). */
export const authorityFields = ['name', 'role', 'country', 'disabled'] as const;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A stored user record as a UserRecord, or null when it is not a usable user (deleted, no role). */
export function userFromData(id: string, d: Record<string, unknown>): UserRecord | null {
  if (d.deletedAt !== undefined && d.deletedAt !== null) return null;
  if (!(roles as readonly unknown[]).includes(d.role) || typeof d.name !== 'string') return null;
  return {
    id,
    name: d.name,
    email: typeof d.email === 'string' ? d.email : '',
    role: d.role as Role,
    country: (countryCodes as readonly unknown[]).includes(d.country) ? (d.country as UserRecord['country']) : null,
    agency: typeof d.agency === 'string' ? d.agency : '',
    expertise: strings(d.expertise),
    declaredConflicts: strings(d.declaredConflicts),
    disabled: d.disabled === true,
  };
}

export function readUser(db: Db, id: string): UserRecord | null {
  const raw = readRaw(db, 'user', id);
  return raw ? userFromData(id, raw.data) : null;
}

/** Every usable user, by name; `role` empty means every role. */
export function listUsers(db: Db, filter: { role?: readonly Role[]; includeDisabled?: boolean } = {}): UserRecord[] {
  const rows = db.prepare("SELECT id, data FROM records WHERE entity = 'user'").all() as { id: string; data: string }[];
  const roleSet = filter.role && filter.role.length ? new Set(filter.role) : null;
  const out: UserRecord[] = [];
  for (const row of rows) {
    const user = userFromData(row.id, JSON.parse(row.data) as Record<string, unknown>);
    if (!user || (user.disabled && !filter.includeDisabled) || (roleSet && !roleSet.has(user.role))) continue;
    out.push(user);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Checks what zod cannot see alone: a focal point's country, known expertise terms, a unique e-mail. */
export function checkUserFields(db: Db, taxonomy: TaxonomyIndex, fields: UserFields, id: string | null): void {
  if (fields.role === 'focal_point' && fields.country === null) {
    throw new AppError('INVALID_INPUT', 'A national focal point acts for one member state: choose their country. Nothing was saved.', [
      { path: ['fields', 'country'], message: 'Choose the country of this focal point.' },
    ]);
  }
  const unknown = taxonomy.unknown(fields.expertise);
  if (unknown.length) {
    throw new AppError('UNKNOWN_TERM', `These expertise areas are not in the taxonomy: ${unknown.join(', ')}. Choose them from the list. Nothing was saved.`, [
      { path: ['fields', 'expertise'], message: 'Choose expertise areas from the list.' },
    ]);
  }
  const email = fields.email.trim().toLowerCase();
  if (email) {
    const clash = listUsers(db, { includeDisabled: true }).find((u) => u.id !== id && u.email.trim().toLowerCase() === email);
    if (clash) {
      throw new AppError('CONFLICT', `${clash.name} already uses the e-mail ${fields.email}. Give each person their own address. Nothing was saved.`, [
        { path: ['fields', 'email'], message: 'Another user has this e-mail address.' },
      ]);
    }
  }
}

export interface SaveUserOptions {
  taxonomy: TaxonomyIndex;
  /** This device is enrolled with a server: the server decides the accounts it holds. */
  enrolled: boolean;
  /** This device's node id: users whose authority fields were written here stay editable here. */
  nodeId: string;
}

/**
 * Adds or edits a user (admins and curators only). Only the fields that changed are written, so
 * two curators editing different fields of one reviewer offline both keep their edit. On an
 * enrolled device, name, role, country and access of a user written by another node (the
 * server's accounts) are refused here, as the server would refuse them on push.
 */
export function saveUser(ctx: VettingContext, input: { id?: string | undefined; fields: UserFields }, o: SaveUserOptions): UserRecord {
  const who = ctx.requireActor();
  if (!canDecide(who)) {
    throw new AppError('NOT_ALLOWED', 'Only an administrator or a curator adds and edits users. Ask the secretariat. Nothing was saved.');
  }
  const id = input.id ?? uuidv7();
  const raw = input.id ? readRaw(ctx.db, 'user', input.id) : null;
  const before = raw ? userFromData(id, raw.data) : null;
  if (input.id && !before) throw new AppError('NOT_FOUND', 'This user does not exist (or was removed). Go back to the list of users.');
  const fields = { ...input.fields, name: input.fields.name.trim(), email: input.fields.email.trim(), agency: input.fields.agency.trim() };
  checkUserFields(ctx.db, o.taxonomy, fields, id);
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!before || JSON.stringify(before[key as keyof UserRecord]) !== JSON.stringify(value)) changed[key] = value;
  }
  if (before && raw && o.enrolled) {
    const fromElsewhere = authorityFields.filter((f) => f in changed && raw.stamps[f] !== undefined && raw.stamps[f][1] !== o.nodeId);
    if (fromElsewhere.length) {
      throw new AppError(
        'NOT_ALLOWED',
        `${before.name}'s ${fromElsewhere.join(', ')} come from the server account: change them there (npm run server -- user set), then sync. Agency, expertise and declared conflicts can be changed here. Nothing was saved.`,
      );
    }
  }
  if (before?.id === who.id && changed.disabled === true) {
    throw new AppError('NOT_ALLOWED', 'You cannot disable your own profile: ask another administrator or curator. Nothing was saved.');
  }
  if (Object.keys(changed).length) {
    ctx.funnel.write(who.id, [{ entity: 'user', id, fields: before ? changed : { ...changed, deletedAt: null } }]);
    ctx.changed('user');
  }
  return readUser(ctx.db, id)!;
}
