import { uuidv7 } from '../../shared/ids';
import type { CountryCode } from '../../shared/model/countries';
import type { Role, SyncUser } from '../../shared/sync/protocol';
import type { Db } from '../../electron/core/db/open';
import { profileFields } from '../authorize-users';
import { hashSecret, newDeviceToken, newEnrollmentCode, normaliseCode } from '../secrets';
import type { AccountUser, Accounts, Authority, EnrollOutcome, NewUser, TokenCheck, TokenInfo, UserPatch } from '../store';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  country: CountryCode | null;
  disabled: number;
  created_at: number;
}

const toUser = (r: UserRow): AccountUser => ({ id: r.id, name: r.name, role: r.role, country: r.country, email: r.email, disabled: r.disabled === 1, createdAt: r.created_at });
const toSyncUser = (r: UserRow): SyncUser => ({ id: r.id, name: r.name, role: r.role, country: r.country });

/** The synced half of a user: a `user` record written through the funnel by this server's node. */
export type WriteUserRecord = (
  actor: string,
  id: string,
  fields: Partial<{ name: string; role: Role; country: CountryCode | null; disabled: boolean; email: string; agency: string; expertise: string[] }>,
) => void;

/** The vetting profile given (agency, expertise), as fields of the synced record; nothing for what was not given. */
const profileOf = (p: { agency?: string | undefined; expertise?: string[] | undefined }) => ({
  ...(p.agency !== undefined ? { agency: p.agency } : {}),
  ...(p.expertise !== undefined ? { expertise: p.expertise } : {}),
});

/** A token's last use is written at most this often, so authentication rarely writes. */
const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * Accounts on the server's SQLite database (tables in ./schema.ts). Every step that spends a
 * secret (enrolling with a code) runs in one IMMEDIATE transaction, so two devices racing with
 * one code cannot both get a token.
 */
export interface ServerAccounts extends Accounts {
  authority(id: string): Authority | null;
  /** Whether `fields` of a `user` record say nothing the account table does not (a restored server's former writes). */
  agreesWith(userId: string, fields: Record<string, unknown>): boolean;
}

