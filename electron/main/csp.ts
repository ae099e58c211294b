import { APP_ORIGIN } from '../../shared/url';

/**
 * The Content-Security-Policy of every page the window shows. The built app loads only its
 * own files: no remote script, no inline script, no eval, no plugins, no forms posting
 * elsewhere, and frames only of the app's own documents (an applicant's PDF or image, served
 * sandboxed by the attachment routes, shared/attachmentFiles.ts). Styles allow 'unsafe-inline' because Mantine writes its theme's CSS
 * variables into a <style> element and style props into style attributes at run time.
 */
export interface CspOptions {
  /**
   * Development only: the electron-vite dev server (ELECTRON_RENDERER_URL). Vite serves
   * modules from it, pushes hot updates over a WebSocket to it, and @vitejs/plugin-react
   * injects an inline preamble script, so the dev policy allows exactly those three things.
   */
  devServerUrl?: string;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : null;
  const devOrigin = dev ? [`${dev.protocol}//${dev.host}`] : [];
  const devSocket = dev ? [`${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`] : [];

  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', dev ? ["'self'", "'unsafe-inline'", ...devOrigin] : ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // In development the page comes from the dev server, while photos still come from app:// (electron/main/app-protocol).
    ['img-src', ["'self'", 'data:', 'blob:', ...(dev ? [APP_ORIGIN] : [])]],
    ['font-src', ["'self'", 'data:']],
    // Interview recordings play from the attachment route (app:// in the desktop app).
    ['media-src', ["'self'", ...(dev ? [APP_ORIGIN] : [])]],
    ['connect-src', ["'self'", ...devOrigin, ...devSocket]],
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['frame-src', ["'self'", ...(dev ? [APP_ORIGIN] : [])]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
