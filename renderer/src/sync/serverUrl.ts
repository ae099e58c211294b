import type { MessageKey } from '../i18n';

/**
 * Checks a server address the way the sync client will (it refuses plain http:// except to
 * loopback with INSECURE_URL), so the curator hears of a mistake before pressing Connect.
 * Returns the address to send (trimmed, without a trailing slash) or the message to show.
 */
const MAX_URL_LENGTH = 500;

export function checkServerUrl(raw: string): { ok: true; url: string } | { ok: false; message: MessageKey } {
  const text = raw.trim();
  if (!text) return { ok: false, message: 'sync.validation.urlRequired' };
  // The core takes at most 500 characters (shared/contract/sync.ts); longer is a paste gone wrong.
  if (text.length > MAX_URL_LENGTH) return { ok: false, message: 'sync.validation.urlTooLong' };
  // "sync.example.org" without a scheme: URL would read it as a path, so say what is missing.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { ok: false, message: /^[^\s/]+\.[^\s/]+/.test(text) ? 'sync.validation.urlScheme' : 'sync.validation.urlMalformed' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'sync.validation.urlMalformed' };
  }
  if (!url.hostname || url.username || url.password) return { ok: false, message: 'sync.validation.urlMalformed' };
  if (url.protocol === 'https:') return { ok: true, url: text.replace(/\/+$/, '') };
  if (url.protocol === 'http:') return isLoopback(url.hostname) ? { ok: true, url: text.replace(/\/+$/, '') } : { ok: false, message: 'sync.validation.urlInsecure' };
  return { ok: false, message: 'sync.validation.urlScheme' };
}

/** localhost, 127.0.0.0/8 and ::1: traffic that never leaves this computer. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
