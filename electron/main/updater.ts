import { dialog, type BrowserWindow } from 'electron';
import type { Messages } from './messages';
import type { UpdatePlan } from './update-policy';

/**
 * Runs the update plan: one check after start; the curator is asked before the download
 * and again before the restart that installs it. Errors (offline at a workshop, no feed)
 * are logged and otherwise ignored: an update check must never get in the curator's way.
 */
export function scheduleUpdateCheck(plan: UpdatePlan, text: Messages, window: () => BrowserWindow | null): void {
  if (!plan.check) {
    console.info(`[updates] not checking: ${plan.reason}`);
    return;
  }
  setTimeout(() => void check(plan, text, window), plan.delayMs);
}

async function check(plan: Extract<UpdatePlan, { check: true }>, text: Messages, window: () => BrowserWindow | null) {
  // Loaded only when a check happens: development runs never touch it.
  const { default: updater } = await import('electron-updater');
  const { autoUpdater } = updater;
  autoUpdater.autoDownload = plan.autoDownload;
  autoUpdater.autoInstallOnAppQuit = plan.autoInstallOnAppQuit;

  const ask = async (title: string, message: string, yes: string) => {
    const options = { type: 'info' as const, title, message, buttons: [yes, text.later], defaultId: 0, cancelId: 1 };
    const parent = window();
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    return response === 0;
  };

  autoUpdater.on('update-available', async (info) => {
    if (await ask(text.updateAvailableTitle, text.updateAvailable(info.version), text.download)) {
      autoUpdater.downloadUpdate().catch((error: unknown) => console.warn('[updates] download failed', error));
    }
  });
  autoUpdater.on('update-downloaded', async (info) => {
    if (await ask(text.updateReadyTitle, text.updateReady(info.version), text.restart)) autoUpdater.quitAndInstall();
  });
  autoUpdater.on('error', (error) => console.warn('[updates]', error.message));

  await autoUpdater.checkForUpdates().catch((error: unknown) => console.warn('[updates] check failed', error));
}
