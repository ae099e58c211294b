import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../../server/sqlite/backup';
import { centralDbPath } from '../../../server/sqlite/store';
import { DATABASE_FILE } from '../app';
import { SECRETS_FILE } from './secrets';
import { syncTestbed } from './testing';

/** Recovery paths against the real server: a server restored from a backup, a copied data folder, photos, a refusal by scope. */

const { start, server, syncNow, enroll, names } = syncTestbed();

describe('sync recovery', () => {
  it('a server restored from an older backup gets back what it lost from the devices (new epoch)', async () => {
    const central = await server();
    const ana = await central.user({ name: 'Ana Reyes' });
    const budi = await central.user({ name: 'Budi Santoso' });
    const a = start();
    await enroll(a, central.url, ana.code);
    await a.call('experts.create', { expert: { givenName: 'Before', familyName: 'Backup', country: 'TH' } });
    await syncNow(a);
    const backup = join(mkdtempSync(join(tmpdir(), 'curator-backup-')), 'central.backup.db');
    await backupDatabase(centralDbPath(central.dataDir), backup);
    const epochBefore = await central.store.epoch();

    await a.call('experts.create', { expert: { givenName: 'After', familyName: 'Backup', country: 'TH' } });
    await syncNow(a);
    expect((await central.store.vector())[a.core.nodeId]).toBe(2);

    const { dataDir, port } = central;
    await central.close();
    restoreDatabase(backup, centralDbPath(dataDir));
    const restored = await server(dataDir, port);
    expect(await restored.store.epoch()).not.toBe(epochBefore);
    expect((await restored.store.vector())[a.core.nodeId]).toBe(1);

    expect(await syncNow(a)).toMatchObject({ state: 'idle', waiting: 0 });
    expect((await restored.store.vector())[a.core.nodeId]).toBe(2);
    const b = start();
    await enroll(b, restored.url, budi.code);
    expect(await names(b)).toEqual(['After Backup', 'Before Backup']);
  });

  it('a copied data folder: both copies keep their edits, under two identities, with nothing doubled', async () => {
    const central = await server();
    const ana = await central.user({ name: 'Ana Reyes' });
    const a = start();
    await enroll(a, central.url, ana.code);
    const shared = await a.call('experts.create', { expert: { givenName: 'Shared', country: 'MY' } });
    await syncNow(a);
    a.core.close();

    const copyDir = mkdtempSync(join(tmpdir(), 'curator-copy-'));
    for (const file of [DATABASE_FILE, SECRETS_FILE]) copyFileSync(join(a.dataDir, file), join(copyDir, file));
    for (const suffix of ['-wal', '-shm']) if (existsSync(join(a.dataDir, DATABASE_FILE + suffix))) copyFileSync(join(a.dataDir, DATABASE_FILE + suffix), join(copyDir, DATABASE_FILE + suffix));
    const original = start(a.dataDir);
    const copy = start(copyDir);
    expect(copy.core.nodeId).toBe(original.core.nodeId);

    await original.call('experts.create', { expert: { givenName: 'Original', country: 'MY' } });
    await copy.call('experts.create', { expert: { givenName: 'Copy', country: 'MY' } });
    await copy.call('experts.update', { id: shared.id, patch: { agency: 'JPA' } });
    expect(await syncNow(original)).toMatchObject({ state: 'idle' });
    expect(await syncNow(copy)).toMatchObject({ state: 'idle', waiting: 0 });
    expect((await copy.call('app.info', {})).nodeId).not.toBe(original.core.nodeId);
    await syncNow(original);

    for (const d of [original, copy]) {
      expect(await names(d)).toEqual(['Copy', 'Original', 'Shared']);
      expect((await d.call('experts.get', { id: shared.id })).agency).toBe('JPA');
    }
  });

  it('photos travel as blobs: the other device gets the bytes and serves thumbnails', async () => {
    const central = await server();
    const ana = await central.user({ name: 'Ana Reyes' });
    const budi = await central.user({ name: 'Budi Santoso' });
    const a = start();
    const b = start();
    await enroll(a, central.url, ana.code);
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer();
    const photo = await a.call('attachments.putPhoto', { dataBase64: png.toString('base64'), mime: 'image/png' });
    const expert = await a.call('experts.create', { expert: { givenName: 'Photo', country: 'PH', photo: { hash: photo.hash, mime: photo.mime } } });
    await syncNow(a);
    expect(await central.store.blobsMissing([photo.hash])).toEqual([]);

    await enroll(b, central.url, budi.code);
    expect((await b.call('experts.get', { id: expert.id })).photo?.hash).toBe(photo.hash);
    const thumb = await b.core.photoFile(photo.hash, 96);
    expect(thumb?.bytes.length).toBeGreaterThan(0);
  });

  it("a change outside the user's country is refused by the server and listed under Sync problems on the device", async () => {
    const central = await server();
    const curator = await central.user({ name: 'Ana Reyes' });
    const focal = await central.user({ name: 'Somchai W.', role: 'focal_point', country: 'TH' });
    const a = start();
    const t = start();
    await enroll(a, central.url, curator.code);
    const vn = await a.call('experts.create', { expert: { givenName: 'Hằng', familyName: 'Nguyễn', nameOrder: 'family-given', country: 'VN', agency: 'MOHA' } });
    await syncNow(a);

    await enroll(t, central.url, focal.code);
    await t.call('experts.update', { id: vn.id, patch: { agency: 'Changed by Thailand' } });
    const after = await syncNow(t);
    expect(after).toMatchObject({ state: 'idle', waiting: 0, problems: 1 });
    const { items } = await t.call('sync.problems', { limit: 10 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ code: 'OUT_OF_SCOPE', kind: 'rejected', entity: 'expert', label: 'Nguyễn Hằng', actor: 'Somchai W.', own: true });
    // Upstream's verdict holds here too: the record is back to the value the server keeps.
    expect((await t.call('experts.get', { id: vn.id })).agency).toBe('MOHA');
    await syncNow(a);
    expect((await a.call('experts.get', { id: vn.id })).agency).toBe('MOHA');
  });
});
