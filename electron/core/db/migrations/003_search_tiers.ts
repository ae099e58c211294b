import type { Migration } from '../migrate';

/**
 * Search that ranks people first (services/experts/search-plan.ts):
 * - expert_name_fts holds only the names (and the facet tags, so filters apply to it too). A
 *   query's "name" tiers read its small doclists instead of every column's, which is what
 *   keeps `tran` fast when "Transformation" fills the agency column of thousands of rows.
 * - expert_fts is recreated with a one-letter prefix index, so a first keystroke reads one
 *   prefix doclist instead of merging every word that starts with that letter.
 * - expert_match_source keeps, per expert, the texts a match outside the name is shown from
 *   ("portfolio: Dangal ng Bayan Award"); the FTS tables are contentless and cannot say.
 * Tags now start with a private-use character (services/experts/tags.ts) that no typed word
 * contains, so a text query needs no column filter to stay out of the tags column.
 * The tables are created empty; the expert projection's version bump refills them.
 */
export const m003SearchTiers: Migration = {
  version: 3,
  name: 'search-tiers',
  up(db) {
    db.exec(`
      DROP TABLE expert_fts;
      CREATE VIRTUAL TABLE expert_fts USING fts5 (
        names, other_names, agency, position, expertise, portfolio,
        tags,
        content = '', contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
        prefix = '1 2 3'
      );
      INSERT INTO expert_fts (expert_fts, rank) VALUES ('rank', 'bm25(10.0, 6.0, 2.0, 2.0, 3.0, 1.0, 0.0)');

      CREATE VIRTUAL TABLE expert_name_fts USING fts5 (
        names,
        tags,
        content = '', contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
        prefix = '1 2 3'
      );

      -- JSON {"otherNames": [...], "expertise": [[en, id], ...], "portfolio": [...]} per expert.
      CREATE TABLE expert_match_source (
        rowid INTEGER PRIMARY KEY,
        data TEXT NOT NULL
      ) STRICT;
    `);
  },
};
