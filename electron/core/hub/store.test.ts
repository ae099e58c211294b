import { describe, expect, it } from 'vitest';
import { authorizeFor } from '../../../server/authorize';
import { changeOf, dataOf, memoryNode } from '../changes/testing';
import { hubStore } from './store';

/**
 * A workshop hub tells central's user changes (genuine, whoever relays them) from a laptop's:
 * by central's author name, not merely by the node. Laptops write user records too (a vetting
 * profile, server/authorize-users.ts), so "this node has written a user record" alone would let
 * a laptop's later change to its own user's role pass as central's.
 */

const CENTRAL = 'c0c0c0c0c0c0c0c0';
const LAPTOP = 'd0d0d0d0d0d0d0d0';
const ana = '01900000-0000-7000-8000-0000000000a1';
const user = (origin: string, seq: number, fields: Record<string, unknown>, actor: string) => changeOf(origin, seq, fields, { entity: 'user', id: ana, actor });

describe('a workshop hub judging user records', () => {
  it("stores a laptop's profile edit, then refuses that laptop's change to the role, with or without central's author name", async () => {
    const { db, funnel } = memoryNode();
    // The host's copy of central's record of Ana (pulled by its own sync).
    funnel.receive([user(CENTRAL, 1, { name: 'Ana Cruz', role: 'reviewer', country: 'PH', disabled: false }, 'server-admin:root')], { from: 'upstream' });
    const hub = hubStore({ db, funnel });
    const push = (change: ReturnType<typeof user>) => hub.push([change], authorizeFor({ user: { id: ana, name: 'Ana Cruz', role: 'reviewer', country: 'PH' }, tokenId: 't', node: LAPTOP }, LAPTOP));

    expect(await push(user(LAPTOP, 1, { agency: 'CSC' }, ana))).toMatchObject({ applied: 1, refused: [] });
    expect((await push(user(LAPTOP, 2, { role: 'admin' }, ana))).refused.map((r) => r.code)).toEqual(['ROLE']);
    expect((await push(user(LAPTOP, 3, { role: 'admin' }, 'server-admin:root'))).refused.map((r) => r.code)).toEqual(['ROLE']);
    expect(dataOf(db, ana)).toMatchObject({ role: 'reviewer', agency: 'CSC' });

    // Central's own change, relayed by the laptop: genuine.
    expect(await push(user(CENTRAL, 2, { country: 'TH' }, 'server-admin:root'))).toMatchObject({ applied: 1, refused: [] });
    expect(dataOf(db, ana)).toMatchObject({ role: 'reviewer', country: 'TH' });
  });
});
