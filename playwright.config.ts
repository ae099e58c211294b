import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs: the built renderer (out/renderer, from `npm run build`) in Debian's
 * Chromium, over browser mode. Each test starts its own core on a fresh data folder and its
 * own server in the test process (e2e/fixtures.ts), so tests share nothing and may run in
 * parallel. Playwright never downloads a browser here.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // A failure is a failure: no retries that could hide a flaky test.
  retries: 0,
  // A limit for a hung test, not a speed goal: on a loaded 2-core machine a 20-second spec can
  // take three times as long (the default 30 s failed history.spec.ts under load).
  timeout: 90_000,
  // CI runs one spec at a time: with two, each spec's app, core, servers and Chromium shared two
  // cores, and on a slow day (stop 17: the suite took 25 minutes) waits made for a spec alone ran
  // out in three different specs, each of which passes alone. Locally, two.
  workers: process.env.CI ? 1 : 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    headless: true,
    locale: 'en-GB',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
