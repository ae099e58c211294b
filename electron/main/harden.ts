import type { Session, WebContents } from 'electron';
import { externalUrlToOpen, isAppUrl } from './urls';

/** Asks the curator whether to open an external link (see external-links.ts), and opens it if so. */
export type AskToOpenExternal = (url: string, contents: WebContents) => void;

/**
 * Electron's security checklist for one web contents. Applied from 'web-contents-created',
 * so it covers every web contents the app ever makes, not only the main window's.
 */
export function hardenWebContents(contents: WebContents, appOrigin: string, askToOpen: AskToOpenExternal): void {
  // The window shows the app and nothing else. A link elsewhere that the curator followed is
  // offered to the system browser, after asking; a redirect elsewhere is only refused.
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, appOrigin)) return;
    event.preventDefault();
    if (externalUrlToOpen(event.url)) askToOpen(event.url, contents);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, appOrigin)) event.preventDefault();
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());

  contents.setWindowOpenHandler(({ url }) => {
    if (externalUrlToOpen(url)) askToOpen(url, contents);
    return { action: 'deny' };
  });
}

/** No camera, microphone, location, notifications, USB, HID or serial: the app needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Put our policy on every HTTP response (the dev server); app:// responses carry it themselves. */
export function enforceCsp(session: Session, policy: string, keepOwnPolicy: (url: string) => boolean = () => false): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    // A served document brings a stricter policy of its own (a sandbox): replacing it would loosen it.
    if (keepOwnPolicy(details.url)) return callback({});
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}

/** Applies spellcheckPlan: set the download address first, so no language change can start a download. */
export function applySpellcheckPlan(session: Session, plan: { dictionaryDownloadUrl: string; languages: string[] | null }): void {
  session.setSpellCheckerDictionaryDownloadURL(plan.dictionaryDownloadUrl);
  if (plan.languages) session.setSpellCheckerLanguages(plan.languages);
}
