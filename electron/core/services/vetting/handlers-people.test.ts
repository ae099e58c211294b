import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../app';

describe('the people methods in the core', () => {
  it('are registered: a first start has no profile, and what needs one says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'core-people-'));
    const core = openCore({ dataDir: dir, mode: 'test', actor: 'tester' });
    try {
      expect(await core.dispatch('profile.get', {})).toEqual({ ok: true, value: { user: null, source: null } });
      expect(await core.dispatch('users.list', {})).toEqual({ ok: true, value: { items: [] } });
      for (const method of ['vetting.dashboard', 'vetting.conflicts', 'vetting.saveSettings', 'vetting.auditCsv']) {
        expect(await core.dispatch(method, {})).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('profile') } });
      }
      const created = await core.dispatch('profile.create', { name: 'Dewi', role: 'curator' });
      expect(created).toMatchObject({ ok: true, value: { source: 'local', user: { name: 'Dewi' } } });
      expect(await core.dispatch('vetting.dashboard', {})).toMatchObject({ ok: true, value: { total: 0 } });
      expect(await core.dispatch('applications.autoAssign', { ids: ['01900000-0000-7000-8000-0000000000ff'] })).toMatchObject({ ok: true, value: { assigned: 0, skipped: [{ reason: expect.stringContaining('does not exist') }] } });
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
