import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';

/**
 * Import keys already held by an application (any application: one a curator deleted was
 * imported all the same, and importing the file again must not bring it back). Both queries
 * are answered from the index of migration 011 (records_application_by_import_key), named with
 * INDEXED BY: without statistics SQLite's planner prefers the primary key's `entity = ?` prefix,
 * which reads every application (20× slower at 20,000 of them), and INDEXED BY fails loudly
 * rather than silently scanning if the index is ever missing.
 */
const statements = perConnection((db: Db) => ({
  all: db
    .prepare("SELECT json_extract(data, '$.importKey') FROM records INDEXED BY records_application_by_import_key WHERE entity = 'application' AND json_extract(data, '$.importKey') IS NOT NULL")
    .pluck(),
  some: db
    .prepare("SELECT json_extract(data, '$.importKey') FROM records INDEXED BY records_application_by_import_key WHERE entity = 'application' AND json_extract(data, '$.importKey') IN (SELECT value FROM json_each(?))")
    .pluck(),
}));

/** Every import key held, for a preview of a whole sheet. */
export function existingImportKeys(db: Db): Set<string> {
  return new Set(statements(db).all.all() as string[]);
}

/** Which of `keys` are held: checked again right before each batch is written. */
export function heldImportKeys(db: Db, keys: readonly string[]): Set<string> {
  if (keys.length === 0) return new Set();
  return new Set(statements(db).some.all(JSON.stringify(keys)) as string[]);
}
