import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { authorizeFor } from '../authorize';
import { NODE_A, NODE_B, newId, originWriter } from '../testing';
import { funnelFeedStore } from './feed-store';

const CENTRAL = 'cccccccccccccccc';
let db: Db | undefined;
let dir: string;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the feed store on a desktop database (a workshop hub)', () => {
  it('judges pushes by the user records synced from the central server', async () => {
    dir = mkdtempSync(join(tmpdir(), 'curator-hub-'));
    db = openDatabase(join(dir, 'curator.db'));
    const funnel = new ChangeFunnel(db, []);
    const thai = newId();
    const central = originWriter(CENTRAL, 'server-admin:root');
    funnel.receive([central.next('user', thai, { name: 'Somchai', role: 'focal_point', country: 'TH', disabled: false })], { from: 'upstream' });
    const vn = newId();
    const curator = originWriter(NODE_A, 'ana');
    funnel.receive([curator.expert(vn, { givenName: 'Lan', country: 'VN' })], { from: 'upstream' });

    const hub = funnelFeedStore(db, funnel, { genuineUserChange: (c) => c.origin === CENTRAL });
    const som = originWriter(NODE_B, thai);
    const authorize = authorizeFor({ user: { id: thai, name: 'Somchai', role: 'focal_point', country: 'TH' }, tokenId: 'pairing', node: NODE_B }, NODE_B);
    const outcome = await hub.push([som.expert(vn, { agency: 'x' }), som.expert(newId(), { givenName: 'Niran', country: 'TH' })], authorize);
    expect(outcome).toMatchObject({ applied: 1, refused: [{ seq: 1, code: 'OUT_OF_SCOPE' }] });
    // A user record written by a laptop is not the central server's: refused.
    const forged = await hub.push([som.next('user', thai, { role: 'admin' })], authorize);
    expect(forged.refused).toEqual([expect.objectContaining({ code: 'ROLE' })]);
    // One the central server wrote, relayed by a laptop that synced with it directly, is genuine.
    const relayed = await hub.push([central.next('user', newId(), { name: 'Ana', role: 'curator', country: null, disabled: false })], authorize);
    expect(relayed).toMatchObject({ applied: 1, refused: [] });
    expect((await hub.pull(0, 10)).entries).toHaveLength(6);
  });
});
