import type { Db } from '../../electron/core/db/open';

/**
 * The server's own tables, beside the funnel's (which electron/core/db/migrations owns):
 * accounts and their secrets, which never sync. Versioned by `meta['server.schema']`, each
 * step once, in one transaction with the version, like the app's migrations.
 *
 * Secrets are stored as SHA-256 hashes only (server/secrets.ts). Emails live here, never in
 * the synced `user` record. Role, country and `disabled` are the authority that push
 * authorisation reads; the synced record mirrors them for display.
 */
const steps: readonly ((db: Db) => void)[] = [
  (db) =>
    db.exec(`
      CREATE TABLE server_users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'curator', 'reviewer', 'focal_point')),
        country TEXT,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE server_enrollment_codes (
        code_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES server_users (id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        token_id TEXT
      ) STRICT;

      CREATE TABLE server_tokens (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES server_users (id),
        node TEXT,
        device_name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER,
        revoked_at INTEGER
      ) STRICT;
      CREATE INDEX server_tokens_by_user ON server_tokens (user_id);
    `),
];

export const SERVER_SCHEMA_VERSION = steps.length;

/** Brings the server tables to the newest step; refuses a database a newer server wrote. */
export function migrateServerTables(db: Db): void {
  const get = db.prepare("SELECT value FROM meta WHERE key = 'server.schema'").pluck();
  const from = Number((get.get() as string | undefined) ?? 0);
  if (from > steps.length) {
    throw new Error(`This data folder was written by a newer server (server schema ${from}; this one knows up to ${steps.length}). Run the newer server; nothing was changed.`);
  }
  if (from === steps.length) return;
  db.transaction(() => {
    for (const step of steps.slice(from)) step(db);
    db.prepare("INSERT INTO meta (key, value) VALUES ('server.schema', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(steps.length));
  }).immediate();
}
