import type { Migration } from '../migrate';

/**
 * The servers this device syncs with (electron/core/sync): the central endpoint and, at a
 * workshop, a hub; at most one of each. Per remote: where it is, who this device is signed in
 * as there, how far its feed has been pulled (the cursor, saved in the transaction that applies
 * each page), and what it was last known to hold (its version vector, which decides what to
 * push). The device token is not here: a copied data folder must not carry a working token,
 * so it lives in the secret store (sync/secrets.ts), keyed by the remote's id.
 */
export const m006SyncRemote: Migration = {
  version: 6,
  name: 'sync-remote',
  up(db) {
    db.exec(`
      CREATE TABLE sync_remote (
        id TEXT PRIMARY KEY CHECK (id IN ('central', 'hub')),
        base_url TEXT NOT NULL,
        -- A hub's certificate fingerprint (SHA-256), pinned by its pairing code; null for central.
        pin TEXT,
        -- The server's id of this device's token (for the curator and the server's token list).
        token_id TEXT NOT NULL,
        -- The user this device is enrolled as, as the server described it (JSON of SyncUser);
        -- their synced 'user' record, once pulled, is the authority on name and role.
        user TEXT NOT NULL,
        -- The cursor { epoch, seq }: epoch null until the first page or snapshot chunk is applied.
        epoch TEXT,
        cursor_seq INTEGER NOT NULL DEFAULT 0 CHECK (cursor_seq >= 0),
        -- 1 once a first sync's snapshot stream was read to its end; until then a restart resumes it.
        snapshot_done INTEGER NOT NULL DEFAULT 0 CHECK (snapshot_done IN (0, 1)),
        -- The remote's version vector as last heard (JSON { origin: seq }).
        vector TEXT NOT NULL DEFAULT '{}',
        last_synced_at INTEGER,
        -- The failure that stops automatic sync until the curator acts (JSON { code, message }),
        -- e.g. a revoked token; kept across restarts so the app does not retry it in a loop.
        blocked TEXT,
        enrolled_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
