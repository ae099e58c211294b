import { join, resolve, win32 } from 'node:path';
import { parseArgs } from 'node:util';
// Plain function, no Electron import: browser mode must open the same folder as the shell.
import { selectDataDir } from '../main/data-dir';

/**
 * The per-user application data folder, as Electron's `app.getPath('appData')` finds it:
 * %APPDATA% on Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or
 * ~/.config elsewhere.
 */
export function appDataDir(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>, home: string): string {
  if (platform === 'win32') return env.APPDATA || win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
  return env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
}

/**
 * Where browser mode keeps its data when no --data-dir is given: the folder the Electron
 * shell uses when run from source (CURATOR_DATA_DIR, else "<appData>/A-EXPECS Curator (dev)"),
 * so `npm start` reaches the same data whether or not the Electron binary is present.
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
  cwd: string,
): string {
  return selectDataDir({ appData: appDataDir(platform, env, home), isPackaged: false, env: { ...env }, cwd }).dir;
}

export interface WebCliOptions {
  dataDir: string;
  port: number;
  rendererDir: string;
}

export type ParsedCli = { ok: true; options: WebCliOptions } | { ok: false; message: string };

/**
 * Parses the browser-mode command line. Returns a message instead of throwing, so the CLI
 * decides how to print it and the tests see it as a value.
 */
export function parseWebCliArgs(
  argv: string[],
  defaults: { dataDir: string; rendererDir: string; cwd: string },
): ParsedCli {
  let values: { 'data-dir'?: string; port?: string; renderer?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, renderer: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { ok: false, message: `--port must be a whole number from 0 to 65535 (0 picks a free port); got "${values.port}".` };
  }
  return {
    ok: true,
    options: {
      dataDir: values['data-dir'] ? resolve(defaults.cwd, values['data-dir']) : defaults.dataDir,
      port,
      rendererDir: values.renderer ? resolve(defaults.cwd, values.renderer) : defaults.rendererDir,
    },
  };
}

/** The address the user opens; the token rides in the fragment, which browsers never send to a server. */
export function launchUrl(serverUrl: string, token: string): string {
  return `${serverUrl}#token=${encodeURIComponent(token)}`;
}
