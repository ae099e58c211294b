import path from 'node:path';

export interface DataDirContext {
  /** app.getPath('appData'): the per-user folder where applications keep their data. */
  appData: string;
  isPackaged: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export const DATA_DIR_NAME = 'A-EXPECS Curator';

/**
 * Where the database and attachments live; main sets it as userData before anything opens.
 * - CURATOR_DATA_DIR wins: an end-to-end run or a second profile gets a folder of its own.
 * - A development run uses a separate "(dev)" folder, so trying out a branch never migrates
 *   the curator's real database to a schema the installed app does not know.
 * - Otherwise the usual per-user folder, named after the product.
 */
export function selectDataDir(context: DataDirContext): { dir: string; source: 'env' | 'dev' | 'default' } {
  const override = context.env.CURATOR_DATA_DIR?.trim();
  if (override) return { dir: path.resolve(context.cwd, override), source: 'env' };
  if (!context.isPackaged) return { dir: path.join(context.appData, `${DATA_DIR_NAME} (dev)`), source: 'dev' };
  return { dir: path.join(context.appData, DATA_DIR_NAME), source: 'default' };
}
