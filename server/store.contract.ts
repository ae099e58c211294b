import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotLineSchema } from '../shared/sync/protocol';
import { hashSecret } from './secrets';
import type { Authorize, SyncStore } from './store';
import { newId, NODE_A, NODE_B, originWriter } from './testing';

/**
 * The behaviour every SyncStore must have, written once against the interface: the SQLite
 * store runs it (sqlite/store.test.ts) and a PostgreSQL store must pass it unchanged.
 * `open` gets a clock the suite controls (code expiry).
 */
export function describeSyncStore(name: string, open: (now: () => number) => Promise<SyncStore>): void {
  describe(`SyncStore contract: ${name}`, () => {
    let store: SyncStore;
    let clock = Date.UTC(2026, 10, 29, 8, 0);
    const allowAll: Authorize = () => ({ kind: 'ok' });

    beforeEach(async () => {
      clock = Date.UTC(2026, 10, 29, 8, 0);
      store = await open(() => clock);
    });
    afterEach(async () => {
      await store.close();
    });

    it('starts empty, with an epoch and a node id of its own', async () => {
      expect(await store.epoch()).toMatch(/^\S{1,64}$/);
      expect(store.nodeId).toMatch(/^[0-9a-f]{16}$/);
      expect(await store.vector()).toEqual({});
      expect(await store.pull(0, 100)).toEqual({ entries: [], head: 0 });
    });

    it('stores a batch once: a repeat is a no-op, and pull serves the entries in feed order', async () => {
      const a = originWriter(NODE_A, 'ana');
      const id = newId();
      const batch = [a.expert(id, { givenName: 'Lan', country: 'VN' }), a.expert(id, { familyName: 'Nguyen' })];
      expect(await store.push(batch, allowAll)).toEqual({ applied: 2, duplicates: 0, refused: [] });
      expect(await store.push(batch, allowAll)).toEqual({ applied: 0, duplicates: 2, refused: [] });
      expect(await store.vector()).toEqual({ [NODE_A]: 2 });
      const page = await store.pull(0, 100);
      expect(page.head).toBe(2);
      expect(page.entries.map((e) => [e.seq, e.change.origin, e.change.seq])).toEqual([
        [1, NODE_A, 1],
        [2, NODE_A, 2],
      ]);
      expect(page.entries[0]!.change).toMatchObject({ entity: 'expert', id, fields: { givenName: 'Lan', country: 'VN' } });
      expect((await store.pull(1, 100)).entries.map((e) => e.seq)).toEqual([2]);
      expect((await store.pull(0, 1)).entries.map((e) => e.seq)).toEqual([1]);
    });

    it('refuses a batch with a gap, naming the seq it expected, and stores nothing of it', async () => {
      const a = originWriter(NODE_A, 'ana');
      const b = originWriter(NODE_B, 'budi');
      const first = a.expert(newId(), { givenName: 'A', country: 'TH' });
      a.expert(newId(), { givenName: 'skipped', country: 'TH' });
      const third = a.expert(newId(), { givenName: 'C', country: 'TH' });
      await expect(store.push([b.expert(newId(), { givenName: 'B', country: 'ID' }), first, third], allowAll)).rejects.toMatchObject({
        code: 'SEQ_GAP',
        message: expect.stringContaining('expected number 2'),
      });
      expect(await store.vector()).toEqual({});
      expect((await store.pull(0, 10)).head).toBe(0);
    });

    it('refuses a batch that repeats an (origin, seq) with other content: ORIGIN_FORKED, nothing stored', async () => {
      const id = newId();
      await store.push([originWriter(NODE_A, 'ana').expert(id, { givenName: 'Original', country: 'MY' })], allowAll);
      const copy = originWriter(NODE_A, 'ana');
      const other = originWriter(NODE_B, 'budi').expert(newId(), { givenName: 'B', country: 'MY' });
      await expect(store.push([other, copy.expert(id, { givenName: 'Forked', country: 'MY' })], allowAll)).rejects.toMatchObject({
        code: 'ORIGIN_FORKED',
        details: { origin: NODE_A, seq: 1 },
      });
      expect(await store.vector()).toEqual({ [NODE_A]: 1 });
      expect((await store.pull(0, 10)).entries.map((e) => e.change.fields.givenName)).toEqual(['Original']);
    });

    it('keeps a change the caller refuses, acknowledged, with its code and reason, and serves it as refused', async () => {
      const a = originWriter(NODE_A, 'ana');
      const vn = newId();
      const refuseVietNam: Authorize = (c) =>
        c.fields.country === 'VN' ? { kind: 'rejected', code: 'OUT_OF_SCOPE', reason: 'Viet Nam is out of scope.' } : { kind: 'ok' };
      const outcome = await store.push([a.expert(vn, { givenName: 'Lan', country: 'VN' }), a.expert(newId(), { givenName: 'Som', country: 'TH' })], refuseVietNam);
      expect(outcome).toEqual({ applied: 1, duplicates: 0, refused: [{ origin: NODE_A, seq: 1, kind: 'rejected', code: 'OUT_OF_SCOPE', reason: 'Viet Nam is out of scope.' }] });
      expect(await store.vector()).toEqual({ [NODE_A]: 2 });
      const [refused, applied] = (await store.pull(0, 10)).entries;
      expect(refused!.change).toMatchObject({ origin: NODE_A, seq: 1, refused: 'Viet Nam is out of scope.' });
      expect(applied!.change.refused).toBeUndefined();
      // A repeat of the refused change is a duplicate, not judged again.
      expect(await store.push([refused!.change], allowAll)).toMatchObject({ duplicates: 1, refused: [] });
      // The snapshot serves both as pull does, the refused one with its reason and code.
      const lines: unknown[] = [];
      for await (const page of (await store.snapshot(0)).pages) for (const e of page) lines.push(snapshotLineSchema.parse(JSON.parse(e.line)));
      expect(lines).toEqual([{ seq: 1, change: refused!.change }, { seq: 2, change: applied!.change }]);
      expect(refused!.change).toMatchObject({ code: 'OUT_OF_SCOPE' });
    });

    it('rejects a change that fails the check by value, whatever the caller allows', async () => {
      const a = originWriter(NODE_A, 'ana');
      const outcome = await store.push([a.expert(newId(), { givenName: 'X', country: 'Atlantis' })], allowAll);
      expect(outcome.refused).toEqual([expect.objectContaining({ origin: NODE_A, seq: 1, kind: 'rejected', code: 'INVALID_VALUE' })]);
    });

    it('streams a snapshot of the feed after a seq, counted up to its head', async () => {
      const a = originWriter(NODE_A, 'ana');
      await store.push(Array.from({ length: 5 }, (_, i) => a.expert(newId(), { givenName: `E${i}`, country: 'PH' })), allowAll);
      const snapshot = await store.snapshot(2);
      expect(snapshot).toMatchObject({ epoch: await store.epoch(), head: 5, count: 3 });
      const seen: number[] = [];
      for await (const page of snapshot.pages) {
        for (const e of page) {
          // Each line is the entry as the feed serves it, in the protocol's line format.
          expect(snapshotLineSchema.parse(JSON.parse(e.line))).toEqual({ seq: e.seq, change: (await store.pull(e.seq - 1, 1)).entries[0]!.change });
          seen.push(e.seq);
        }
      }
      expect(seen).toEqual([3, 4, 5]);
    });

    it('stores blobs by hash, once, and says which it lacks', async () => {
      const bytes = Buffer.from('a photo');
      const hash = hashSecret('a photo');
      const other = 'f'.repeat(64);
      expect(await store.blobsMissing([hash, other, hash])).toEqual([hash, other]);
      await store.putBlob(hash, { mime: 'image/webp', bytes });
      await store.putBlob(hash, { mime: 'image/webp', bytes });
      expect(await store.blobsMissing([hash, other])).toEqual([other]);
      const got = await store.getBlob(hash);
      expect(got?.mime).toBe('image/webp');
      expect(Buffer.from(got!.bytes).equals(bytes)).toBe(true);
      expect(await store.getBlob(other)).toBeNull();
    });

    describe('accounts', () => {
      it('creates a user as a synced record written by the server, with no email or secret in it', async () => {
        const user = await store.accounts.createUser({ name: 'Somchai', email: 'somchai@example.org', role: 'focal_point', country: 'TH' }, 'server-admin:test');
        expect(user).toMatchObject({ name: 'Somchai', role: 'focal_point', country: 'TH', email: 'somchai@example.org', disabled: false });
        const [entry] = (await store.pull(0, 10)).entries;
        expect(entry!.change).toMatchObject({ origin: store.nodeId, entity: 'user', id: user.id, fields: { name: 'Somchai', role: 'focal_point', country: 'TH', disabled: false } });
        expect(JSON.stringify(entry!.change)).not.toContain('somchai@example.org');
        expect(await store.accounts.findUserByEmail('SOMCHAI@example.org')).toMatchObject({ id: user.id });
        await expect(store.accounts.createUser({ name: 'Again', email: 'somchai@example.org', role: 'admin', country: null }, 'x')).rejects.toThrow(/already exists/);
        expect((await store.accounts.listUsers()).map((u) => u.id)).toEqual([user.id]);
      });

      it('enrolls a device once per code, within its lifetime, and checks, lists and revokes its token', async () => {
        const user = await store.accounts.createUser({ name: 'Ana', email: 'ana@example.org', role: 'curator', country: null }, 'x');
        const { code, expiresAt } = await store.accounts.issueEnrollmentCode(user.id, 72 * 3600_000);
        expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
        expect(expiresAt).toBe(clock + 72 * 3600_000);

        const enrolled = await store.accounts.enroll(code.toLowerCase().replace(/-/g, ''), NODE_A, 'Ana laptop');
        if (enrolled.kind !== 'ok') throw new Error(`enroll: ${enrolled.reason}`);
        expect(enrolled.user).toEqual({ id: user.id, name: 'Ana', role: 'curator', country: null });
        expect(await store.accounts.enroll(code, NODE_B, 'Another')).toEqual({ kind: 'invalid', reason: 'used' });
        expect(await store.accounts.enroll('AAAA-BBBB-CCCC-DDDD', NODE_B, 'Guess')).toEqual({ kind: 'invalid', reason: 'unknown' });

        expect(await store.accounts.checkToken(enrolled.token)).toEqual({
          kind: 'ok',
          principal: { user: enrolled.user, tokenId: enrolled.tokenId, node: NODE_A },
        });
        expect(await store.accounts.checkToken(`${enrolled.token}x`)).toEqual({ kind: 'unknown' });
        expect(await store.accounts.listTokens()).toEqual([
          expect.objectContaining({ id: enrolled.tokenId, userId: user.id, deviceName: 'Ana laptop', node: NODE_A, revokedAt: null, lastUsedAt: clock }),
        ]);
        clock += 1000;
        expect(await store.accounts.revokeToken(enrolled.tokenId)).toBe(true);
        expect(await store.accounts.checkToken(enrolled.token)).toEqual({ kind: 'revoked' });
        expect((await store.accounts.listTokens())[0]!.revokedAt).toBe(clock);
        expect(await store.accounts.revokeToken('no-such-token')).toBe(false);
      });

      it('disables a user: their tokens stop working and their record says so', async () => {
        const user = await store.accounts.createUser({ name: 'Ana', email: 'ana@example.org', role: 'curator', country: null }, 'x');
        const { code } = await store.accounts.issueEnrollmentCode(user.id, 60_000);
        const enrolled = await store.accounts.enroll(code, NODE_A, 'laptop');
        if (enrolled.kind !== 'ok') throw new Error('enroll failed');
        await store.accounts.disableUser(user.id, 'server-admin:test');
        expect(await store.accounts.checkToken(enrolled.token)).toEqual({ kind: 'disabled' });
        const { entries } = await store.pull(0, 10);
        expect(entries.map((e) => e.change.fields.disabled)).toEqual([false, true]);
        const again = await store.accounts.issueEnrollmentCode(user.id, 60_000);
        expect(await store.accounts.enroll(again.code, NODE_B, 'new laptop')).toEqual({ kind: 'invalid', reason: 'unknown' });
      });

      it("changes a user's role and scope: the next token check carries them, and the synced record says so", async () => {
        const user = await store.accounts.createUser({ name: 'Som', email: 'som@example.org', role: 'focal_point', country: 'TH' }, 'x');
        const { code } = await store.accounts.issueEnrollmentCode(user.id, 60_000);
        const enrolled = await store.accounts.enroll(code, NODE_A, 'laptop');
        if (enrolled.kind !== 'ok') throw new Error('enroll failed');
        expect(await store.accounts.updateUser(user.id, { country: 'VN', name: 'Somchai' }, 'server-admin:test')).toMatchObject({ name: 'Somchai', role: 'focal_point', country: 'VN' });
        expect(await store.accounts.checkToken(enrolled.token)).toMatchObject({ kind: 'ok', principal: { user: { name: 'Somchai', role: 'focal_point', country: 'VN' } } });
        await expect(store.accounts.updateUser(user.id, { country: null }, 'server-admin:test')).rejects.toThrow(/without a country/);
        await store.accounts.updateUser(user.id, { role: 'curator', country: null }, 'server-admin:test');
        // Nothing new to say: no record written.
        await store.accounts.updateUser(user.id, { role: 'curator' }, 'server-admin:test');
        const { entries } = await store.pull(0, 10);
        expect(entries.map((e) => [e.change.fields.role, e.change.fields.country])).toEqual([
          ['focal_point', 'TH'],
          ['focal_point', 'VN'],
          ['curator', null],
        ]);
        await expect(store.accounts.updateUser('no-such-user', { role: 'admin' }, 'x')).rejects.toThrow(/no user/);
      });

      it('refuses an expired code', async () => {
        const user = await store.accounts.createUser({ name: 'Budi', email: 'budi@example.org', role: 'reviewer', country: 'ID' }, 'x');
        const { code } = await store.accounts.issueEnrollmentCode(user.id, 1000);
        clock += 1000;
        expect(await store.accounts.enroll(code, NODE_A, 'Late')).toEqual({ kind: 'invalid', reason: 'expired' });
      });
    });
  });
}
