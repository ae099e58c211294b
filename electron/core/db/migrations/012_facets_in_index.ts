import type { Migration } from '../migrate';

/**
 * An expert's facet values (country, status, languages, expertise with every ancestor) move
 * from expert_facet, a row each in two B-trees (about a dozen rows per expert, so 1.2 million
 * index entries at 100,000 experts), into one JSON column of the expert's expert_index row,
 * which the projection writes anyway: a JSON array of "facet:value" texts. Writing those rows was a ninth of a first sync's CPU;
 * the facet counts (services/experts/facets.ts) read the column, through a snapshot in memory
 * as before. `expert_facet` stays as a view of the column, for reading and comparing by hand
 * and in tests. The column is filled by the expert projection's version bump (5).
 */
export const m012FacetsInIndex: Migration = {
  version: 12,
  name: 'facets-in-index',
  up(db) {
    db.exec(`
      DROP TABLE expert_facet;
      ALTER TABLE expert_index ADD COLUMN facets TEXT NOT NULL DEFAULT '[]';
      CREATE VIEW expert_facet (facet, value, expert_rowid) AS
        SELECT substr(f.value, 1, instr(f.value, ':') - 1), substr(f.value, instr(f.value, ':') + 1), i.rowid
        FROM expert_index i, json_each(i.facets) f;
    `);
  },
};
