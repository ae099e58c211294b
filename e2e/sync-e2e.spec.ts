import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { syncErrorBodySchema } from '../shared/sync/protocol';
import { saveScreenshot } from './fixtures';
import { enrollInSettings, startAppInstance, startSyncServer, type AppInstance, type SyncServer } from './fixtures-sync';
import { DirectoryPage } from './pages/directory';
import { ExpertFormPage } from './pages/expert-form';
import { ExpertPage } from './pages/expert';

/**
 * Issue 6, point 7: sync end to end, in browser mode, against a REAL central server (the
 * `npm run server` CLI in a child process on 127.0.0.1, users added with `user add`). Three app
 * instances with their own data folders: a curator, an admin, and a focal point of Thailand.
 */

test.describe.configure({ mode: 'serial' });

let server: SyncServer;
const apps: AppInstance[] = [];
test.afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  await server?.close();
});

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

async function syncNow(page: Page): Promise<void> {
  await openSettings(page);
  const button = page.getByRole('region', { name: 'Sync' }).getByRole('button', { name: 'Sync now' });
  await expect(button).toBeEnabled({ timeout: 30_000 });
  await button.click();
}

const statusLine = (page: Page) => page.getByRole('banner').getByRole('status');

/** Waits until the app synced after `since` with nothing left to send. */
async function sentEverything(app: AppInstance, since: number): Promise<void> {
  await expect
    .poll(async () => {
      const s = await app.call('sync.status', {});
      return s.waiting === 0 && (s.lastSyncedAt ?? 0) >= since;
    }, { timeout: 30_000 })
    .toBe(true);
}

test('two devices sync through a real server; changes made while it is down wait and arrive; an out-of-scope edit shows under Sync problems', async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  server = await startSyncServer();
  const anaCode = await server.addUser({ name: 'Ana Curator', email: 'ana@accsm.org', role: 'curator' });
  const budiCode = await server.addUser({ name: 'Budi Admin', email: 'budi@accsm.org', role: 'admin' });
  const somchaiCode = await server.addUser({ name: 'Somchai Focal', email: 'somchai@ocsc.go.th', role: 'focal_point', country: 'TH' });
  const a = await startAppInstance(browser, 'ana');
  const b = await startAppInstance(browser, 'budi');
  apps.push(a, b);

  await enrollInSettings(a.page, server.url, anaCode, 'Ana Curator');
  await enrollInSettings(b.page, server.url, budiCode, 'Budi Admin');

  // Edit on one device...
  const form = new ExpertFormPage(a.page);
  await form.openNew();
  await form.givenName.fill('Lan');
  await form.familyName.fill('Nguyễn Thị');
  await form.setCountry('Viet Nam');
  await form.agency.fill('Ministry of Home Affairs');
  const created = Date.now();
  await form.create();
  const expertA = new ExpertPage(a.page);
  await expertA.expectLoaded('Lan Nguyễn Thị');
  // ...which sends it shortly after the write (the status line said "Synced" before it, too:
  // the core's own status says when nothing is waiting any more).
  await sentEverything(a, created);
  await expect(statusLine(a.page)).toHaveText('Synced');

  // ...and see it on the other.
  await syncNow(b.page);
  const dirB = new DirectoryPage(b.page);
  await dirB.open();
  await expect(dirB.row('Lan Nguyễn Thị')).toBeVisible({ timeout: 30_000 });
  await saveScreenshot(b.page, testInfo, 'sync-e2e-arrived', { fullPage: false });

  // Stop the server, edit: the change waits, and the status line says so.
  await server.stop();
  await expertA.edit();
  await form.agency.fill('Ministry of Home Affairs, Department of Civil Servants');
  await form.save();
  await expect(a.page.getByRole('banner')).toContainText('1 change waiting', { timeout: 30_000 });
  await saveScreenshot(a.page, testInfo, 'sync-e2e-waiting', { fullPage: false });

  // Start it again: the change goes up and reaches the other device.
  await server.start();
  const restarted = Date.now();
  await syncNow(a.page);
  await sentEverything(a, restarted);
  await expect(statusLine(a.page)).toHaveText('Synced');
  await expect(a.page.getByRole('banner')).not.toContainText('waiting');
  await syncNow(b.page);
  await dirB.open();
  await dirB.openExpert('Lan Nguyễn Thị');
  await expect(b.page.getByRole('main')).toContainText('Ministry of Home Affairs, Department of Civil Servants', { timeout: 30_000 });

  // A focal point of Thailand edits the Vietnamese expert: the server refuses it, and says why.
  const c = await startAppInstance(browser, 'somchai');
  apps.push(c);
  await enrollInSettings(c.page, server.url, somchaiCode, 'Somchai Focal');
  const dirC = new DirectoryPage(c.page);
  await dirC.open();
  await expect(dirC.row('Lan Nguyễn Thị')).toBeVisible({ timeout: 30_000 });
  await dirC.openExpert('Lan Nguyễn Thị');
  const expertC = new ExpertPage(c.page);
  await expertC.edit();
  const formC = new ExpertFormPage(c.page);
  await formC.position.fill('Director');
  await formC.save();
  const problems = c.page.getByRole('banner').getByRole('link', { name: '1 sync problem' });
  await expect(problems).toBeVisible({ timeout: 30_000 });
  await problems.click();
  await expect(c.page.getByRole('heading', { name: 'Sync problems', level: 1 })).toBeVisible();
  const main = c.page.getByRole('main');
  await expect(main).toContainText('This record belongs to a country outside the writer’s scope.');
  await expect(main).toContainText('Ask a secretariat curator to make this change.');
  await saveScreenshot(c.page, testInfo, 'sync-e2e-problems', { fullPage: false });

  // Nowhere applied: the admin's laptop receives it as refused (one sync problem there too), and
  // the expert keeps no position.
  await syncNow(b.page);
  await expect.poll(async () => (await b.call('sync.status', {})).problems, { timeout: 30_000 }).toBe(1);
  const lan = (await b.call('experts.search', { query: 'Lan' })).items[0]!;
  expect((await b.call('experts.get', { id: lan.id })).position).toBe('');
});

