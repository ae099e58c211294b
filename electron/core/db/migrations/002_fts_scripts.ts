import type { Migration } from '../migrate';

/**
 * The search index kept only letters and digits as word characters, so the vowel signs and
 * other combining marks of Thai, Lao, Khmer and Myanmar split words apart (สมชาย ใจดี was
 * indexed as สมชาย ใจด). Combining marks are now word characters too. The table is recreated
 * empty; the expert projection's version bump makes the funnel refill it from the records.
 */
export const m002FtsScripts: Migration = {
  version: 2,
  name: 'fts-scripts',
  up(db) {
    db.exec(`
      DROP TABLE expert_fts;
      CREATE VIRTUAL TABLE expert_fts USING fts5 (
        names, other_names, agency, position, expertise, portfolio,
        tags,
        content = '', contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
        prefix = '2 3'
      );
      INSERT INTO expert_fts (expert_fts, rank) VALUES ('rank', 'bm25(10.0, 6.0, 2.0, 2.0, 3.0, 1.0, 0.0)');
    `);
  },
};
