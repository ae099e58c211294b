/**
 * When the app looks for a new version. electron-updater is configured by this plan and
 * never installs anything on its own: it only checks; the curator decides to download, and
 * decides again to restart into the new version (a restart in the middle of a vetting
 * meeting would lose their place).
 */
export interface UpdateContext {
  /** app.isPackaged: a development run has no release to compare with. */
  isPackaged: boolean;
  /** Whether the build carries an update feed (resources/app-update.yml), i.e. was built with a publish provider. */
  hasUpdateFeed: boolean;
  /** CURATOR_UPDATES=off turns checks off, e.g. on an offline workshop laptop or in an end-to-end test. */
  env: Record<string, string | undefined>;
}

export type UpdatePlan =
  | { check: false; reason: 'development' | 'no-feed' | 'turned-off' }
  | {
      check: true;
      /** Wait after the window is shown, so the check never competes with start-up. */
      delayMs: number;
      autoDownload: false;
      autoInstallOnAppQuit: false;
    };

export const UPDATE_CHECK_DELAY_MS = 10_000;

export function updatePlan(context: UpdateContext): UpdatePlan {
  if (!context.isPackaged) return { check: false, reason: 'development' };
  const setting = context.env.CURATOR_UPDATES?.trim().toLowerCase();
  if (setting === 'off' || setting === '0' || setting === 'false') return { check: false, reason: 'turned-off' };
  if (!context.hasUpdateFeed) return { check: false, reason: 'no-feed' };
  return { check: true, delayMs: UPDATE_CHECK_DELAY_MS, autoDownload: false, autoInstallOnAppQuit: false };
}
