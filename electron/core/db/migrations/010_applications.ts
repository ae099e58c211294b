import type { Migration } from '../migrate';

/**
 * The applications list's projection (services/vetting/projection.ts): one row per application
 * with what the list shows and filters on, its stage computed from the events. Derived from
 * the `application` and `vetting_event` records alone, so every node holds the same rows.
 *
 * - application_index: stage and country are indexed (the stage tabs count under the other
 *   filters by scanning the stage index only); `summary` is the list row as sent (JSON).
 * - application_fts: the name, other names, e-mail and agency, folded as the directory's
 *   search folds them (same tokenizer as expert_fts), rowid = application_index.seq: a query
 *   word matches the start of a word, through an index rather than a scan of every row.
 * - application_reviewer: who is assigned now or has reviewed, for "assigned to me", the
 *   reviewer filter and a reviewer's own view.
 * - application_stage_count: how many rows per stage, country and nominating country, kept by
 *   triggers on application_index, so the stage tabs' counts under a country filter or a focal
 *   point's scope read a few hundred rows at most instead of counting 100,000.
 */
export const m010Applications: Migration = {
  version: 10,
  name: 'applications',
  up(db) {
    db.exec(`
      CREATE TABLE application_index (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        stage TEXT NOT NULL,
        stage_since INTEGER,
        submitted_at INTEGER,
        country TEXT NOT NULL,
        nominating_country TEXT NOT NULL,
        sort_name TEXT NOT NULL,
        reviews_pending INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        summary TEXT NOT NULL
      ) STRICT;
      CREATE INDEX application_index_stage ON application_index (stage, submitted_at);
      CREATE INDEX application_index_country ON application_index (country, stage);
      CREATE INDEX application_index_nominating ON application_index (nominating_country, stage);
      CREATE INDEX application_index_submitted ON application_index (submitted_at);
      CREATE VIRTUAL TABLE application_fts USING fts5 (
        search,
        content = '', contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
        prefix = '1 2 3'
      );
      CREATE TABLE application_reviewer (
        reviewer TEXT NOT NULL,
        id TEXT NOT NULL,
        -- 1 while assigned now; 0 for a reviewer unassigned after reviewing.
        assigned INTEGER NOT NULL,
        PRIMARY KEY (reviewer, id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX application_reviewer_id ON application_reviewer (id);
      CREATE TABLE application_stage_count (
        stage TEXT NOT NULL,
        country TEXT NOT NULL,
        nominating_country TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (stage, country, nominating_country)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER application_count_insert AFTER INSERT ON application_index BEGIN
        INSERT INTO application_stage_count (stage, country, nominating_country, n) VALUES (new.stage, new.country, new.nominating_country, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER application_count_delete AFTER DELETE ON application_index BEGIN
        UPDATE application_stage_count SET n = n - 1 WHERE stage = old.stage AND country = old.country AND nominating_country = old.nominating_country;
        DELETE FROM application_stage_count WHERE stage = old.stage AND country = old.country AND nominating_country = old.nominating_country AND n = 0;
      END;
      CREATE TRIGGER application_count_update AFTER UPDATE OF stage, country, nominating_country ON application_index
        WHEN old.stage IS NOT new.stage OR old.country IS NOT new.country OR old.nominating_country IS NOT new.nominating_country BEGIN
        UPDATE application_stage_count SET n = n - 1 WHERE stage = old.stage AND country = old.country AND nominating_country = old.nominating_country;
        DELETE FROM application_stage_count WHERE stage = old.stage AND country = old.country AND nominating_country = old.nominating_country AND n = 0;
        INSERT INTO application_stage_count (stage, country, nominating_country, n) VALUES (new.stage, new.country, new.nominating_country, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
    `);
  },
};
