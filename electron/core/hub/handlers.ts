import { hostname } from 'node:os';
import type { HubStatus } from '../../../shared/contract/hub';
import { AppError } from '../../../shared/contract/result';
import type { SyncUser } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import type { Handlers } from '../rpc/dispatch';
import { RemoteStore } from '../sync/remotes';
import { joinHub } from './join';
import type { HubService } from './service';

export interface HubHandlerDeps {
  hub: HubService;
  db: Db;
  nodeId: () => string;
  /** The central user this laptop is signed in as (sync.user()). */
  user: () => SyncUser | null;
  /** The sync client's enrollment (SyncService.enroll): with a pinned hub row in place, it enrolls with the hub. */
  enroll: (input: { serverUrl: string; code: string; deviceName: string }) => Promise<unknown>;
  /** The sync client forgets the hub (SyncService.removeRemote('hub')): stops and awaits its run, then removes row and token. */
  leave: () => Promise<unknown>;
  now?: () => number;
}

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
    'hub.start': (i) => {
      // Central takes other users' changes only from a relaying curator or administrator
      // (server/authorize.ts): a hub hosted by anyone else would see the laptops' work refused there.
      const role = d.user()?.role;
      if (role !== 'curator' && role !== 'admin') {
        throw new AppError(
          'NOT_ALLOWED',
          role
            ? 'Only a curator or an administrator can host a workshop hub: the host passes every participant\'s changes on to the central server and vouches for those written before a laptop signed in. Ask a curator to host it.'
            : 'Sign in to the central server first (Settings → Sync): the hub checks what each laptop may change with the accounts it received from there.',
        );
      }
      return d.hub.start(i);
    },
    'hub.stop': () => d.hub.stop(),
    'hub.join': async (i) => {
      const deviceName = i.deviceName ?? (safeHostname() || 'Curator laptop');
      const joined = await joinHub({
        address: i.address,
        code: i.code,
        deviceName,
        node: d.nodeId(),
        userId: d.user()?.id ?? null,
      });
      // The hub's row with its pin first: the client's enrollment then goes to the hub through the
      // pinned transport and stores the token as for any server. A failed enrollment leaves no row.
      const remotes = new RemoteStore(d.db);
      const held = remotes.get('hub');
      remotes.enroll({ id: 'hub', baseUrl: joined.baseUrl, pin: joined.pin, tokenId: held?.tokenId ?? '', user: joined.user, now: now() });
      try {
        await d.enroll({ serverUrl: joined.baseUrl, code: joined.code, deviceName });
      } catch (error) {
        if (!held) remotes.remove('hub');
        throw error;
      }
      return d.hub.status();
    },
    'hub.leave': async () => {
      await d.leave();
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
