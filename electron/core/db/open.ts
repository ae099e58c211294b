import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, type Migration } from './migrate';
import { migrations as bundled } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  migrations?: readonly Migration[];
  /**
   * Path of a better_sqlite3.node built for the runtime in use. The Electron shell run from
   * source passes one built for Electron's ABI, so node_modules keeps Node's build for tests.
   */
  nativeBinding?: string;
}

/** Opens (creating if needed) the database file, sets the pragmas the app relies on, migrates. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? bundled;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // 64 MB of page cache: the search indexes of 100,000 experts stay in memory while they are written.
    db.pragma('cache_size = -65536');
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
