import type { Migration } from '../migrate';

/**
 * Duplicate detection's projection (services/dedupe/projection.ts): per person (an expert
 * now; an open application when that entity lands) its prepared matching profile, and its
 * blocking keys. A check looks up the people sharing a key with the person checked
 * (dedupe_key, by its primary key) and compares only those, reading their profiles by
 * rowid. Derived from records alone, like the search index.
 */
export const m007DedupeKeys: Migration = {
  version: 7,
  name: 'dedupe-keys',
  up(db) {
    db.exec(`
      CREATE TABLE dedupe_person (
        person INTEGER PRIMARY KEY,
        entity TEXT NOT NULL CHECK (entity IN ('expert', 'application')),
        id TEXT NOT NULL,
        -- JSON of MatchProfile (shared/model/dedupe/profile.ts).
        profile TEXT NOT NULL,
        UNIQUE (entity, id)
      ) STRICT;
      -- Keys name the person by rowid: a key row is some 30 bytes, so the keys of 100,000
      -- people stay in the page cache.
      CREATE TABLE dedupe_key (
        key TEXT NOT NULL,
        person INTEGER NOT NULL,
        PRIMARY KEY (key, person)
      ) STRICT, WITHOUT ROWID;
      -- Replacing one person's keys when their record changes.
      CREATE INDEX dedupe_key_person ON dedupe_key (person);
    `);
  },
};