test('bad input against the real server: a clear typed error each time, and nothing stored', async () => {
  server = await startSyncServer();
  const code = await server.addUser({ name: 'Ana Curator', email: 'ana@accsm.org', role: 'curator' });
  const somchaiCode = await server.addUser({ name: 'Somchai Focal', email: 'somchai@ocsc.go.th', role: 'focal_point', country: 'TH' });
  const post = async (path: string, body: unknown, token?: string, raw?: string) => {
    const res = await fetch(`${server.url}/sync/v1/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: raw ?? JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const errorCode = (reply: { body: unknown }) => syncErrorBodySchema.parse(reply.body).error.code;
  const node = 'abcdef0123456789';
  const enrolled = await post('enroll', { code, node, deviceName: 'Ana laptop' });
  expect(enrolled.status).toBe(200);
  const token = (enrolled.body as { token: string }).token;
  const headOf = async (t: string) => ((await post('pull', { cursor: null, limit: 1 }, t)).body as { head: number }).head;
  const head = await headOf(token);
  const change = (seq: number, fields: Record<string, unknown>, id = '01900000-0000-7000-8000-0000000000e1', actor = (enrolled.body as { user: { id: string } }).user.id) => ({
    origin: node,
    seq,
    hlc: `${String(Date.now()).padStart(15, '0')}-000000`,
    actor,
    entity: 'expert',
    id,
    op: 'put',
    fields,
  });

  // No token; a used enrollment code.
  const anonymous = await post('push', { node, changes: [change(1, { givenName: 'Lan', country: 'VN' })] });
  expect([anonymous.status, errorCode(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
  const reused = await post('enroll', { code, node, deviceName: 'again' });
  expect([reused.status, errorCode(reused)]).toEqual([403, 'ENROLLMENT_INVALID']);
  // A malformed batch, and an oversized one.
  const malformed = await post('push', null, token, '{"node": "abcdef0123456789", "changes": [');
  expect([malformed.status, errorCode(malformed)]).toEqual([400, 'INVALID_INPUT']);
  const tooLong = await post('push', { node, changes: Array.from({ length: 1001 }, (_, i) => change(i + 1, { givenName: 'Lan', country: 'VN' })) }, token);
  expect([tooLong.status, errorCode(tooLong)]).toEqual([413, 'BATCH_TOO_LONG']);
  // Oversized: 9 MB of JSON sent as a small gzip body; the limit applies to what it inflates to.
  // (A plain 9 MB body gets the same 413, but the server closes the connection while the client
  // is still sending, so fetch reports EPIPE instead of reading it.)
  const bomb = gzipSync(JSON.stringify({ node, changes: [change(1, { givenName: 'x'.repeat(9 * 1024 * 1024), country: 'VN' })] }));
  const tooLargeRes = await fetch(`${server.url}/sync/v1/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${token}` },
    body: new Uint8Array(bomb),
  });
  const tooLarge = { status: tooLargeRes.status, body: (await tooLargeRes.json()) as unknown };
  expect([tooLarge.status, errorCode(tooLarge)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  expect(await headOf(token)).toBe(head);

  // Another country's record: acknowledged, kept as refused with its reason, never applied.
  const somchai = await post('enroll', { code: somchaiCode, node: '1234567890abcdef', deviceName: 'Somchai laptop' });
  const somchaiToken = (somchai.body as { token: string }).token;
  const somchaiId = (somchai.body as { user: { id: string } }).user.id;
  const scoped = await post('push', { node: '1234567890abcdef', changes: [{ ...change(1, { givenName: 'Lan', country: 'VN' }, '01900000-0000-7000-8000-0000000000e2', somchaiId), origin: '1234567890abcdef' }] }, somchaiToken);
  expect(scoped.status).toBe(200);
  expect(scoped.body).toMatchObject({ applied: 0, refused: [{ origin: '1234567890abcdef', seq: 1, kind: 'rejected', code: 'OUT_OF_SCOPE' }] });
  const pulled = (await post('pull', { cursor: null, limit: 100 }, token)).body as { changes: { entity: string; id: string; refused?: string }[] };
  expect(pulled.changes.find((c) => c.id === '01900000-0000-7000-8000-0000000000e2')?.refused).toMatch(/Thailand/);

  // A revoked token (`token revoke`, as the secretariat runs it).
  const list = await server.admin('token', 'list');
  const tokenId = (enrolled.body as { tokenId: string }).tokenId;
  expect(list).toContain(tokenId);
  await server.admin('token', 'revoke', tokenId);
  const revoked = await post('push', { node, changes: [change(1, { givenName: 'Lan', country: 'VN' })] }, token);
  expect([revoked.status, errorCode(revoked)]).toEqual([401, 'TOKEN_REVOKED']);
  expect(await headOf(somchaiToken)).toBe(head + 1);
});
