import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Input, MethodName, Output } from '../shared/contract';
import { freePort } from '../electron/core/free-port';
import { runServer } from '../electron/core/sync/testing';
import { startCoreWorker } from '../electron/core/worker/host';
import { subscribeToCore } from '../electron/web/events';
import { launchUrl } from '../electron/web/options';
import { startWebServer } from '../electron/web/server';
import { expectAccessible } from './axe';
import { saveScreenshot } from './fixtures';

/**
 * What the QA pass of sync and the workshop hub fixed, as a curator meets it at 1024×700 by
 * keyboard: the hub's host and a joining laptop each land with the focus on what changed (it
 * used to fall to the page body), and a laptop that syncs with the hub AND central sees where
 * each stands in the shell, including after the hub is gone. Real parts: central (server/ on
 * 127.0.0.1), two cores on worker threads, the hub on 127.0.0.1 with TLS.
 */

const rendererDir = fileURLToPath(new URL('../out/renderer', import.meta.url));

async function appInstance(name: string, hubHost?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), `curator-e2e-qa-${name}-`));
  const core = await startCoreWorker({ dataDir, mode: 'web', actor: `e2e.${name}`, ...(hubHost ? { hubHost } : {}) });
  const server = await startWebServer({ dispatch: (m, i) => core.dispatch(m, i), subscribe: subscribeToCore(core), photoFile: (h, s) => core.photoFile(h, s), rendererDir });
  const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await core.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as Output<M>;
  };
  return {
    call,
    url: launchUrl(server.url, server.token),
    async close() {
      await core.dispatch('hub.stop', {});
      await server.close();
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

test.use({ viewport: { width: 1024, height: 700 }, locale: 'en-GB' });

test('host and join a hub by keyboard; the shell shows the hub and central apart', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const central = await runServer();
  const host = await appInstance('host', '127.0.0.1');
  const laptop = await appInstance('laptop');
  const context = await browser.newContext();
  try {
    await host.call('sync.enroll', { serverUrl: central.url, code: (await central.user({ name: 'Hana Host' })).code });
    await laptop.call('sync.enroll', { serverUrl: central.url, code: (await central.user({ name: 'Ana Laptop' })).code });
    // The host holds Ana's account (from central) before she joins.
    await expect.poll(async () => (await host.call('sync.now', {})).state, { timeout: 20_000 }).toBe('idle');

    const hostPage = await context.newPage();
    await hostPage.goto(host.url);
    await hostPage.getByRole('link', { name: 'Settings' }).click();
    const hostHub = hostPage.getByRole('region', { name: 'Workshop hub' });
    const port = hostHub.getByRole('textbox', { name: 'Port' });
    await port.fill(String(await freePort()));
    await port.press('Tab');
    await expect(hostHub.getByRole('button', { name: 'Start the hub' })).toBeFocused();
    await hostPage.keyboard.press('Enter');
    const running = hostHub.getByRole('status').filter({ hasText: 'The hub is running.' });
    await expect(running).toBeFocused({ timeout: 20_000 });
    const hub = await host.call('hub.status', {});

    const page = await context.newPage();
    await page.goto(laptop.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    const joinHub = page.getByRole('region', { name: 'Workshop hub' });
    await joinHub.getByRole('tab', { name: 'Host a workshop hub' }).focus();
    await page.keyboard.press('ArrowRight');
    const address = joinHub.getByRole('textbox', { name: 'Hub address' });
    await address.focus();
    await page.keyboard.insertText(hub.addresses[0]!);
    await page.keyboard.press('Tab');
    await page.keyboard.insertText(hub.code!.toLowerCase());
    await page.keyboard.press('Enter');
    const joined = joinHub.getByText(`This laptop syncs through the workshop hub at ${hub.addresses[0]}`, { exact: false });
    await expect(joined).toBeFocused({ timeout: 20_000 });

    const line = page.getByRole('group', { name: 'Sync status' });
    await expect(line.getByRole('status')).toHaveText(['Hub: Synced', 'Central: Synced'], { timeout: 20_000 });
    await saveScreenshot(page, testInfo, 'two-remotes', { fullPage: false });
    await expectAccessible(page, testInfo, 'hub-joined');

    // The workshop is over: the hub stops; the laptop still syncs with central, and says so for each.
    await host.call('hub.stop', {});
    await laptop.call('experts.create', { expert: { givenName: 'Dewi', country: 'ID' } });
    await laptop.call('sync.now', {});
    await expect(line.getByRole('status')).toHaveText(['Hub: Offline — 1 change waiting', 'Central: Synced'], { timeout: 20_000 });
    await expect(page.getByRole('row', { name: /Workshop hub/ })).toContainText('Offline — 1 change waiting');
    // Settings says which server the problem is with.
    await expect(page.getByRole('region', { name: 'Sync', exact: true }).getByRole('alert')).toContainText('Workshop hub');
    await saveScreenshot(page, testInfo, 'hub-gone', { fullPage: false });

    await joinHub.getByRole('button', { name: 'Leave the hub' }).focus();
    await page.keyboard.press('Enter');
    await expect(address).toBeFocused({ timeout: 20_000 });
    await expect(line.getByRole('status')).toHaveText('Synced');
  } finally {
    await context.close();
    await laptop.close();
    await host.close();
    await central.close();
  }
});
