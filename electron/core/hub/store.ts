import { funnelFeedStore } from '../../../server/sqlite/feed-store';
import type { Authority, FeedStore } from '../../../server/store';
import { countryCodes, type CountryCode } from '../../../shared/model/countries';
import { roles } from '../../../shared/sync/protocol';
import type { ChangeFunnel } from '../changes/funnel';
import type { Db } from '../db/open';

export interface HubStoreOptions {
  db: Db;
  funnel: ChangeFunnel;
  now?: () => number;
  /** Called after a push stored something: the host's UI refreshes and its own sync relays it. */
  received?: (entities: string[]) => void;
}

/**
 * The store of a workshop hub: the server's funnel store (server/sqlite/feed-store.ts) on the
 * host desktop's OWN database and ChangeFunnel, so the host's edits are in the hub's feed,
 * laptops' pushes land in the host's directory (search index included), and the host's sync
 * client relays all of it to central later.
 *
 * Authority comes from the `user` records the host holds (synced from central): the hub has no
 * account table. A `user` change is genuine when it comes from the node that wrote the user
 * records the host pulled from central (central's node id, learnt from those records).
 */
export function hubStore(options: HubStoreOptions): FeedStore {
  const { db, funnel } = options;
  // Devices write user records too (server/authorize-users.ts); only the server writes them as itself.
  const writesUsers = db.prepare("SELECT 1 FROM changes WHERE entity = 'user' AND origin = ? AND actor LIKE 'server-admin:%' LIMIT 1").pluck();
  const readUser = db.prepare("SELECT data FROM records WHERE entity = 'user' AND id = ?").pluck();
  const store = funnelFeedStore(db, funnel, {
    authority: (id) => {
      const data = readUser.get(id) as string | undefined;
      return userAuthority(data ? (JSON.parse(data) as Record<string, unknown>) : null);
    },
    genuineUserChange: (change) => change.origin !== funnel.nodeId && writesUsers.get(change.origin) !== undefined,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    ...store,
    get nodeId() {
      return funnel.nodeId;
    },
    async push(changes, authorize) {
      const outcome = await store.push(changes, authorize);
      if (outcome.applied > 0 || outcome.refused.length > 0) options.received?.(entitiesOf(changes));
      return outcome;
    },
  };
}

function entitiesOf(changes: readonly unknown[]): string[] {
  return [...new Set(changes.map((c) => (c as { entity?: unknown } | null)?.entity).filter((e): e is string => typeof e === 'string'))];
}

/** A user record as authority: role and scope from the synced record; a deleted or disabled user has none to use. */
export function userAuthority(data: Record<string, unknown> | null): Authority | null {
  if (!data || !roles.includes(data.role as never)) return null;
  const country = countryCodes.includes(data.country as never) ? (data.country as CountryCode) : null;
  return { role: data.role as Authority['role'], country, disabled: data.disabled === true || (data.deletedAt !== undefined && data.deletedAt !== null) };
}
