import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, isFlaggedBackup, restoreDatabase } from './backup';
import { centralDbPath, openSqliteStore } from './store';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('backup and restore of the central database', () => {
  it('restores only a flagged backup, keeping the database it replaces beside it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'curator-backup-'));
    const live = centralDbPath(dir);
    const store = openSqliteStore(live);
    await store.accounts.createUser({ name: 'Ana', email: 'ana@example.org', role: 'admin', country: null }, 'x');
    await store.close();

    expect(() => restoreDatabase(live, live)).toThrow(/not a backup/);
    const backup = join(dir, 'copy.db');
    await backupDatabase(live, backup);
    expect(isFlaggedBackup(backup)).toBe(true);
    await expect(backupDatabase(live, backup)).rejects.toThrow(/already exists/);
    await expect(backupDatabase(join(dir, 'nothing.db'), join(dir, 'b2.db'))).rejects.toThrow(/no server database/);

    const { movedAside } = restoreDatabase(backup, live, () => Date.UTC(2026, 10, 29, 9, 0));
    expect(movedAside).toMatch(/central\.db\.replaced-2026-11-29T09-00-00-000Z$/);
    expect(existsSync(movedAside!)).toBe(true);
    expect(existsSync(`${live}-wal`)).toBe(false);
    const restored = openSqliteStore(live);
    expect((await restored.accounts.listUsers()).map((u) => u.email)).toEqual(['ana@example.org']);
    await restored.close();
    // Once a server has opened it, the restored copy is an ordinary database again.
    expect(isFlaggedBackup(live)).toBe(false);
  });
});
