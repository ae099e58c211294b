import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from './index';

describe('migration 011', () => {
  it('indexes application records by import key, beside existing data, and the import’s lookups use it', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 10));
    const put = db.prepare("INSERT INTO records (entity, id, data, stamps) VALUES (?, ?, ?, '{}')");
    put.run('application', 'a', JSON.stringify({ givenName: 'Siti', importKey: 'email:1' }));
    put.run('expert', 'e', JSON.stringify({ givenName: 'Budi', importKey: 'email:1' }));
    migrate(db, migrations.slice(0, 11));
    expect(db.pragma('user_version', { simple: true })).toBe(11);

    // The same statements as services/import/existing.ts.
    const some = "SELECT json_extract(data, '$.importKey') FROM records INDEXED BY records_application_by_import_key WHERE entity = 'application' AND json_extract(data, '$.importKey') IN (SELECT value FROM json_each(?))";
    const all = "SELECT json_extract(data, '$.importKey') FROM records INDEXED BY records_application_by_import_key WHERE entity = 'application' AND json_extract(data, '$.importKey') IS NOT NULL";
    for (const sql of [some, all]) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(sql === some ? ['["email:1"]'] : [])) as { detail: string }[]).map((r) => r.detail).join(' ');
      expect(plan).toContain('records_application_by_import_key');
    }
    // Only applications hold import keys for the import: the expert's field is not counted.
    expect(db.prepare(some).pluck().all('["email:1","email:2"]')).toEqual(['email:1']);
  });
});
