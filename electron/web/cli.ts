import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/contract';
import { startCoreWorker, type CoreHandle } from '../core/worker/host';
import { subscribeToCore } from './events';
import { defaultDataDir, launchUrl, parseWebCliArgs } from './options';
import { startWebServer, type WebServer } from './server';

/**
 * `npm run web` (and `npm start` where there is no Electron binary): opens the core on the
 * user's data folder, on a worker thread of its own, and serves the built renderer on
 * 127.0.0.1 with a per-launch token. The server's thread only moves requests and events.
 */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function exitWith(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  const parsed = parseWebCliArgs(process.argv.slice(2), {
    dataDir: defaultDataDir(process.platform, process.env, homedir(), process.cwd()),
    rendererDir: join(repoRoot, 'out', 'renderer'),
    cwd: process.cwd(),
  });
  if (!parsed.ok) {
    exitWith(`${parsed.message}\nUsage: npm run web -- [--data-dir DIR] [--port N] [--renderer DIR]`);
  }
  const { dataDir, port, rendererDir } = parsed.options;

  if (!existsSync(join(rendererDir, 'index.html'))) {
    exitWith(
      `The user interface is not built (no ${join(rendererDir, 'index.html')}). Run \`npm run build\` first.\n` +
        `Antarmuka belum dibangun. Jalankan \`npm run build\` terlebih dahulu.`,
    );
  }

  mkdirSync(dataDir, { recursive: true });
  let core: CoreHandle;
  try {
    core = await startCoreWorker({ dataDir, mode: 'web' });
  } catch (error) {
    if (error instanceof AppError) exitWith(`${error.message} (${error.code})`);
    // Anything else (a damaged file, no permission): say which folder, and leave it as it is.
    exitWith(
      `The data in ${dataDir} could not be opened: ${(error as Error).message}. Nothing was changed; ` +
        'check that the folder is readable and writable, or start with --data-dir pointing at another folder.',
    );
  }

  let server: WebServer;
  try {
    server = await startWebServer({
      dispatch: (method, input) => core.dispatch(method, input),
      subscribe: subscribeToCore(core),
      photoFile: (hash, size) => core.photoFile(hash, size),
      attachmentFile: (hash) => core.attachmentFile(hash),
      rendererDir,
      port,
    });
  } catch (error) {
    await core.close().catch(() => undefined);
    exitWith(`Could not start the browser-mode server: ${(error as Error).message}`);
  }

  console.log(`A-EXPECS Curator is running in browser mode at ${launchUrl(server.url, server.token)}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    // close() checkpoints the WAL on the core's thread, so the data folder is a single consistent file afterwards.
    try {
      await core.close();
    } catch (error) {
      exitWith((error as Error).message);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
