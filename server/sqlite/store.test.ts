import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeSyncStore } from '../store.contract';
import { NODE_A, newId, originWriter } from '../testing';
import { backupDatabase } from './backup';
import { centralDbPath, openSqliteStore } from './store';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'curator-server-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describeSyncStore('SQLite', async (now) => openSqliteStore(centralDbPath(tempDir()), { now }));

describe('SQLite store', () => {
  it('keeps device tokens and enrollment codes only as hashes', async () => {
    const file = centralDbPath(tempDir());
    const store = openSqliteStore(file);
    const user = await store.accounts.createUser({ name: 'Ana', email: 'ana@example.org', role: 'admin', country: null }, 'x');
    const { code } = await store.accounts.issueEnrollmentCode(user.id, 60_000);
    const enrolled = await store.accounts.enroll(code, NODE_A, 'laptop');
    await store.close();
    if (enrolled.kind !== 'ok') throw new Error('enroll failed');
    const bytes = readFileSync(file).toString('latin1') + readFileSync(`${file}-wal`, { flag: 'a+' }).toString('latin1');
    expect(bytes).not.toContain(enrolled.token);
    expect(bytes).not.toContain(code.replace(/-/g, ''));
    expect(bytes).not.toContain(code);
  });

  it('keeps what it stored across a restart', async () => {
    const file = centralDbPath(tempDir());
    const first = openSqliteStore(file);
    const a = originWriter(NODE_A, 'ana');
    await first.push([a.expert(newId(), { givenName: 'Lan', country: 'VN' })], () => ({ kind: 'ok' }));
    const { nodeId } = first;
    const epoch = await first.epoch();
    await first.close();
    const again = openSqliteStore(file);
    expect(again.nodeId).toBe(nodeId);
    expect(await again.epoch()).toBe(epoch);
    expect(await again.vector()).toEqual({ [NODE_A]: 1 });
    await again.close();
  });

  it('opened from a backup, starts a new epoch and takes a new node id, once', async () => {
    const dir = tempDir();
    const live = openSqliteStore(centralDbPath(dir));
    await live.accounts.createUser({ name: 'Ana', email: 'ana@example.org', role: 'admin', country: null }, 'x');
    const before = { epoch: await live.epoch(), node: live.nodeId };
    const backup = join(dir, 'backup.db');
    await backupDatabase(centralDbPath(dir), backup);
    // The live server carries on, unchanged.
    expect(await live.epoch()).toBe(before.epoch);
    await live.close();

    const restored = openSqliteStore(backup);
    const after = { epoch: await restored.epoch(), node: restored.nodeId };
    expect(after.epoch).not.toBe(before.epoch);
    expect(after.node).not.toBe(before.node);
    // What the backup held is still there, under the old node id.
    expect(await restored.vector()).toEqual({ [before.node]: 1 });
    await restored.close();
    const reopened = openSqliteStore(backup);
    expect({ epoch: await reopened.epoch(), node: reopened.nodeId }).toEqual(after);
    await reopened.close();
  });
});
