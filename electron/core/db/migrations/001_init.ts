import type { Migration } from '../migrate';

/**
 * The first schema: node metadata, the change log, the merged records, and the expert
 * search projection. `records` is written only by applyChanges; the projection tables
 * (expert_index, expert_fts, expert_facet) only by the expert projection, inside the same
 * transaction, so they never disagree with the records.
 */
export const m001Init: Migration = {
  version: 1,
  name: 'init',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      -- Every write, local or from sync. (origin, seq) is unique and gapless per origin.
      CREATE TABLE changes (
        origin TEXT NOT NULL,
        seq INTEGER NOT NULL,
        hlc TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        id TEXT NOT NULL,
        op TEXT NOT NULL,
        fields TEXT NOT NULL,
        UNIQUE (origin, seq)
      ) STRICT;
      -- History of a record is read from its changes.
      CREATE INDEX changes_by_record ON changes (entity, id);

      -- The merged state: one row per record, fields as canonical JSON, and per field the
      -- stamp [hlc, origin, actor] of the write that won (encoded by changes/stamps.ts).
      CREATE TABLE records (
        entity TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        stamps TEXT NOT NULL,
        PRIMARY KEY (entity, id)
      ) STRICT;
      CREATE INDEX records_portfolio_by_expert ON records (json_extract(data, '$.expertId')) WHERE entity = 'portfolio';

      CREATE TABLE attachments (
        hash TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- Expert search projection. rowid is shared with expert_fts and expert_facet.
      CREATE TABLE expert_index (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        sort_name TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        summary TEXT NOT NULL
      ) STRICT;
      CREATE INDEX expert_index_by_name ON expert_index (sort_name, rowid);
      CREATE INDEX expert_index_by_updated ON expert_index (updated_at, rowid);

      CREATE VIRTUAL TABLE expert_fts USING fts5 (
        names, other_names, agency, position, expertise, portfolio,
        -- Facet values as words (services/experts/tags.ts): filters are terms FTS5 intersects.
        tags,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );

      -- Relevance: a match in a name counts most, then other spellings, expertise, agency and
      -- position, portfolio; tags (filters) do not count.
      INSERT INTO expert_fts (expert_fts, rank) VALUES ('rank', 'bm25(10.0, 6.0, 2.0, 2.0, 3.0, 1.0, 0.0)');

      -- Facet values per expert (expertise includes every ancestor term, so a broad term
      -- finds experts filed under its children).
      CREATE TABLE expert_facet (
        facet TEXT NOT NULL,
        value TEXT NOT NULL,
        expert_rowid INTEGER NOT NULL,
        PRIMARY KEY (facet, value, expert_rowid)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX expert_facet_by_expert ON expert_facet (expert_rowid);
    `);
  },
};
