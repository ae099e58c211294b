import { describe, expect, it } from 'vitest';
import type { Change } from '../electron/core/changes/types';
import { authorizeFor } from './authorize';
import type { Authority, Principal, RecordReader } from './store';

/** Who may push `user` records (authorize-users.ts), on a reader whose authority is the account table. */
const SERVER = 'a0a0a0a0a0a0a0a0';
const DEVICE = 'c0c0c0c0c0c0c0c0';
const OTHER = 'd0d0d0d0d0d0d0d0';
const ids = {
  admin: '01900000-0000-7000-8000-000000000001',
  curator: '01900000-0000-7000-8000-000000000002',
  reviewer: '01900000-0000-7000-8000-000000000003',
  focal: '01900000-0000-7000-8000-000000000004',
  paper: '01900000-0000-7000-8000-0000000000f1', // a reviewer without an account
};
const accounts: Record<string, Authority> = {
  [ids.admin]: { role: 'admin', country: null, disabled: false },
  [ids.curator]: { role: 'curator', country: null, disabled: false },
  [ids.reviewer]: { role: 'reviewer', country: 'PH', disabled: false },
  [ids.focal]: { role: 'focal_point', country: 'TH', disabled: false },
};
const reader: RecordReader = {
  record: () => null,
  authority: (id) => accounts[id] ?? null,
  genuineUserChange: (c) => c.origin === SERVER,
};
const principal = (who: keyof typeof accounts | string): Principal => {
  const a = accounts[who]!;
  return { user: { id: who, name: 'n', role: a.role, country: a.country }, tokenId: 't', node: DEVICE };
};
const judge = (pusher: string, over: Partial<Change>) =>
  authorizeFor(principal(pusher), DEVICE)({ origin: DEVICE, seq: 1, hlc: '001700000000000-000001', actor: pusher, entity: 'user', id: ids.paper, op: 'put', fields: { agency: 'X' }, ...over }, reader);

describe('user records pushed by a device', () => {
  it('let admins and curators set anyone\'s vetting profile, and each user their own', () => {
    const profile = { fields: { agency: 'Civil Service Commission', expertise: ['hrm'], declaredConflicts: ['Institute X'], email: 'r@example.org' } };
    expect(judge(ids.curator, { ...profile, id: ids.reviewer })).toEqual({ kind: 'ok' });
    expect(judge(ids.admin, { ...profile, id: ids.focal })).toEqual({ kind: 'ok' });
    expect(judge(ids.reviewer, { ...profile, id: ids.reviewer })).toEqual({ kind: 'ok' });
    expect(judge(ids.reviewer, { ...profile, id: ids.focal })).toMatchObject({ kind: 'rejected', code: 'ROLE' });
    expect(judge(ids.focal, { ...profile, id: ids.paper })).toMatchObject({ kind: 'rejected', code: 'ROLE' });
  });

  it('leave the name, role, country and access of an account to the server', () => {
    for (const fields of [{ role: 'admin' }, { name: 'Someone' }, { country: 'VN' }, { disabled: true }, { agency: 'X', role: 'curator' }]) {
      expect(judge(ids.curator, { id: ids.reviewer, fields })).toMatchObject({ kind: 'rejected', code: 'ROLE', reason: expect.stringContaining('user set') });
    }
    // Not even one's own role.
    expect(judge(ids.reviewer, { id: ids.reviewer, fields: { role: 'admin' } })).toMatchObject({ kind: 'rejected', code: 'ROLE' });
  });

  it('let admins and curators add and edit users without an account (a profile made before enrolling too), and nobody else', () => {
    const whole = { name: 'Paper Reviewer', role: 'reviewer', country: 'MY', disabled: false, deletedAt: null, agency: 'INTAN', expertise: [], declaredConflicts: [], email: '' };
    expect(judge(ids.curator, { fields: whole })).toEqual({ kind: 'ok' });
    expect(judge(ids.admin, { fields: { role: 'focal_point', country: 'MY' } })).toEqual({ kind: 'ok' });
    // Written on the curator's laptop before it enrolled: the author is the laptop's own profile.
    expect(judge(ids.curator, { actor: ids.paper, fields: whole })).toEqual({ kind: 'ok' });
    expect(judge(ids.reviewer, { actor: ids.paper, fields: whole })).toMatchObject({ kind: 'rejected', code: 'ROLE' });
    expect(judge(ids.focal, { fields: whole })).toMatchObject({ kind: 'rejected', code: 'ROLE' });
  });

  it('never take a device\'s word that the server wrote it, and still take the server\'s own', () => {
    expect(judge(ids.admin, { actor: 'server-admin:root', fields: { role: 'reviewer' } })).toMatchObject({ kind: 'rejected', code: 'ROLE' });
    expect(judge(ids.admin, { actor: 'server-admin:root', origin: OTHER, fields: { agency: 'X' } })).toMatchObject({ kind: 'rejected', code: 'ROLE' });
    expect(judge(ids.reviewer, { actor: 'server-admin:root', origin: SERVER, id: ids.reviewer, fields: { role: 'admin' } })).toEqual({ kind: 'ok' });
  });
});
