import { runServer, type RunningServer } from '../electron/core/sync/testing';
import type { MessageKey } from '../renderer/src/i18n/en';
import { translate, type Locale } from '../renderer/src/i18n/translate';
import { expectAccessible } from './axe';
import { expect, saveScreenshot, test } from './fixtures';

/**
 * Sync in the window against the real sync server (server/, on 127.0.0.1), as a national
 * focal point of Thailand would meet it: connect once in Settings, see who the app is signed
 * in as and that it synced; write an expert of Viet Nam, which the server refuses by country
 * scope and the app lists under Sync problems with what to do; lose the server and see the
 * changes waiting; have the token revoked and be offered to sign in again.
 */

let central: RunningServer | null = null;
test.afterEach(async () => {
  await central?.close();
  central = null;
});

for (const locale of ['en', 'id'] as Locale[]) {
  test.describe(`sync with a real server, ${locale}`, () => {
    test.use({ viewport: { width: 1024, height: 700 }, locale: locale === 'id' ? 'id-ID' : 'en-GB' });

    test(`connect, a change refused by scope, offline, revoked (${locale})`, async ({ page, app }, testInfo) => {
      test.setTimeout(120_000);
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
      const shot = (name: string) => saveScreenshot(page, testInfo, `server-${name}-${locale}`, { fullPage: false });
      const status = page.getByRole('group', { name: t('sync.status.label') });
      const live = status.getByRole('status');
      const server = (central = await runServer());
      const somchai = await server.user({ name: 'Somchai Phongsa', role: 'focal_point', country: 'TH' });

      // Connect once, from the status line's link to Settings.
      await status.getByRole('link', { name: t('sync.status.setUp') }).click();
      const settings = page.getByRole('region', { name: t('sync.settings.title'), exact: true });
      await settings.getByRole('textbox', { name: t('sync.field.serverUrl') }).fill(server.url);
      await settings.getByRole('textbox', { name: t('sync.field.code') }).fill(somchai.code.toLowerCase());
      await settings.getByRole('button', { name: t('sync.connect') }).click();
      const signedIn = settings.getByRole('heading', { name: new RegExp(`^${t('sync.signedInAs')}`), level: 3 });
      await expect(signedIn).toHaveText(`${t('sync.signedInAs')} Somchai Phongsa (${t('sync.role.focal_point')}, Thailand)`);
      await expect(signedIn).toBeFocused();
      await expect(live).toHaveText(t('sync.status.synced'));
      await expect(status).toContainText(t('sync.justNow'));
      await shot('connected');

      // An expert of Viet Nam is outside a Thai focal point's scope: the server refuses it,
      // the device keeps it, and the curator is told what to do.
      await app.call('experts.create', { expert: { givenName: 'Nguyễn Văn An', country: 'VN' } });
      await settings.getByRole('button', { name: t('sync.now') }).click();
      const problemsLink = status.getByRole('link', { name: t('sync.status.problems.one') });
      await expect(problemsLink).toBeVisible({ timeout: 20_000 });
      await problemsLink.click();
      const problem = page.getByRole('list', { name: t('problems.title') }).getByRole('listitem');
      await expect(problem).toHaveCount(1);
      await expect(problem).toContainText(t('problems.reason.OUT_OF_SCOPE'));
      await expect(problem).toContainText(t('problems.todo.OUT_OF_SCOPE'));
      await expect(problem).toContainText(t('problems.own'));
      await expect(problem).toContainText('Somchai Phongsa');
      // The server's verdict stands on this computer too (upstream is authoritative): the
      // refused creation is undone here, so there is no record to open.
      await expect(problem.getByRole('heading', { name: 'Nguyễn Văn An' })).toBeVisible();
      await expect(problem.getByRole('link')).toHaveCount(0);
      await expectAccessible(page, testInfo, `server-problems-${locale}`);
      await shot('problems');

      // The server goes away: what is written meanwhile waits, and the line says so.
      const { dataDir, port } = server;
      await server.close();
      await app.call('experts.create', { expert: { givenName: 'Kanya', familyName: 'Srisuk', country: 'TH' } });
      await page.getByRole('navigation').getByRole('link', { name: t('nav.settings'), exact: true }).click();
      await settings.getByRole('button', { name: t('sync.now') }).click();
      await expect(live).toHaveText(`${t('sync.status.offline')} — ${t('sync.status.waiting.one')}`, { timeout: 20_000 });
      await expect(status).toContainText(t('sync.status.nextAttempt', { when: '' }).trim());
      await shot('offline');

      // Back on the same address, with this device's token revoked by an administrator.
      central = await runServer(dataDir, port);
      const [token] = await central.store.accounts.listTokens();
      await central.store.accounts.revokeToken(token!.id);
      // The app's own retry may reach the server before this click does (it did in CI, under
      // load): either way the revoked token stops sync, and Sync now is gone until sign-in.
      await settings
        .getByRole('button', { name: t('sync.now') })
        .click({ timeout: 5_000 })
        .catch(() => undefined);
      await expect(live).toHaveText(t('sync.status.error'), { timeout: 20_000 });
      await expect(settings.getByRole('alert')).toBeVisible();
      await status.getByRole('link', { name: t('sync.status.signInAgain') }).click();
      await expect(settings.getByRole('textbox', { name: t('sync.field.code') })).toBeVisible();
      await expectAccessible(page, testInfo, `server-revoked-${locale}`);
      await shot('revoked');

      // A new code from the administrator: signed in again, and what waited is sent.
      const settingsNow = settings;
      await settingsNow.getByRole('textbox', { name: t('sync.field.code') }).fill(await central.code(somchai.id));
      await settingsNow.getByRole('button', { name: t('sync.connect') }).click();
      await expect(live).toHaveText(t('sync.status.synced'), { timeout: 20_000 });
      await expect(settingsNow.getByRole('row', { name: new RegExp(`^${t('sync.waitingLabel')}`) })).toBeVisible();
      await expect.poll(async () => (await app.call('sync.status', {})).waiting, { timeout: 20_000 }).toBe(0);
    });
  });
}
