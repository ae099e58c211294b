import type { Result } from '../../shared/contract';

/**
 * The window's side of the workshop kiosk. The core decides whether the kiosk is on (and
 * refuses everything else while it is); the shell only follows its answers: after a kiosk
 * method answers, the window goes full-screen in kiosk mode without a menu bar, or back. A
 * reload or a restart asks kiosk.status first thing, so the window follows then too.
 */

const kioskMethods = new Set(['kiosk.status', 'kiosk.start', 'kiosk.exit']);

/** Whether the window should be in kiosk mode after this call: true, false, or null (no change). */
export function kioskModeAfter(method: unknown, result: Result<unknown>): boolean | null {
  if (typeof method !== 'string' || !kioskMethods.has(method) || !result.ok) return null;
  const active = (result.value as { active?: unknown } | null)?.active;
  return typeof active === 'boolean' ? active : null;
}

/** The few BrowserWindow methods the kiosk needs (a fake in tests). */
export interface KioskWindow {
  isKiosk(): boolean;
  setKiosk(flag: boolean): void;
  setMenuBarVisibility(visible: boolean): void;
  setClosable(closable: boolean): void;
}

/**
 * Puts the window in or out of kiosk mode. In it the applicant cannot close the window (its
 * close button and Alt+F4 do nothing) or reach the menu; leaving takes the curator's PIN.
 */
export function applyKioskMode(window: KioskWindow, on: boolean): void {
  if (window.isKiosk() !== on) window.setKiosk(on);
  window.setMenuBarVisibility(!on);
  window.setClosable(!on);
}
