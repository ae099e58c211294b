import { shell, type Session, type WebContents } from 'electron';
import { externalUrlToOpen, isAppUrl } from './urls';

/**
 * Electron's security checklist for one web contents. Applied from 'web-contents-created',
 * so it covers every web contents the app ever makes, not only the main window's.
 */
export function hardenWebContents(contents: WebContents, appOrigin: string): void {
  // The window shows the app and nothing else; a link elsewhere opens in the system browser.
  const stayInApp = (event: { preventDefault(): void; url: string }) => {
    if (!isAppUrl(event.url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);

  contents.on('will-attach-webview', (event) => event.preventDefault());

  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) void shell.openExternal(external.href);
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
export function enforceCsp(session: Session, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}
