import { join } from 'node:path';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import { openDatabase } from '../../electron/core/db/open';
import { SERVER_ACTOR_PREFIX } from '../authorize-users';
import type { SyncStore } from '../store';
import { sqliteAccounts } from './accounts';
import { takeRestoreFlag } from './backup';
import { funnelFeedStore } from './feed-store';
import { migrateServerTables } from './schema';

/** The central server's database inside its data folder. */
export const CENTRAL_DB_FILE = 'central.db';
export const centralDbPath = (dataDir: string) => join(dataDir, CENTRAL_DB_FILE);

export interface SqliteStoreOptions {
  now?: () => number;
}

/**
 * The central server's SyncStore on a funnel database (sync-design.md): the same schema and
 * ChangeFunnel as every desktop, plus the server's account tables (./schema.ts), whose roles
 * and scopes are the authority push authorisation reads. The central server keeps no search
 * projection: it serves changes, not searches.
 */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SyncStore {
  const now = options.now ?? Date.now;
  const db = openDatabase(file);
  try {
    migrateServerTables(db);
    // A copy made by `backup` is a server restored from the past: new node id and epoch (./backup.ts).
    takeRestoreFlag(db);
    const funnel = new ChangeFunnel(db, [], now);
    const formerNodes = new Set<string>(JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'server.former_nodes'").pluck().get() as string | undefined) ?? '[]'));
    // Written under the server's author name (authorize-users.ts): a workshop hub tells the server's user changes by it.
    const asServer = (actor: string) => (actor.startsWith(SERVER_ACTOR_PREFIX) ? actor : `${SERVER_ACTOR_PREFIX}${actor}`);
    const accounts = sqliteAccounts(db, (actor, id, fields) => void funnel.write(asServer(actor), [{ entity: 'user', id, fields }]), now);
    const feed = funnelFeedStore(db, funnel, { authority: accounts.authority, genuineUserChange: (c) => formerNodes.has(c.origin) && accounts.agreesWith(c.id, c.fields), now });
    const close = async () => {
      if (db.open) db.close();
    };
    return Object.assign(feed, { accounts, close });
  } catch (error) {
    db.close();
    throw error;
  }
}
