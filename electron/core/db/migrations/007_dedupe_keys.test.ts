import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from './index';

describe('migration 007', () => {
  it('adds dedupe_person and dedupe_key beside existing data: one profile per record, one row per key and person', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 6));
    db.exec("INSERT INTO records (entity, id, data, stamps) VALUES ('expert', 'x', '{}', '{}')");
    migrate(db, migrations.slice(0, 7));
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(1);

    const person = db.prepare('INSERT INTO dedupe_person (entity, id, profile) VALUES (?, ?, ?)');
    const p = Number(person.run('expert', 'x', '{}').lastInsertRowid);
    person.run('application', 'x', '{}');
    expect(() => person.run('expert', 'x', '{}')).toThrow(/UNIQUE/);
    expect(() => person.run('portfolio', 'y', '{}')).toThrow(/CHECK/);
    expect(() => person.run('expert', 'y', Buffer.from('{}'))).toThrow(/cannot store BLOB value in TEXT column/);

    const key = db.prepare('INSERT INTO dedupe_key (key, person) VALUES (?, ?)');
    key.run('e:ana@bkn.go.id', p);
    expect(() => key.run('e:ana@bkn.go.id', p)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => key.run(null, p)).toThrow(/NOT NULL/);
    // The lookup a check makes is served by the primary key, the replacement by the index.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT person FROM dedupe_key WHERE key IN ('a', 'b')").all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/USING PRIMARY KEY/);
    const replace = db.prepare('EXPLAIN QUERY PLAN DELETE FROM dedupe_key WHERE person = 1').all() as { detail: string }[];
    expect(replace.map((r) => r.detail).join(' ')).toMatch(/dedupe_key_person/);
    db.close();
  });
});
