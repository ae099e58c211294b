import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/result';
import { migrate, type Migration } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './open';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'curator-db-')), 'curator.db');

describe('migrations', () => {
  it('are numbered from 1 without gaps', () => {
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('open a new file in WAL mode with foreign keys and a busy timeout', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('load better-sqlite3 from the native binding the caller names', () => {
    const binding = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    const db = openDatabase(tempFile(), { nativeBinding: binding });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
    expect(() => openDatabase(tempFile(), { nativeBinding: join(tmpdir(), 'no-such-binding.node') })).toThrow();
  });

  it('refuse a database written by a newer app, and leave it untouched', () => {
    const file = tempFile();
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DB_TOO_NEW');
    expect((error as AppError).message).toMatch(/newer version.*Install the latest version/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    check.close();
  });

  it('roll back every step when one fails', () => {
    const db = new Database(':memory:');
    const failing: Migration[] = [
      { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x)') },
      { version: 2, name: 'broken', up: (d) => d.exec('CREATE TABLE oops (') },
    ];
    expect(() => migrate(db, failing)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
  });

  it('run only the missing steps on an older database', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (x)') },
      { version: 2, name: 'two', up: (d) => d.exec('CREATE TABLE two (x)') },
    ];
    expect(migrate(db, steps.slice(0, 1))).toEqual({ from: 0, to: 1 });
    expect(migrate(db, steps)).toEqual({ from: 1, to: 2 });
    expect(migrate(db, steps)).toEqual({ from: 2, to: 2 });
  });
});

describe('migration 001 init', () => {
  it('creates the change log, records, attachments and the expert search projection', () => {
    const db = openDatabase(':memory:');
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['meta', 'changes', 'records', 'attachments', 'expert_index', 'expert_fts', 'expert_facet']) expect(names).toContain(t);
    // (origin, seq) is unique.
    const insert = db.prepare("INSERT INTO changes VALUES ('n1', 1, 'h', 'a', 'expert', 'x', 'put', '{}')");
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
    // The FTS index folds diacritics.
    db.prepare('INSERT INTO expert_fts (rowid, names) VALUES (1, ?)').run('Nguyễn Văn An');
    expect(db.prepare("SELECT rowid FROM expert_fts WHERE expert_fts MATCH 'nguyen'").all()).toEqual([{ rowid: 1 }]);
  });
});
