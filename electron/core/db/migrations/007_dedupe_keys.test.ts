import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from './index';

describe('migration 007', () => {
  it('adds dedupe_key and dedupe_person beside existing data: one row per key and person, known entities only', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 6));
    db.exec("INSERT INTO records (entity, id, data, stamps) VALUES ('expert', 'x', '{}', '{}')");
    migrate(db, migrations.slice(0, 7));
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(1);

    const key = db.prepare('INSERT INTO dedupe_key (key, entity, id) VALUES (?, ?, ?)');
    key.run('e:ana@bkn.go.id', 'expert', 'x');
    key.run('e:ana@bkn.go.id', 'application', 'x');
    expect(() => key.run('e:ana@bkn.go.id', 'expert', 'x')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => key.run('e:ana@bkn.go.id', 'portfolio', 'x')).toThrow(/CHECK/);
    expect(() => key.run(null, 'expert', 'y')).toThrow(/NOT NULL/);
    const person = db.prepare('INSERT INTO dedupe_person (entity, id, profile) VALUES (?, ?, ?)');
    person.run('expert', 'x', '{}');
    expect(() => person.run('expert', 'x', '{}')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => person.run('expert', 'y', Buffer.from('{}'))).toThrow(/cannot store BLOB value in TEXT column/);
    // The lookup a check makes is served by the primary key, the replacement by the index.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT entity, id FROM dedupe_key WHERE key IN ('a', 'b')").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING PRIMARY KEY/);
    const replace = db.prepare("EXPLAIN QUERY PLAN DELETE FROM dedupe_key WHERE entity = 'expert' AND id = 'x'").all() as { detail: string }[];
    expect(replace.map((p) => p.detail).join(' ')).toMatch(/dedupe_key_person/);
    db.close();
  });
});
