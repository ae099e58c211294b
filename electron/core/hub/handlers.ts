import { hostname } from 'node:os';
import type { HubStatus } from '../../../shared/contract/hub';
import type { SyncUser } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import type { Handlers } from '../rpc/dispatch';
import { RemoteStore } from '../sync/remotes';
import type { SecretStore } from '../sync/secrets';
import { joinHub } from './join';
import type { HubService } from './service';

export interface HubHandlerDeps {
  hub: HubService;
  db: Db;
  secrets: SecretStore;
  nodeId: () => string;
  /** The central user this laptop is signed in as (sync.user()). */
  user: () => SyncUser | null;
  /** Re-reads the remotes and tokens and syncs (SyncService.start). */
  restartSync: () => Promise<void>;
  now?: () => number;
}

/** The sync client keeps each remote's token under this key (electron/core/sync/service.ts). */
const HUB_TOKEN_KEY = 'sync-token:hub';

/** Where this laptop's joined hub is, for the status: its sync_remote row. */
export function joinedHub(db: Db): HubStatus['joined'] {
  try {
    const row = db.prepare("SELECT base_url AS url, enrolled_at AS since FROM sync_remote WHERE id = 'hub' AND pin IS NOT NULL").get() as { url: string; since: number } | undefined;
    return row ?? null;
  } catch {
    return null;
  }
}

/** The hub.* methods of the contract. */
export function hubHandlers(d: HubHandlerDeps): Pick<Handlers, 'hub.status' | 'hub.start' | 'hub.stop' | 'hub.join' | 'hub.leave'> {
  const now = d.now ?? Date.now;
  return {
    'hub.status': () => d.hub.status(),
    'hub.start': (i) => d.hub.start(i),
    'hub.stop': () => d.hub.stop(),
    'hub.join': async (i) => {
      const joined = await joinHub({
        address: i.address,
        code: i.code,
        deviceName: i.deviceName ?? (safeHostname() || 'Curator laptop'),
        node: d.nodeId(),
        userId: d.user()?.id ?? null,
      });
      // The token first: a remote row without its token would read as "sign in again".
      await d.secrets.set(HUB_TOKEN_KEY, joined.token);
      new RemoteStore(d.db).enroll({ id: 'hub', baseUrl: joined.baseUrl, pin: joined.pin, tokenId: joined.tokenId, user: joined.user, now: now() });
      await d.restartSync();
      return d.hub.status();
    },
    'hub.leave': async () => {
      new RemoteStore(d.db).remove('hub');
      await d.secrets.delete(HUB_TOKEN_KEY);
      await d.restartSync();
      return d.hub.status();
    },
  };
}

function safeHostname(): string {
  try {
    return hostname().slice(0, 100);
  } catch {
    return '';
  }
}
