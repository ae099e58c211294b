import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DATABASE_FILE } from '../electron/core/app';
import { ChangeFunnel } from '../electron/core/changes/funnel';
import { openDatabase } from '../electron/core/db/open';
import { expertProjection } from '../electron/core/services/experts/projection';
import { loadShippedTaxonomy } from '../electron/core/services/taxonomy-resource';
import type { SyncStatus } from '../shared/contract';
import type { MessageKey } from '../renderer/src/i18n/en';
import { translate, type Locale } from '../renderer/src/i18n/translate';
import { signedInStatus } from '../renderer/src/test/syncStatus';
import { expectAccessible } from './axe';
import { expect, saveScreenshot, test } from './fixtures';

/**
 * Sync as a curator sees it, at 1024×700 in English and Bahasa Indonesia, light and dark: the
 * status line in the shell in each state, Settings → Sync, and Sync problems. Every view is
 * checked with axe and leaves a screenshot.
 *
 * Refused changes are real: stored by the funnel on the app's data file, as sync stores them.
 * The states that need a sync server (signed in, syncing, offline, a revoked token) are the
 * core's status answers given at the transport (sync.status), so each can be looked at
 * without staging a server outage; the sync client's own tests prove how the core gets there.
 * The last step is the core's own: its 'sync' event, through the worker and the event stream,
 * replaces a status the transport gave.
 */

const MINUTE = 60_000;
const OTHER = 'a1b2c3d4e5f60718';

/** Synced two minutes ago, varied per state (renderer/src/test/syncStatus.ts has the rest). */
const signedIn = (over: Partial<SyncStatus>): SyncStatus => signedInStatus({ lastSyncedAt: Date.now() - 2 * MINUTE, ...over });

/** The core answers sync.status with this from now on (events still come from the real core). */
async function answerStatus(page: Page, status: SyncStatus): Promise<void> {
  await page.unroute('**/rpc/sync.status');
  await page.route('**/rpc/sync.status', (route) => route.fulfill({ json: { ok: true, value: status } }));
  await page.reload();
}

function storeRefusedChanges(dataDir: string, ownNode: string, ownExpertId: string): void {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    const hlc = (n: number) => `${String(Date.now() - MINUTE + n).padStart(15, '0')}-00000${n}`;
    const change = (origin: string, seq: number, entity: string, id: string, fields: Record<string, unknown>) => ({ origin, seq, hlc: hlc(seq), actor: 'Nguyen Thi Lan', entity, id, op: 'put', fields });
    new ChangeFunnel(db, [expertProjection(db, loadShippedTaxonomy())]).receive([
      change(OTHER, 1, 'expert', '0190a4c0-0000-7000-8000-0000000000b1', { givenName: 'Somchai', familyName: 'Phongsa', country: 'XX' }),
      change(OTHER, 2, 'caseStudy', '0190a4c0-0000-7000-8000-0000000000c1', { title: 'Merit system reform in the region' }),
      change(ownNode, 2, 'expert', ownExpertId, { email: 'not an email' }),
    ]);
  } finally {
    db.close();
  }
}

const combinations: { scheme: 'light' | 'dark'; locale: Locale }[] = [
  { scheme: 'light', locale: 'en' },
  { scheme: 'light', locale: 'id' },
  { scheme: 'dark', locale: 'en' },
  { scheme: 'dark', locale: 'id' },
];

