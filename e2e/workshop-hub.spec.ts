import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { runServer } from '../electron/core/sync/testing';
import { startCoreWorker } from '../electron/core/worker/host';
import { subscribeToCore } from '../electron/web/events';
import { launchUrl } from '../electron/web/options';
import { startWebServer } from '../electron/web/server';
import type { MessageKey } from '../renderer/src/i18n/en';
import { translate, type Locale } from '../renderer/src/i18n/translate';
import { expectAccessible } from './axe';
import { saveScreenshot } from './fixtures';
import { freePort } from '../electron/core/free-port';

/**
 * Settings → Workshop hub in the window at 1024×700, by keyboard, in EN and ID: a curator signed
 * in to the real central server (127.0.0.1) starts the hub (it listens on 127.0.0.1 only: the
 * core is started with hubHost), reads the address, the pairing code in groups and the QR code,
 * looks at the Join panel, and stops the hub. Its own core and browser-mode server, as in
 * e2e/fixtures.ts, because the hub must not listen beyond this computer in a test.
 */

const rendererDir = fileURLToPath(new URL('../out/renderer', import.meta.url));


for (const locale of ['en', 'id'] as Locale[]) {
  test.describe(`workshop hub, ${locale}`, () => {
    test.use({ viewport: { width: 1024, height: 700 }, locale: locale === 'id' ? 'id-ID' : 'en-GB' });

    test(`host a hub by keyboard and see its code and QR code (${locale})`, async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
      const central = await runServer();
      const dataDir = mkdtempSync(join(tmpdir(), 'curator-e2e-hub-'));
      const core = await startCoreWorker({ dataDir, mode: 'web', actor: 'e2e.host', hubHost: '127.0.0.1' });
      const server = await startWebServer({ dispatch: (m, i) => core.dispatch(m, i), subscribe: subscribeToCore(core), photoFile: (h, s) => core.photoFile(h, s), rendererDir });
      try {
        const hana = await central.user({ name: 'Hana Host' });
        const enrolled = await core.dispatch('sync.enroll', { serverUrl: central.url, code: hana.code });
        expect(enrolled.ok).toBe(true);
        await page.goto(launchUrl(server.url, server.token));
        await page.evaluate((l) => localStorage.setItem('curator.locale', l), locale);
        await page.reload();
        await page.getByRole('link', { name: t('nav.settings') }).click();

        const section = page.getByRole('region', { name: t('hub.title') });
        await section.scrollIntoViewIfNeeded();
        const port = section.getByRole('textbox', { name: t('hub.host.port') });
        await port.fill(String(await freePort()));
        await port.press('Tab');
        await expect(section.getByRole('button', { name: t('hub.host.start') })).toBeFocused();
        await page.keyboard.press('Enter');

        const code = section.getByRole('group', { name: t('hub.host.code'), exact: true });
        await expect(code).toBeVisible({ timeout: 20_000 });
        await expect(code.getByRole('code')).toHaveCount(8);
        await expect(section.getByRole('img', { name: t('hub.host.qr.alt') })).toBeVisible();
        await expect(section.getByText(/^https:\/\/127\.0\.0\.1:\d+$/)).toBeVisible();
        await section.getByRole('status').filter({ hasText: t('hub.host.running') }).scrollIntoViewIfNeeded();
        await saveScreenshot(page, testInfo, `hub-host-${locale}`, { fullPage: false });
        await expectAccessible(page, testInfo, `hub-host-${locale}`);

        // The Join panel, by keyboard: the tab list moves with the arrow keys.
        await section.getByRole('tab', { name: t('hub.tab.host') }).focus();
        await page.keyboard.press('ArrowRight');
        await expect(section.getByRole('tab', { name: t('hub.tab.join') })).toHaveAttribute('aria-selected', 'true');
        await expect(section.getByRole('textbox', { name: t('hub.join.address') })).toBeVisible();
        await saveScreenshot(page, testInfo, `hub-join-${locale}`, { fullPage: false });
        await expectAccessible(page, testInfo, `hub-join-${locale}`);

        await page.keyboard.press('ArrowLeft');
        await section.getByRole('button', { name: t('hub.host.stop') }).click();
        await expect(section.getByRole('button', { name: t('hub.host.start') })).toBeVisible();
      } finally {
        await core.dispatch('hub.stop', {});
        await server.close();
        await core.close();
        await central.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
