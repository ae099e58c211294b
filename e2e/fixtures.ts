import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import type { Input, MethodName, Output } from '../shared/contract';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../electron/core/app';
import { startCoreWorker, type CoreHandle } from '../electron/core/worker/host';
import { subscribeToCore } from '../electron/web/events';
import { launchUrl } from '../electron/web/options';
import { startWebServer, type WebServer } from '../electron/web/server';
import { DirectoryPage } from './pages/directory';
import { ExpertFormPage } from './pages/expert-form';
import { ExpertPage } from './pages/expert';
import { SettingsPage } from './pages/settings';

/**
 * Each test gets a fresh data folder, its own core (on a worker thread, as in the app) and its
 * own browser-mode server in this process, and a page opened at the launch URL with the token, exactly as a curator would
 * open it. Nothing is shared between tests, so they run in any order and in parallel.
 */

const rendererDir = fileURLToPath(new URL('../out/renderer', import.meta.url));

/** The curator name the core stamps on every change made in a test, shown in history. */
export const E2E_ACTOR = 'e2e.curator';

export interface App {
  core: CoreHandle;
  server: WebServer;
  dataDir: string;
  url: string;
  /** Calls the core directly (not through the UI): for setting up data and for checking what was written. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  /** Rows in a table of the database file, read on a separate connection: proves what was (not) written. */
  countRows(table: 'changes' | 'records' | 'attachments'): number;
}

interface Fixtures {
  app: App;
  directory: DirectoryPage;
  expertPage: ExpertPage;
  form: ExpertFormPage;
  settings: SettingsPage;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error(`No built renderer at ${rendererDir}. Run \`npm run build\` before the end-to-end tests.`);
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'curator-e2e-'));
    // On its own thread, as in the app.
    const core = await startCoreWorker({ dataDir, mode: 'web', actor: E2E_ACTOR });
    const server = await startWebServer({
      dispatch: (method, input) => core.dispatch(method, input),
      subscribe: subscribeToCore(core),
      photoFile: (hash, size) => core.photoFile(hash, size),
      attachmentFile: (hash) => core.attachmentFile(hash),
      rendererDir,
    });
    const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
      const result = await core.dispatch(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value as Output<M>;
    };
    // WAL lets this read-only connection see each commit of the core's own connection.
    const reader = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    const countRows = (table: 'changes' | 'records' | 'attachments') =>
      (reader.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    try {
      await use({ core, server, dataDir, url: launchUrl(server.url, server.token), call, countRows });
    } finally {
      reader.close();
      await server.close();
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  page: async ({ page, app }, use) => {
    await page.goto(app.url);
    await use(page);
  },
  directory: async ({ page }, use) => use(new DirectoryPage(page)),
  expertPage: async ({ page }, use) => use(new ExpertPage(page)),
  form: async ({ page }, use) => use(new ExpertFormPage(page)),
  settings: async ({ page }, use) => use(new SettingsPage(page)),
});

export { expect };

/** Every spec leaves a picture of what it proved in its own output folder (test-results/...). */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const path = testInfo.outputPath(`${name}.png`);
  // A drawer or modal is fixed to the viewport; a full-page shot would cut it off at the fold.
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}
