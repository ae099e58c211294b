import type { Migration } from '../migrate';

/**
 * Duplicate detection's projection (services/dedupe/projection.ts): per person (an expert
 * now; an open application when that entity lands) its blocking keys and its prepared
 * matching profile. A check looks up the people sharing a key with the person checked
 * (dedupe_key, by its primary key) and compares only those, reading their profiles from
 * dedupe_person. Derived from records alone, like the search index.
 */
export const m007DedupeKeys: Migration = {
  version: 7,
  name: 'dedupe-keys',
  up(db) {
    db.exec(`
      CREATE TABLE dedupe_key (
        key TEXT NOT NULL,
        entity TEXT NOT NULL CHECK (entity IN ('expert', 'application')),
        id TEXT NOT NULL,
        PRIMARY KEY (key, entity, id)
      ) STRICT, WITHOUT ROWID;
      -- Replacing one person's keys when their record changes.
      CREATE INDEX dedupe_key_person ON dedupe_key (entity, id);
      -- A rowid table: profiles run to a kilobyte, too large for a WITHOUT ROWID b-tree.
      CREATE TABLE dedupe_person (
        entity TEXT NOT NULL CHECK (entity IN ('expert', 'application')),
        id TEXT NOT NULL,
        -- JSON of MatchProfile (shared/model/dedupe/profile.ts).
        profile TEXT NOT NULL,
        PRIMARY KEY (entity, id)
      ) STRICT;
    `);
  },
};
