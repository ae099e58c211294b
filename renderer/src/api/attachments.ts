import { useEffect, useState } from 'react';
import { APP_ORIGIN } from '../../../shared/url';
import { routeKey } from './token';

/**
 * Where an application's documents come from, by transport (shared/attachmentFiles.ts):
 *   Electron:     app://curator/attachments/<hash>
 *   browser mode: /attachments/<key>/<hash>, <key> = HMAC-SHA256(token, "curator-attachments/v1"):
 *                 a frame cannot send the token in a header, and the token stays out of URLs.
 */

const KEY_CONTEXT = 'curator-attachments/v1';

let web: { key: string | null; ready: Promise<void> } | null = null;
const waiting = new Set<() => void>();

/** Browser mode: called once with the launch token (client.ts); settles once the key is derived (or cannot be). */
export function setAttachmentToken(token: string): Promise<void> {
  const route: { key: string | null; ready: Promise<void> } = { key: null, ready: Promise.resolve() };
  route.ready = attachmentKey(token).then(
    (key) => {
      route.key = key;
      for (const notify of [...waiting]) notify();
    },
    () => undefined, // No WebCrypto: documents cannot be shown inline; the page offers to save them.
  );
  web = route;
  return route.ready;
}

/** The attachment key for a launch token; electron/web/attachments.ts computes the same value. */
export function attachmentKey(token: string): Promise<string> {
  return routeKey(token, KEY_CONTEXT);
}

/** The URL of a stored document, or null while browser mode's key is not derived yet (or at all). */
export function attachmentUrl(hash: string): string | null {
  if (typeof window !== 'undefined' && window.curator) return `${APP_ORIGIN}/attachments/${hash}`;
  return web?.key ? `/attachments/${web.key}/${hash}` : null;
}

/** attachmentUrl, re-rendering once browser mode's key is ready. */
export function useAttachmentUrl(hash: string | null): string | null {
  const [, rerender] = useState(0);
  const url = hash ? attachmentUrl(hash) : null;
  useEffect(() => {
    if (!hash || url) return;
    const notify = () => rerender((n) => n + 1);
    waiting.add(notify);
    return () => void waiting.delete(notify);
  }, [hash, url]);
  return url;
}
