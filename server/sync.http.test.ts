import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, snapshotHeaderSchema, snapshotLineSchema, type WireChange } from '../shared/sync/protocol';
import { backupDatabase, restoreDatabase } from './sqlite/backup';
import { centralDbPath } from './sqlite/store';
import { startTestServer, type TestServer } from './test-server';
import { NODE_A, NODE_B, newId, originWriter } from './testing';

let server: TestServer;
afterEach(async () => server?.close());

const push = (token: string, node: string, changes: unknown[]) => server.request('POST', 'push', { token, json: { node, changes } });
const pull = (token: string, cursor: unknown, limit = 1000) => server.request('POST', 'pull', { token, json: { cursor, limit } });

describe('sync over HTTP', () => {
  it('carries changes from one device to another and back, each exactly once', async () => {
    server = await startTestServer();
    const ana = await server.enrolledDevice({ name: 'Ana', email: 'ana@example.org', role: 'curator', country: null }, NODE_A);
    const budi = await server.enrolledDevice({ name: 'Budi', email: 'budi@example.org', role: 'curator', country: 'ID' }, NODE_B);
    const a = originWriter(NODE_A, ana.user.id);
    const b = originWriter(NODE_B, budi.user.id);
    const expert = newId();

    const pushed = await push(ana.token, NODE_A, [a.expert(expert, { givenName: 'Lan', country: 'VN' }), a.expert(expert, { agency: 'MOHA' })]);
    expect(pushed.status).toBe(200);
    const response = pushResponseSchema.parse(pushed.body);
    expect(response).toMatchObject({ applied: 2, duplicates: 0, refused: [] });
    expect(response.vector[NODE_A]).toBe(2);

    // Budi's first pull: the two users (server's own writes) and Ana's two changes.
    const first = await pull(budi.token, null);
    const page = pullResponseSchema.parse(first.body);
    expect(page.changes.filter((c) => c.origin === NODE_A).map((c) => c.fields)).toEqual([{ givenName: 'Lan', country: 'VN' }, { agency: 'MOHA' }]);
    expect(page.changes.filter((c) => c.entity === 'user').map((c) => c.id)).toEqual([ana.user.id, budi.user.id]);
    expect(page).toMatchObject({ more: false, head: 4, cursor: { seq: 4 } });

    await push(budi.token, NODE_B, [b.expert(expert, { position: 'Director' })]);
    const back = pullResponseSchema.parse((await pull(ana.token, page.cursor)).body);
    expect(back.changes).toEqual([expect.objectContaining({ origin: NODE_B, seq: 1, fields: { position: 'Director' } })]);
    expect(back.cursor.seq).toBe(5);
    // Nothing new: the same cursor comes back.
    expect(pullResponseSchema.parse((await pull(ana.token, back.cursor)).body)).toMatchObject({ changes: [], cursor: back.cursor, more: false });
  });

  it('pages a pull and starts over from a cursor of another epoch', async () => {
    server = await startTestServer();
    const ana = await server.enrolledDevice({ name: 'Ana', email: 'ana@example.org', role: 'admin', country: null }, NODE_A);
    const a = originWriter(NODE_A, ana.user.id);
    await push(ana.token, NODE_A, Array.from({ length: 5 }, (_, i) => a.expert(newId(), { givenName: `E${i}`, country: 'SG' })));
    const p1 = pullResponseSchema.parse((await pull(ana.token, null, 4)).body);
    expect(p1).toMatchObject({ more: true, head: 6, cursor: { seq: 4 } });
    const p2 = pullResponseSchema.parse((await pull(ana.token, p1.cursor, 4)).body);
    expect(p2).toMatchObject({ more: false, cursor: { seq: 6 } });
    expect([...p1.changes, ...p2.changes]).toHaveLength(6);
    const stale = pullResponseSchema.parse((await pull(ana.token, { epoch: 'some-older-epoch', seq: 5 }, 4)).body);
    expect(stale.cursor).toEqual({ epoch: p1.cursor.epoch, seq: 4 });
  });

  it('answers a repeated push as duplicates, a gap with the seq expected, a fork with ORIGIN_FORKED', async () => {
    server = await startTestServer();
    const ana = await server.enrolledDevice({ name: 'Ana', email: 'ana@example.org', role: 'curator', country: null }, NODE_A);
    const a = originWriter(NODE_A, ana.user.id);
    const batch = [a.expert(newId(), { givenName: 'A', country: 'KH' }), a.expert(newId(), { givenName: 'B', country: 'KH' })];
    expect((await push(ana.token, NODE_A, batch)).body).toMatchObject({ applied: 2, duplicates: 0 });
    expect((await push(ana.token, NODE_A, batch)).body).toMatchObject({ applied: 0, duplicates: 2 });

    a.expert(newId(), { givenName: 'lost', country: 'KH' });
    const gap = await push(ana.token, NODE_A, [a.expert(newId(), { givenName: 'D', country: 'KH' })]);
    expect(gap.status).toBe(409);
    expect(gap.body.error).toMatchObject({ code: 'SEQ_GAP', details: { origin: NODE_A, expected: 3 } });

    const forked = await push(ana.token, NODE_A, [{ ...batch[1], fields: { givenName: 'Other', country: 'KH' } }]);
    expect(forked.status).toBe(409);
    expect(forked.body.error).toMatchObject({ code: 'ORIGIN_FORKED', details: { origin: NODE_A, seq: 2 } });
    expect((await server.store.vector())[NODE_A]).toBe(2);
  });

  it("refuses a Thai focal point's change to a Vietnamese expert, acknowledged, and serves it as refused", async () => {
    server = await startTestServer();
    const ana = await server.enrolledDevice({ name: 'Ana', email: 'ana@example.org', role: 'curator', country: null }, NODE_A);
    const som = await server.enrolledDevice({ name: 'Somchai', email: 'som@example.org', role: 'focal_point', country: 'TH' }, NODE_B);
    const vn = newId();
    const th = newId();
    const a = originWriter(NODE_A, ana.user.id);
    await push(ana.token, NODE_A, [a.expert(vn, { givenName: 'Lan', country: 'VN' }), a.expert(th, { givenName: 'Niran', country: 'TH' })]);

    const s = originWriter(NODE_B, som.user.id);
    const reply = await push(som.token, NODE_B, [s.expert(vn, { agency: 'Changed by Thailand' }), s.expert(th, { agency: 'Office of the Civil Service Commission' })]);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ applied: 1, refused: [{ origin: NODE_B, seq: 1, kind: 'rejected', code: 'OUT_OF_SCOPE', reason: expect.stringContaining('Viet Nam') }] });
    expect(reply.body.vector[NODE_B]).toBe(2);

    // A new Thai expert and its portfolio item in one push: judged together, both applied.
    const ploy = newId();
    const together = await push(som.token, NODE_B, [s.expert(ploy, { givenName: 'Ploy', country: 'TH' }), s.next('portfolio', newId(), { expertId: ploy, kind: 'project', title: 'Civil service reform' })]);
    expect(together.body).toMatchObject({ applied: 2, refused: [] });

    const entries: WireChange[] = pullResponseSchema.parse((await pull(ana.token, null)).body).changes;
    const refused = entries.find((c) => c.origin === NODE_B && c.seq === 1)!;
    expect(refused).toMatchObject({ refused: expect.stringContaining('Viet Nam'), code: 'OUT_OF_SCOPE' });
    expect(entries.find((c) => c.origin === NODE_B && c.seq === 2)!.refused).toBeUndefined();
  });

  it('streams a first-sync snapshot as gzip NDJSON', async () => {
    server = await startTestServer();
    const ana = await server.enrolledDevice({ name: 'Ana', email: 'ana@example.org', role: 'admin', country: null }, NODE_A);
    const a = originWriter(NODE_A, ana.user.id);
    await push(ana.token, NODE_A, Array.from({ length: 50 }, (_, i) => a.expert(newId(), { givenName: `Expert ${i}`, country: 'LA' })));
    const res = await fetch(`${server.url}/sync/v1/snapshot?after=1`, { headers: { authorization: `Bearer ${ana.token}`, 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(snapshotHeaderSchema.parse(lines[0])).toEqual({ epoch: await server.store.epoch(), head: 51, count: 50 });
    const entries = lines.slice(1).map((l) => snapshotLineSchema.parse(l));
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    expect(entries[0]!.change).toMatchObject({ origin: NODE_A, seq: 1 });
    // fetch decoded the body; the bytes on the wire are gzip (read them undecoded through inject).
    const raw = await server.app.inject({ method: 'GET', url: '/sync/v1/snapshot', headers: { authorization: `Bearer ${ana.token}`, 'accept-encoding': 'gzip' } });
    expect(gunzipSync(raw.rawPayload).toString().split('\n')[0]).toContain('"head":51');
  });

  it('restored from a backup, answers with a new epoch; devices start over and push back what it lost', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'curator-server-restore-'));
    try {
      server = await startTestServer({ dataDir });
      const ana = await server.enrolledDevice({ name: 'Ana', email: 'ana@example.org', role: 'curator', country: null }, NODE_A);
      const a = originWriter(NODE_A, ana.user.id);
      const kept = [a.expert(newId(), { givenName: 'Kept', country: 'BN' })];
      await push(ana.token, NODE_A, kept);
      const backup = join(dataDir, 'before.db');
      await backupDatabase(centralDbPath(dataDir), backup);
      const lost = [a.expert(newId(), { givenName: 'Lost', country: 'BN' })];
      await push(ana.token, NODE_A, lost);
      const old = pullResponseSchema.parse((await pull(ana.token, null)).body);
      await server.close(true);

      restoreDatabase(backup, centralDbPath(dataDir));
      server = await startTestServer({ dataDir });
      const who = await server.request('GET', 'whoami', { token: ana.token });
      expect(who.status).toBe(200);
      expect(who.body.epoch).not.toBe(old.cursor.epoch);
      const fresh = pullResponseSchema.parse((await pull(ana.token, old.cursor)).body);
      expect(fresh.cursor.epoch).toBe(who.body.epoch);
      expect(fresh.changes.map((c) => c.fields.givenName ?? c.fields.name)).toEqual(['Ana', 'Kept']);
      expect(fresh.vector[NODE_A]).toBe(1);
      const again = await push(ana.token, NODE_A, lost);
      expect(again.body).toMatchObject({ epoch: who.body.epoch, applied: 1 });
    } finally {
      await server.close(true);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
