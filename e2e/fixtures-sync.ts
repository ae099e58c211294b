import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, type Browser, type Page } from '@playwright/test';
import type { Input, MethodName, Output } from '../shared/contract';
import { startCoreWorker } from '../electron/core/worker/host';
import { subscribeToCore } from '../electron/web/events';
import { launchUrl } from '../electron/web/options';
import { startWebServer } from '../electron/web/server';
import { freePort } from '../electron/core/free-port';

/**
 * For the end-to-end sync spec: a REAL central server (`npm run server`'s CLI, server/cli.ts, in
 * a child process on 127.0.0.1 with a temp data folder) that the spec can stop and start again
 * on the same port, its administration commands (`user add` prints the enrollment code), and
 * any number of browser-mode app instances, each with its own data folder, core worker and page.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'server', 'cli.ts');
const rendererDir = join(root, 'out', 'renderer');
const run = promisify(execFile);


export async function startSyncServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'curator-e2e-server-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let proc: ChildProcess | null = null;
  let log = '';

  async function start(): Promise<void> {
    proc = spawn(process.execPath, ['--import', 'tsx', cli, '--data-dir', dataDir, '--port', String(port), '--host', '127.0.0.1', '--log-level', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout!.on('data', (c: Buffer) => (log += c.toString()));
    proc.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    // Up when it answers (a request without a token: 401 with a typed body).
    for (let i = 0; i < 300; i++) {
      if (proc.exitCode !== null) throw new Error(`The sync server exited: ${log}`);
      const up = await fetch(`${url}/sync/v1/whoami`).then(
        (r) => r.status === 401,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`The sync server did not start: ${log}`);
  }

  async function stop(): Promise<void> {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
    });
  }

  async function admin(...args: string[]): Promise<string> {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', cli, ...args, '--data-dir', dataDir], { cwd: root });
    return stdout;
  }

  await start();
  return {
    url,
    dataDir,
    start,
    stop,
    admin,
    /** `user add`: returns the one-time enrollment code it prints. */
    async addUser(user: { name: string; email: string; role: string; country?: string }): Promise<string> {
      const out = await admin('user', 'add', '--name', user.name, '--email', user.email, '--role', user.role, ...(user.country ? ['--country', user.country] : []));
      const code = /\b([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})\b/.exec(out)?.[1];
      if (!code) throw new Error(`user add printed no enrollment code: ${out}`);
      return code;
    },
    async close(): Promise<void> {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type SyncServer = Awaited<ReturnType<typeof startSyncServer>>;

/** One browser-mode app (its own data folder, core on a worker thread, web server) and a page on it. */
export async function startAppInstance(browser: Browser, name: string) {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`No built renderer at ${rendererDir}. Run \`npm run build\` first.`);
  const dataDir = mkdtempSync(join(tmpdir(), `curator-e2e-${name}-`));
  const core = await startCoreWorker({ dataDir, mode: 'web', actor: `e2e.${name}` });
  const server = await startWebServer({
    dispatch: (method, input) => core.dispatch(method, input),
    subscribe: subscribeToCore(core),
    photoFile: (hash, size) => core.photoFile(hash, size),
    rendererDir,
  });
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  const page: Page = await context.newPage();
  await page.goto(launchUrl(server.url, server.token));
  const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const result = await core.dispatch(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as Output<M>;
  };
  return {
    name,
    dataDir,
    page,
    call,
    async close(): Promise<void> {
      await context.close();
      await server.close();
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type AppInstance = Awaited<ReturnType<typeof startAppInstance>>;

/**
 * Settings → Sync in the app's UI: the server address and the enrollment code, until the panel
 * says "Signed in as <name>". Registration and the first pull may take a while on a busy machine.
 */
export async function enrollInSettings(page: Page, url: string, code: string, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  const sync = page.getByRole('region', { name: 'Sync' });
  await sync.getByRole('textbox', { name: 'Server address' }).fill(url);
  await sync.getByRole('textbox', { name: 'Enrollment code' }).fill(code);
  await sync.getByRole('button', { name: 'Connect' }).click();
  await expect(sync.getByRole('heading', { name: new RegExp(`^Signed in as ${name}`) })).toBeVisible({ timeout: 60_000 });
}
