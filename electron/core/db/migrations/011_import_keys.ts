import type { Migration } from '../migrate';

/**
 * Bulk import is idempotent (services/import/existing.ts): before each batch it asks which of the
 * rows' import keys an application already holds. An index on the key, over application records
 * only, answers that without reading every application.
 */
export const m011ImportKeys: Migration = {
  version: 11,
  name: 'import-keys',
  up(db) {
    db.exec(`CREATE INDEX records_application_by_import_key ON records (json_extract(data, '$.importKey')) WHERE entity = 'application';`);
  },
};
