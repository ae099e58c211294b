import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** The folder name under the per-user application data folder. */
export const appFolderName = 'a-expecs-curator';

/**
 * Where the app keeps its data when no --data-dir is given: the platform's per-user
 * application data folder, as Electron's `app.getPath('appData')` finds it.
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  if (platform === 'win32') {
    // Windows paths are joined by hand: path.join on a POSIX host would use '/'.
    const appData = env.APPDATA || `${home}\\AppData\\Roaming`;
    return `${appData}\\${appFolderName}`;
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appFolderName);
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, appFolderName);
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
