import type { Db } from '../db/open';
import { pinnedTransport, type Fetch, type PinnedTransport } from './pinned';

/**
 * The fetch the sync client is given (electron/core/sync openSync `fetch`): requests to the
 * paired workshop hub go through the transport pinned to its certificate; every other request
 * (the central server, behind a real certificate) goes through `base`. The hub and its pin are
 * read from sync_remote on each request, so joining or leaving a hub takes effect at once.
 */
export function routedFetch(db: Db, base: Fetch = fetch): { fetch: Fetch; close(): Promise<void> } {
  const transports = new Map<string, PinnedTransport>();
  const hubRow = () => {
    if (!db.open) return undefined;
    try {
      return db.prepare("SELECT base_url AS baseUrl, pin FROM sync_remote WHERE id = 'hub'").get() as { baseUrl: string; pin: string | null } | undefined;
    } catch {
      return undefined; // sync_remote not created yet (migration 006): no hub either
    }
  };
  const routed = ((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const hub = hubRow();
    if (hub?.pin && (url === hub.baseUrl || url.startsWith(`${hub.baseUrl}/`))) {
      let t = transports.get(hub.pin);
      if (!t) transports.set(hub.pin, (t = pinnedTransport(hub.pin)));
      return t.fetch(url, init);
    }
    return base(input, init);
  }) as Fetch;
  return {
    fetch: routed,
    async close() {
      await Promise.all([...transports.values()].map((t) => t.close()));
      transports.clear();
    },
  };
}
