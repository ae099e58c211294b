import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { centralDbPath, openSqliteStore } from './store';

/** `user add|set --agency --expertise --id` (vetting's reviewer profile on the synced record). */
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const open = () => {
  const dir = mkdtempSync(join(tmpdir(), 'curator-server-'));
  dirs.push(dir);
  return openSqliteStore(centralDbPath(dir));
};

describe('accounts with a vetting profile', () => {
  it('write the agency and expertise on the synced record, under the server\'s author name, keeping a given id', async () => {
    const store = open();
    const id = '0190a000-0000-7000-8000-000000000001';
    const user = await store.accounts.createUser({ id, name: 'Ana', email: 'ana@example.org', role: 'reviewer', country: 'PH', agency: 'CSC', expertise: ['hrm'] }, 'root');
    expect(user.id).toBe(id);
    await expect(store.accounts.createUser({ id, name: 'Other', email: 'other@example.org', role: 'reviewer', country: null }, 'root')).rejects.toThrow(/already exists/);
    await store.accounts.updateUser(id, { expertise: ['hrm', 'performance'] }, 'root');
    await store.accounts.updateUser(id, { agency: 'CSC', name: 'Ana Cruz' }, 'root');
    const changes = (await store.pull(0, 10)).entries.map((e) => e.change);
    expect(changes.map((c) => [c.actor, c.fields])).toEqual([
      ['server-admin:root', { name: 'Ana', role: 'reviewer', country: 'PH', disabled: false, agency: 'CSC', expertise: ['hrm'] }],
      ['server-admin:root', { expertise: ['hrm', 'performance'] }],
      ['server-admin:root', { name: 'Ana Cruz', role: 'reviewer', country: 'PH', disabled: false }],
      ['server-admin:root', { agency: 'CSC' }],
    ]);
    expect(JSON.stringify(changes)).not.toContain('ana@example.org');
    await store.close();
  });
});