for (const { scheme, locale } of combinations) {
  test.describe(`sync UI, ${scheme}, ${locale}`, () => {
    test.use({ viewport: { width: 1024, height: 700 }, colorScheme: scheme, locale: locale === 'id' ? 'id-ID' : 'en-GB' });

    test(`status line, Settings → Sync and Sync problems (${scheme}, ${locale})`, async ({ page, app }, testInfo) => {
      test.setTimeout(180_000);
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
      const shot = (name: string) => saveScreenshot(page, testInfo, `sync-${name}-${scheme}-${locale}`, { fullPage: false });
      const check = (name: string) => expectAccessible(page, testInfo, `sync-${name}-${scheme}-${locale}`);
      const status = page.getByRole('group', { name: t('sync.status.label') });
      const syncSettings = page.getByRole('region', { name: t('sync.settings.title'), exact: true });

      // Not set up: the real core's answer.
      await expect(status.getByRole('status')).toHaveText(t('sync.status.off'));
      await status.getByRole('link', { name: t('sync.status.setUp') }).click();
      await expect(page.getByRole('heading', { name: t('settings.title'), level: 1 })).toBeVisible();
      const form = syncSettings;
      await form.getByRole('textbox', { name: t('sync.field.serverUrl') }).fill('http://sync.accsm.example');
      await form.getByRole('textbox', { name: t('sync.field.code') }).fill('abcd-efgh');
      await form.getByRole('button', { name: t('sync.connect') }).click();
      await expect(form.getByText(t('sync.validation.urlInsecure'))).toBeVisible();
      await syncSettings.scrollIntoViewIfNeeded();
      await check('settings-form');
      await shot('settings-form');

      // Refused changes, stored by the real funnel; the problems screen lists them.
      const siti = await app.call('experts.create', { expert: { givenName: 'Siti', familyName: 'Rahmawati', country: 'ID' } });
      const info = await app.call('app.info', {});
      storeRefusedChanges(app.dataDir, info.nodeId, siti.id);
      await page.getByRole('navigation').getByRole('link', { name: new RegExp(t('nav.syncProblems')) }).click();
      await expect(page.getByRole('heading', { name: t('problems.title'), level: 1 })).toBeVisible();
      await expect(page.getByRole('list', { name: t('problems.title') }).getByRole('listitem')).toHaveCount(3);
      await check('problems');
      await shot('problems');

      // Synced, with problems to see.
      await answerStatus(page, signedIn({ problems: 3, waiting: 1 }));
      await expect(status.getByRole('status')).toHaveText(t('sync.status.synced'));
      await expect(status.getByRole('link', { name: new RegExp(`^3 `) })).toBeVisible();
      await page.getByRole('navigation').getByRole('link', { name: t('nav.experts'), exact: true }).click();
      await check('synced');
      await shot('synced');

      // A first sync under way.
      await answerStatus(page, signedIn({ state: 'syncing', lastSyncedAt: null, progress: { phase: 'snapshot', done: 12000, total: 50000 } }));
      await expect(status.getByRole('progressbar')).toBeVisible();
      await check('syncing');
      await shot('syncing');

      // Offline with changes waiting.
      await answerStatus(page, signedIn({ state: 'offline', waiting: 7, nextAttemptAt: Date.now() + 2 * MINUTE }));
      await expect(status.getByRole('status')).toContainText(t('sync.status.offline'));
      await shot('offline');

      // The server revoked this computer's token: "Sign in again" leads to Settings.
      await answerStatus(page, signedIn({ state: 'error', problem: { code: 'TOKEN_REVOKED', message: 'The server has withdrawn this computer’s access. Ask your administrator for a new enrollment code and sign in again.' } }));
      await expect(status.getByRole('status')).toHaveText(t('sync.status.error'));
      await shot('revoked');
      await status.getByRole('link', { name: t('sync.status.signInAgain') }).click();
      await expect(syncSettings.getByRole('heading', { name: new RegExp(`^${t('sync.signedInAs')}`), level: 3 })).toBeVisible();
      await syncSettings.scrollIntoViewIfNeeded();
      await check('settings-revoked');
      await shot('settings-revoked');

      // Signed in and synced: Settings, and the sign-out question.
      await answerStatus(page, signedIn({ waiting: 2 }));
      await syncSettings.scrollIntoViewIfNeeded();
      await check('settings-signed-in');
      await shot('settings-signed-in');
      await syncSettings.getByRole('button', { name: t('sync.signOut') }).click();
      await expect(page.getByRole('dialog', { name: t('sync.signOut.title') })).toBeVisible();
      await check('sign-out');
      await shot('sign-out');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      // The core's own 'sync' event, over the worker and the event stream, moves the status
      // line: signed out behind the window's back (the core publishes the new status).
      await expect(status.getByRole('status')).toHaveText(t('sync.status.synced'));
      await app.call('sync.signOut', {});
      await expect(status.getByRole('status')).toHaveText(t('sync.status.off'));
      await expect(syncSettings.getByRole('textbox', { name: t('sync.field.serverUrl') })).toBeVisible();
    });
  });
}
