import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/contract/result';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * Brings the database to the newest bundled migration, all steps in one transaction, and
 * records the version in PRAGMA user_version. A database written by a newer app is refused
 * rather than opened: this app would not know what its newer tables mean.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} is numbered ${m.version}, expected ${i + 1}.`);
  });
  const latest = migrations.length;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      `This data was saved by a newer version of A-EXPECS Curator (database version ${from}; this app knows up to ${latest}). Install the latest version to open it; nothing was changed.`,
    );
  }
  if (from === latest) return { from, to: latest };
  db.transaction(() => {
    for (const m of migrations.slice(from)) m.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest };
}
