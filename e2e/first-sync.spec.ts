import { expect, test } from '@playwright/test';
import { enrollInSettings, startAppInstance, startSyncServer, type AppInstance, type SyncServer } from './fixtures-sync';

/**
 * Issue 6, point 3 (QA of a first sync): a device that opened its empty directory, then signs in
 * to a server holding experts, sees the experts arrive and can filter them: the facet counts
 * follow what sync applied (they said "Nothing to filter by" before). Browser mode, against a
 * REAL central server.
 */

test.describe.configure({ mode: 'serial' });

let server: SyncServer;
const apps: AppInstance[] = [];
test.afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  await server?.close();
});

test('a first sync into an opened, empty directory: the experts arrive and every filter counts them', async ({ browser }) => {
  test.setTimeout(300_000);
  server = await startSyncServer();
  const anaCode = await server.addUser({ name: 'Ana Curator', email: 'ana@accsm.org', role: 'curator' });
  const budiCode = await server.addUser({ name: 'Budi Curator', email: 'budi@accsm.org', role: 'curator' });
  const a = await startAppInstance(browser, 'ana');
  const b = await startAppInstance(browser, 'budi');
  apps.push(a, b);

  await a.call('sync.enroll', { serverUrl: server.url, code: anaCode });
  await a.call('demo.load', { experts: 500 });
  await a.call('sync.now', {});
  await expect.poll(async () => (await a.call('sync.status', {})).waiting, { timeout: 60_000 }).toBe(0);

  // The other device has its directory open, empty (its filters counted over nothing).
  await expect(b.page.getByRole('button', { name: 'Load demo data' })).toBeVisible();
  await enrollInSettings(b.page, server.url, budiCode, 'Budi Curator');
  await b.page.getByRole('navigation').getByRole('link', { name: 'Experts', exact: true }).click();
  await expect(b.page.getByRole('status', { name: 'Experts found' })).toHaveText('500 experts', { timeout: 60_000 });

  const filters = b.page.getByRole('region', { name: 'Filters' });
  for (const group of ['Country', 'Status', 'Expertise', 'Language']) {
    await expect(filters.getByRole('group', { name: group, exact: true }).getByRole('checkbox').first()).toBeVisible({ timeout: 30_000 });
  }
  await expect(filters.getByText('Nothing to filter by')).toHaveCount(0);
  await expect(b.page.getByRole('button', { name: 'Load demo data' })).toHaveCount(0);
});