export function sqliteAccounts(db: Db, writeUserRecord: WriteUserRecord, now: () => number = Date.now): ServerAccounts {
  const s = {
    userById: db.prepare('SELECT * FROM server_users WHERE id = ?'),
    userByEmail: db.prepare('SELECT * FROM server_users WHERE email = ?'),
    users: db.prepare('SELECT * FROM server_users ORDER BY created_at, id'),
    disableUser: db.prepare('UPDATE server_users SET disabled = 1 WHERE id = ?'),
    updateUser: db.prepare('UPDATE server_users SET name = ?, role = ?, country = ? WHERE id = ?'),
    insertUser: db.prepare('INSERT INTO server_users (id, email, name, role, country, disabled, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)'),
    insertCode: db.prepare('INSERT INTO server_enrollment_codes (code_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    code: db.prepare('SELECT user_id, expires_at, used_at FROM server_enrollment_codes WHERE code_hash = ?'),
    spendCode: db.prepare('UPDATE server_enrollment_codes SET used_at = ?, token_id = ? WHERE code_hash = ? AND used_at IS NULL'),
    insertToken: db.prepare('INSERT INTO server_tokens (id, user_id, node, device_name, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    tokenByHash: db.prepare('SELECT t.id AS token_id, t.node, t.revoked_at, t.last_used_at, u.* FROM server_tokens t JOIN server_users u ON u.id = t.user_id WHERE t.token_hash = ?'),
    touchToken: db.prepare('UPDATE server_tokens SET last_used_at = ? WHERE id = ?'),
    tokens: db.prepare(
      'SELECT t.id, t.user_id, u.name, u.email, t.node, t.device_name, t.created_at, t.last_used_at, t.revoked_at FROM server_tokens t JOIN server_users u ON u.id = t.user_id ORDER BY t.created_at, t.id',
    ),
    revoke: db.prepare('UPDATE server_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?'),
  };
  const userById = (id: string) => s.userById.get(id) as UserRow | undefined;

  return {
    async createUser(user: NewUser, actor: string) {
      const id = user.id ?? uuidv7(now());
      const createdAt = now();
      db.transaction(() => {
        if (s.userByEmail.get(user.email)) throw new Error(`A user with the email ${user.email} already exists.`);
        if (userById(id)) throw new Error(`A user with the id ${id} already exists.`);
        s.insertUser.run(id, user.email, user.name, user.role, user.country, createdAt);
        // The vetting profile syncs too; the e-mail stays here (devices may note one on the profile).
        writeUserRecord(actor, id, { name: user.name, role: user.role, country: user.country, disabled: false, ...profileOf(user) });
      }).immediate();
      return { id, name: user.name, role: user.role, country: user.country, email: user.email, disabled: false, createdAt };
    },
    async disableUser(userId, actor) {
      db.transaction(() => {
        const row = userById(userId);
        if (!row) throw new Error(`There is no user ${userId}.`);
        if (row.disabled) return;
        s.disableUser.run(userId);
        writeUserRecord(actor, userId, { name: row.name, role: row.role, country: row.country, disabled: true });
      }).immediate();
    },
    async updateUser(userId: string, patch: UserPatch, actor: string) {
      return db.transaction((): AccountUser => {
        const row = userById(userId);
        if (!row) throw new Error(`There is no user ${userId}.`);
        const next = { name: patch.name ?? row.name, role: patch.role ?? row.role, country: patch.country === undefined ? row.country : patch.country };
        // The same rule as `user add`: a focal point's scope is one country.
        if (next.role === 'focal_point' && next.country === null) {
          throw new Error(`${row.name} would be a national focal point without a country. Give one: --country CC.`);
        }
        if (next.name !== row.name || next.role !== row.role || next.country !== row.country) {
          s.updateUser.run(next.name, next.role, next.country, userId);
          writeUserRecord(actor, userId, { ...next, disabled: row.disabled === 1 });
        }
        const profile = profileOf(patch);
        if (Object.keys(profile).length) writeUserRecord(actor, userId, profile);
        return toUser({ ...row, ...next });
      }).immediate();
    },
    async listUsers() {
      return (s.users.all() as UserRow[]).map(toUser);
    },
    async findUserByEmail(email) {
      const row = s.userByEmail.get(email) as UserRow | undefined;
      return row ? toUser(row) : null;
    },
    async issueEnrollmentCode(userId, ttlMs) {
      if (!userById(userId)) throw new Error(`There is no user ${userId}.`);
      const code = newEnrollmentCode();
      const expiresAt = now() + ttlMs;
      s.insertCode.run(hashSecret(normaliseCode(code)), userId, now(), expiresAt);
      return { code, expiresAt };
    },
    async enroll(code, node, deviceName): Promise<EnrollOutcome> {
      const codeHash = hashSecret(normaliseCode(code));
      return db.transaction((): EnrollOutcome => {
        const row = s.code.get(codeHash) as { user_id: string; expires_at: number; used_at: number | null } | undefined;
        if (!row) return { kind: 'invalid', reason: 'unknown' };
        if (row.used_at !== null) return { kind: 'invalid', reason: 'used' };
        if (row.expires_at <= now()) return { kind: 'invalid', reason: 'expired' };
        const user = userById(row.user_id)!;
        if (user.disabled) return { kind: 'invalid', reason: 'unknown' };
        const token = newDeviceToken();
        const tokenId = uuidv7(now());
        s.insertToken.run(tokenId, user.id, node, deviceName, hashSecret(token), now());
        s.spendCode.run(now(), tokenId, codeHash);
        return { kind: 'ok', token, tokenId, user: toSyncUser(user) };
      }).immediate();
    },
    async checkToken(token): Promise<TokenCheck> {
      const row = s.tokenByHash.get(hashSecret(token)) as (UserRow & { token_id: string; node: string | null; revoked_at: number | null; last_used_at: number | null }) | undefined;
      if (!row) return { kind: 'unknown' };
      if (row.revoked_at !== null) return { kind: 'revoked' };
      if (row.disabled) return { kind: 'disabled' };
      const t = now();
      if (row.last_used_at === null || t - row.last_used_at >= LAST_USED_GRANULARITY_MS) s.touchToken.run(t, row.token_id);
      return { kind: 'ok', principal: { user: toSyncUser(row), tokenId: row.token_id, node: row.node } };
    },
    async listTokens(): Promise<TokenInfo[]> {
      const rows = s.tokens.all() as { id: string; user_id: string; name: string; email: string; node: string | null; device_name: string; created_at: number; last_used_at: number | null; revoked_at: number | null }[];
      return rows.map((r) => ({
        id: r.id,
        userId: r.user_id,
        userName: r.name,
        email: r.email,
        node: r.node,
        deviceName: r.device_name,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
        revokedAt: r.revoked_at,
      }));
    },
    async revokeToken(tokenId) {
      return s.revoke.run(now(), tokenId).changes > 0;
    },
    agreesWith(userId, fields) {
      const row = userById(userId);
      if (!row) return false;
      const held: Record<string, unknown> = { name: row.name, role: row.role, country: row.country, disabled: row.disabled === 1 };
      // The vetting profile is not authority: devices write it too (authorize-users.ts).
      return Object.entries(fields).every(([field, value]) => profileFields.has(field) || (Object.hasOwn(held, field) && held[field] === value));
    },
    authority(id) {
      const row = userById(id);
      return row ? { role: row.role, country: row.country, disabled: row.disabled === 1 } : null;
    },
  };
}
