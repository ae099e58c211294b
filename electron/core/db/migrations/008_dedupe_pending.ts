import type { Migration } from '../migrate';

/**
 * Duplicate detection's queue (services/dedupe/pending.ts): the people whose profile and
 * keys must be recomputed from their record. The dedupe projection only notes them in the
 * writing transaction, so a bulk write (a first sync) does not pay for romanising and
 * parsing every name; every lookup brings the index up to date first, and an idle timer
 * does it in batches. Empty whenever the index is current.
 */
export const m008DedupePending: Migration = {
  version: 8,
  name: 'dedupe-pending',
  up(db) {
    db.exec(`
      CREATE TABLE dedupe_pending (
        entity TEXT NOT NULL CHECK (entity IN ('expert', 'application')),
        id TEXT NOT NULL,
        PRIMARY KEY (entity, id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
