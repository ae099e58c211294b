import type { Migration } from '../migrate';

/**
 * Changes received from other nodes that were not applied, kept with their reason so that
 * nothing is silently dropped and the origin is never blocked: a *rejected* change failed a
 * check by value and is never applied; a *parked* change names an entity or field this version
 * does not know and is applied once the app knows it. Each still takes its place in its
 * origin's sequence (applyChanges' gap check reads this table too).
 */
export const m004RefusedChanges: Migration = {
  version: 4,
  name: 'refused-changes',
  up(db) {
    db.exec(`
      CREATE TABLE refused_changes (
        origin TEXT NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('rejected', 'parked')),
        reason TEXT NOT NULL,
        -- The change exactly as received (JSON), so it can be shown, forwarded or applied later.
        change TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        PRIMARY KEY (origin, seq)
      ) STRICT;
      CREATE INDEX refused_changes_by_kind ON refused_changes (kind);
    `);
  },
};
