import type { Migration } from '../migrate';

/**
 * The applications list's projection (services/vetting/projection.ts): one row per application
 * with what the list shows and filters on, its stage computed from the events. Derived from
 * the `application` and `vetting_event` records alone, so every node holds the same rows.
 *
 * - application_index: stage and country are indexed (the stage tabs count under the other
 *   filters by scanning the stage index only); `search` is the folded name, other names,
 *   e-mail and agency the query looks into; `summary` the list row as sent (JSON).
 * - application_reviewer: who is assigned now or has reviewed, for "assigned to me", the
 *   reviewer filter and a reviewer's own view.
 */
export const m010Applications: Migration = {
  version: 10,
  name: 'applications',
  up(db) {
    db.exec(`
      CREATE TABLE application_index (
        id TEXT PRIMARY KEY,
        stage TEXT NOT NULL,
        stage_since INTEGER,
        submitted_at INTEGER,
        country TEXT NOT NULL,
        nominating_country TEXT NOT NULL,
        sort_name TEXT NOT NULL,
        search TEXT NOT NULL,
        reviews_pending INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        summary TEXT NOT NULL
      ) STRICT;
      CREATE INDEX application_index_stage ON application_index (stage, submitted_at);
      CREATE INDEX application_index_country ON application_index (country, stage);
      CREATE INDEX application_index_nominating ON application_index (nominating_country, stage);
      CREATE INDEX application_index_submitted ON application_index (submitted_at);
      CREATE TABLE application_reviewer (
        reviewer TEXT NOT NULL,
        id TEXT NOT NULL,
        -- 1 while assigned now; 0 for a reviewer unassigned after reviewing.
        assigned INTEGER NOT NULL,
        PRIMARY KEY (reviewer, id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX application_reviewer_id ON application_reviewer (id);
    `);
  },
};
